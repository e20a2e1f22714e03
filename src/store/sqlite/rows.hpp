// What every SQLite statement of the engine shares: the column lists and
// row readers of each model type, and the visibility rule of
// access/policy.hpp written as SQL.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "access/scope.hpp"
#include "model/audit.hpp"
#include "model/consent.hpp"
#include "model/event.hpp"
#include "model/organisation.hpp"
#include "store/sqlite/connection.hpp"

namespace ts::store::sqlite {

// The visibility rule of access/policy.hpp in SQL. Binds ?1 = scope.all,
// ?2 = org id, ?3 = narrowest visible level number.
inline constexpr std::string_view kEventVisible =
    "(?1 OR e.provider_org_id = ?2 OR e.submitter_org_id = ?2 "
    "OR (e.status = 'published' AND e.level >= ?3))";

inline constexpr std::string_view kIndicatorVisible =
    "(?1 OR e.provider_org_id = ?2 OR e.submitter_org_id = ?2 OR i.level IS NULL OR i.level >= ?3)";

inline constexpr std::string_view kOrgColumns = "id, name, sector, sub_sector, membership, created";

inline constexpr std::string_view kUserColumns =
    "u.id, u.org_id, u.email, u.display_name, u.role, u.disabled, u.accepted_rules_version, "
    "u.created";

inline constexpr std::string_view kKeyColumns =
    "k.id, k.user_id, k.name, k.prefix, k.created, k.last_used, k.revoked";

inline constexpr std::string_view kEventColumns =
    "e.id, e.title, e.description, e.provider_org_id, e.submitter_org_id, e.submitter_user_id, "
    "e.level, e.category, e.timing, e.status, e.created, e.modified, o.name, "
    "(SELECT group_concat(tag, char(31)) FROM (SELECT tag FROM event_tags t WHERE "
    "t.event_rid = e.rid ORDER BY tag))";

inline constexpr std::string_view kIndicatorColumns =
    "i.id, e.id, i.type, i.value, i.level, i.first_seen, i.last_seen, i.confidence, i.comment, "
    "i.created, i.modified, e.level, i.origin_object_uuid, i.origin_object_name, "
    "i.origin_relation, i.origin_attribute_uuid";

inline constexpr std::string_view kConsentColumns =
    "id, kind, event_id, provider_org_id, requester_org_id, requester_user_id, from_level, "
    "to_level, reason, state, decided_by, decision_comment, created, decided";

inline constexpr std::string_view kAuditColumns =
    "seq, time, user_id, org_id, actor, action, object_type, object_id, address, detail, "
    "prev_hash, hash";

// Binds ?1 = scope.all, ?2 = org id, ?3 = narrowest visible level number.
void BindScope(Stmt& s, const access::Scope& scope);
// A LIKE pattern matching `text` anywhere, with wildcards escaped by '\\'.
std::string LikePattern(std::string_view text);
std::optional<int64_t> LevelColumn(std::optional<model::Level> level);

// Row readers for the column lists above, starting at column `first`.
model::Organisation ReadOrg(const Stmt& s);
model::User ReadUser(const Stmt& s, int first = 0);
model::ApiKey ReadKey(const Stmt& s);
model::Event ReadEvent(const Stmt& s);
model::Indicator ReadIndicator(const Stmt& s);
model::ConsentRequest ReadConsent(const Stmt& s);
model::AuditEntry ReadAudit(const Stmt& s);

}  // namespace ts::store::sqlite
