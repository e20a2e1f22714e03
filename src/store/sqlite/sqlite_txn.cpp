#include "store/sqlite/sqlite_txn.hpp"

#include <string_view>

#include <nlohmann/json.hpp>

namespace ts::store::sqlite {
namespace {

using model::Level;

constexpr char kTagSeparator = '\x1f';

// The visibility rule of access/policy.hpp in SQL. Binds ?1 = scope.all,
// ?2 = org id, ?3 = narrowest visible level number.
constexpr std::string_view kEventVisible =
    "(?1 OR e.provider_org_id = ?2 OR e.submitter_org_id = ?2 "
    "OR (e.status = 'published' AND e.level >= ?3))";
constexpr std::string_view kIndicatorVisible =
    "(?1 OR e.provider_org_id = ?2 OR e.submitter_org_id = ?2 OR i.level IS NULL OR i.level >= ?3)";

void BindScope(Stmt& s, const access::Scope& scope) {
  s.Bind(1, static_cast<int64_t>(scope.all())).Bind(2, scope.org_id()).Bind(3, scope.min_level());
}

std::string LikePattern(std::string_view text) {
  std::string p = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') p += '\\';
    p += c;
  }
  return p + "%";
}

model::Organisation ReadOrg(const Stmt& s) {
  model::Organisation o;
  o.id = s.Int(0);
  o.name = s.Text(1);
  o.sector = s.Text(2);
  o.sub_sector = s.Text(3);
  o.membership = model::ParseMembership(s.Text(4)).value_or(model::Membership::kRelated);
  o.created = s.Text(5);
  return o;
}
constexpr std::string_view kOrgColumns = "id, name, sector, sub_sector, membership, created";

model::User ReadUser(const Stmt& s, int first = 0) {
  model::User u;
  u.id = s.Int(first);
  u.org_id = s.Int(first + 1);
  u.email = s.Text(first + 2);
  u.display_name = s.Text(first + 3);
  u.role = model::ParseRole(s.Text(first + 4)).value_or(model::Role::kReadOnly);
  u.disabled = s.Int(first + 5) != 0;
  u.accepted_rules_version = static_cast<int>(s.Int(first + 6));
  u.created = s.Text(first + 7);
  return u;
}
constexpr std::string_view kUserColumns =
    "u.id, u.org_id, u.email, u.display_name, u.role, u.disabled, u.accepted_rules_version, "
    "u.created";

model::ApiKey ReadKey(const Stmt& s) {
  model::ApiKey k;
  k.id = s.Int(0);
  k.user_id = s.Int(1);
  k.name = s.Text(2);
  k.prefix = s.Text(3);
  k.created = s.Text(4);
  k.last_used = s.Text(5);
  k.revoked = s.Int(6) != 0;
  return k;
}
constexpr std::string_view kKeyColumns = "k.id, k.user_id, k.name, k.prefix, k.created, k.last_used, k.revoked";

std::vector<std::string> SplitTags(const std::string& joined) {
  std::vector<std::string> tags;
  std::size_t start = 0;
  while (start < joined.size()) {
    auto end = joined.find(kTagSeparator, start);
    if (end == std::string::npos) end = joined.size();
    tags.push_back(joined.substr(start, end - start));
    start = end + 1;
  }
  return tags;
}

constexpr std::string_view kEventColumns =
    "e.id, e.title, e.description, e.provider_org_id, e.submitter_org_id, e.submitter_user_id, "
    "e.level, e.category, e.timing, e.status, e.created, e.modified, o.name, "
    "(SELECT group_concat(tag, char(31)) FROM (SELECT tag FROM event_tags t WHERE "
    "t.event_rid = e.rid ORDER BY tag))";

model::Event ReadEvent(const Stmt& s) {
  model::Event e;
  e.id = s.Text(0);
  e.title = s.Text(1);
  e.description = s.Text(2);
  e.provider_org_id = s.Int(3);
  e.submitter_org_id = s.Int(4);
  e.submitter_user_id = s.Int(5);
  e.level = static_cast<Level>(s.Int(6));
  e.category = model::ParseCategory(s.Text(7)).value_or(model::Category::kBb);
  e.timing = model::ParseTiming(s.Text(8)).value_or(model::Timing::kPeacetime);
  e.status = model::ParseEventStatus(s.Text(9)).value_or(model::EventStatus::kDraft);
  e.created = s.Text(10);
  e.modified = s.Text(11);
  e.provider_org_name = s.Text(12);
  e.tags = SplitTags(s.Text(13));
  return e;
}

constexpr std::string_view kIndicatorColumns =
    "i.id, e.id, i.type, i.value, i.level, i.first_seen, i.last_seen, i.confidence, i.comment, "
    "i.created, i.modified, e.level";

model::Indicator ReadIndicator(const Stmt& s) {
  model::Indicator i;
  i.id = s.Text(0);
  i.event_id = s.Text(1);
  i.type = model::ParseIndicatorType(s.Text(2)).value_or(model::IndicatorType::kText);
  i.value = s.Text(3);
  if (!s.IsNull(4)) i.level = static_cast<Level>(s.Int(4));
  i.first_seen = s.Text(5);
  i.last_seen = s.Text(6);
  i.confidence = static_cast<int>(s.Int(7));
  i.comment = s.Text(8);
  i.created = s.Text(9);
  i.modified = s.Text(10);
  i.event_level = static_cast<Level>(s.Int(11));
  return i;
}

constexpr std::string_view kConsentColumns =
    "id, kind, event_id, provider_org_id, requester_org_id, requester_user_id, from_level, "
    "to_level, reason, state, decided_by, decision_comment, created, decided";

model::ConsentRequest ReadConsent(const Stmt& s) {
  model::ConsentRequest r;
  r.id = s.Text(0);
  r.kind = s.Text(1) == "publish" ? model::ConsentKind::kPublish : model::ConsentKind::kWiden;
  r.event_id = s.Text(2);
  r.provider_org_id = s.Int(3);
  r.requester_org_id = s.Int(4);
  r.requester_user_id = s.Int(5);
  if (!s.IsNull(6)) r.from_level = static_cast<Level>(s.Int(6));
  if (!s.IsNull(7)) r.to_level = static_cast<Level>(s.Int(7));
  r.reason = s.Text(8);
  r.state = model::ParseConsentState(s.Text(9)).value_or(model::ConsentState::kPending);
  r.decided_by_user_id = s.Int(10);
  r.decision_comment = s.Text(11);
  r.created = s.Text(12);
  r.decided = s.Text(13);
  return r;
}

constexpr std::string_view kAuditColumns =
    "seq, time, user_id, org_id, actor, action, object_type, object_id, address, detail, "
    "prev_hash, hash";

model::AuditEntry ReadAudit(const Stmt& s) {
  model::AuditEntry a;
  a.seq = s.Int(0);
  a.time = s.Text(1);
  a.user_id = s.Int(2);
  a.org_id = s.Int(3);
  a.actor = s.Text(4);
  a.action = s.Text(5);
  a.object_type = s.Text(6);
  a.object_id = s.Text(7);
  a.address = s.Text(8);
  a.detail = s.Text(9);
  a.prev_hash = s.Text(10);
  a.hash = s.Text(11);
  return a;
}

std::optional<int64_t> LevelColumn(std::optional<Level> level) {
  if (!level) return std::nullopt;
  return static_cast<int64_t>(*level);
}

std::string_view OrderBy(EventSort sort) {
  switch (sort) {
    case EventSort::kModifiedDesc: return "e.modified DESC, e.id";
    case EventSort::kModifiedAsc: return "e.modified ASC, e.id";
    case EventSort::kCreatedDesc: return "e.created DESC, e.id";
    case EventSort::kCreatedAsc: return "e.created ASC, e.id";
    case EventSort::kTitle: return "e.title COLLATE NOCASE, e.id";
    case EventSort::kLevel: return "e.level, e.modified DESC, e.id";
  }
  return "e.modified DESC, e.id";
}

}  // namespace

std::optional<model::Organisation> SqliteTxn::OrganisationById(int64_t id) {
  Stmt s(db_, std::string("SELECT ") + std::string(kOrgColumns) + " FROM organisations WHERE id = ?");
  s.Bind(1, id);
  if (!s.Step()) return std::nullopt;
  return ReadOrg(s);
}

std::optional<model::Organisation> SqliteTxn::OrganisationByName(const std::string& name) {
  Stmt s(db_, std::string("SELECT ") + std::string(kOrgColumns) + " FROM organisations WHERE name = ?");
  s.Bind(1, name);
  if (!s.Step()) return std::nullopt;
  return ReadOrg(s);
}

std::vector<model::Organisation> SqliteTxn::Organisations() {
  Stmt s(db_, std::string("SELECT ") + std::string(kOrgColumns) + " FROM organisations ORDER BY name");
  std::vector<model::Organisation> out;
  while (s.Step()) out.push_back(ReadOrg(s));
  return out;
}

std::optional<model::User> SqliteTxn::UserById(int64_t id) {
  Stmt s(db_, std::string("SELECT ") + std::string(kUserColumns) + " FROM users u WHERE u.id = ?");
  s.Bind(1, id);
  if (!s.Step()) return std::nullopt;
  return ReadUser(s);
}

std::optional<model::User> SqliteTxn::UserByEmail(const std::string& email) {
  Stmt s(db_, std::string("SELECT ") + std::string(kUserColumns) + " FROM users u WHERE u.email = ?");
  s.Bind(1, email);
  if (!s.Step()) return std::nullopt;
  return ReadUser(s);
}

std::vector<model::User> SqliteTxn::Users(std::optional<int64_t> org_id) {
  Stmt s(db_, std::string("SELECT ") + std::string(kUserColumns) +
                  " FROM users u WHERE ?1 IS NULL OR u.org_id = ?1 ORDER BY u.email");
  s.Bind(1, org_id);
  std::vector<model::User> out;
  while (s.Step()) out.push_back(ReadUser(s));
  return out;
}

std::optional<std::string> SqliteTxn::PasswordHash(int64_t user_id) {
  Stmt s(db_, "SELECT password_hash FROM users WHERE id = ?");
  s.Bind(1, user_id);
  if (!s.Step()) return std::nullopt;
  return s.Text(0);
}

std::optional<ApiKeyRecord> SqliteTxn::ApiKeyBySecretHash(const std::string& hash) {
  Stmt s(db_, std::string("SELECT ") + std::string(kKeyColumns) + ", " + std::string(kUserColumns) +
                  " FROM api_keys k JOIN users u ON u.id = k.user_id WHERE k.secret_hash = ?");
  s.Bind(1, hash);
  if (!s.Step()) return std::nullopt;
  return ApiKeyRecord{ReadKey(s), ReadUser(s, 7)};
}

std::vector<model::ApiKey> SqliteTxn::ApiKeys(int64_t user_id) {
  Stmt s(db_, std::string("SELECT ") + std::string(kKeyColumns) +
                  " FROM api_keys k WHERE k.user_id = ? ORDER BY k.id");
  s.Bind(1, user_id);
  std::vector<model::ApiKey> out;
  while (s.Step()) out.push_back(ReadKey(s));
  return out;
}

std::optional<SessionRecord> SqliteTxn::SessionByTokenHash(const std::string& hash) {
  Stmt s(db_, "SELECT token_hash, user_id, csrf_token, created, expires FROM sessions WHERE token_hash = ?");
  s.Bind(1, hash);
  if (!s.Step()) return std::nullopt;
  return SessionRecord{s.Text(0), s.Int(1), s.Text(2), s.Text(3), s.Text(4)};
}

std::optional<model::RulesVersion> SqliteTxn::CurrentRules() {
  Stmt s(db_, "SELECT version, text, created, created_by FROM rules ORDER BY version DESC LIMIT 1");
  if (!s.Step()) return std::nullopt;
  return model::RulesVersion{static_cast<int>(s.Int(0)), s.Text(1), s.Text(2), s.Int(3)};
}

std::vector<model::RulesVersion> SqliteTxn::RulesVersions() {
  Stmt s(db_, "SELECT version, text, created, created_by FROM rules ORDER BY version DESC");
  std::vector<model::RulesVersion> out;
  while (s.Step()) out.push_back({static_cast<int>(s.Int(0)), s.Text(1), s.Text(2), s.Int(3)});
  return out;
}

std::optional<model::Event> SqliteTxn::EventById(const access::Scope& scope, const std::string& id) {
  Stmt s(db_, std::string("SELECT ") + std::string(kEventColumns) +
                  " FROM events e JOIN organisations o ON o.id = e.provider_org_id WHERE e.id = ?4 AND " +
                  std::string(kEventVisible));
  BindScope(s, scope);
  s.Bind(4, id);
  if (!s.Step()) return std::nullopt;
  return ReadEvent(s);
}

Page<model::Event> SqliteTxn::Events(const access::Scope& scope, const EventFilter& f) {
  std::string where = std::string(" FROM events e JOIN organisations o ON o.id = e.provider_org_id WHERE ") +
                      std::string(kEventVisible) +
                      " AND (?4 IS NULL OR e.level = ?4) AND (?5 IS NULL OR e.category = ?5)"
                      " AND (?6 IS NULL OR e.timing = ?6) AND (?7 IS NULL OR e.status = ?7)"
                      " AND (?8 IS NULL OR e.provider_org_id = ?8)"
                      " AND (?9 IS NULL OR EXISTS (SELECT 1 FROM event_tags t WHERE t.event_rid = e.rid"
                      " AND t.tag = ?9))"
                      " AND (?10 IS NULL OR e.title LIKE ?10 ESCAPE '\\' OR e.description LIKE ?10 ESCAPE '\\')";
  auto bind = [&](Stmt& s) {
    BindScope(s, scope);
    s.Bind(4, LevelColumn(f.level));
    f.category ? s.Bind(5, model::CategoryName(*f.category)) : s.BindNull(5);
    f.timing ? s.Bind(6, model::TimingName(*f.timing)) : s.BindNull(6);
    f.status ? s.Bind(7, model::EventStatusName(*f.status)) : s.BindNull(7);
    s.Bind(8, f.provider_org_id);
    f.tag.empty() ? s.BindNull(9) : s.Bind(9, f.tag);
    f.text.empty() ? s.BindNull(10) : s.Bind(10, LikePattern(f.text));
  };
  Page<model::Event> page;
  {
    Stmt s(db_, "SELECT count(*)" + where);
    bind(s);
    if (s.Step()) page.total = s.Int(0);
  }
  Stmt s(db_, std::string("SELECT ") + std::string(kEventColumns) + where + " ORDER BY " +
                  std::string(OrderBy(f.sort)) + " LIMIT ?11 OFFSET ?12");
  bind(s);
  s.Bind(11, f.limit).Bind(12, f.offset);
  while (s.Step()) page.items.push_back(ReadEvent(s));
  return page;
}

std::optional<model::Indicator> SqliteTxn::IndicatorById(const access::Scope& scope,
                                                         const std::string& id) {
  Stmt s(db_, std::string("SELECT ") + std::string(kIndicatorColumns) +
                  " FROM indicators i JOIN events e ON e.rid = i.event_rid WHERE i.id = ?4 AND " +
                  std::string(kEventVisible) + " AND " + std::string(kIndicatorVisible));
  BindScope(s, scope);
  s.Bind(4, id);
  if (!s.Step()) return std::nullopt;
  return ReadIndicator(s);
}

Page<model::Indicator> SqliteTxn::Indicators(const access::Scope& scope, const IndicatorFilter& f) {
  std::string where = std::string(" FROM indicators i JOIN events e ON e.rid = i.event_rid WHERE ") +
                      std::string(kEventVisible) + " AND " + std::string(kIndicatorVisible) +
                      " AND (?4 IS NULL OR e.id = ?4) AND (?5 IS NULL OR i.type = ?5)"
                      " AND (?6 IS NULL OR (i.type, i.value) IN (SELECT json_extract(value, '$[0]'),"
                      " json_extract(value, '$[1]') FROM json_each(?6)))"
                      " AND (?7 IS NULL OR i.value LIKE ?7 ESCAPE '\\')"
                      " AND (?10 IS NULL OR (CASE WHEN i.level IS NOT NULL AND i.level < e.level"
                      " THEN i.level ELSE e.level END) IN (SELECT value FROM json_each(?10)))"
                      " AND (?11 IS NULL OR EXISTS (SELECT 1 FROM event_tags t WHERE t.event_rid = e.rid"
                      " AND t.tag = ?11))"
                      " AND (?12 IS NULL OR max(i.modified, e.modified) >= ?12)";
  auto bind = [&](Stmt& s) {
    BindScope(s, scope);
    f.event_id.empty() ? s.BindNull(4) : s.Bind(4, f.event_id);
    f.type ? s.Bind(5, model::IndicatorTypeName(*f.type)) : s.BindNull(5);
    if (f.typed_values) {
      nlohmann::json pairs = nlohmann::json::array();
      for (const auto& [type, value] : *f.typed_values) pairs.push_back({model::IndicatorTypeName(type), value});
      s.Bind(6, pairs.dump());
    } else {
      s.BindNull(6);
    }
    f.text.empty() ? s.BindNull(7) : s.Bind(7, LikePattern(f.text));
    if (f.levels.empty()) {
      s.BindNull(10);
    } else {
      nlohmann::json levels = nlohmann::json::array();
      for (auto l : f.levels) levels.push_back(static_cast<int>(l));
      s.Bind(10, levels.dump());
    }
    f.event_tag.empty() ? s.BindNull(11) : s.Bind(11, f.event_tag);
    f.modified_since.empty() ? s.BindNull(12) : s.Bind(12, f.modified_since);
  };
  Page<model::Indicator> page;
  {
    Stmt s(db_, "SELECT count(*)" + where);
    bind(s);
    if (s.Step()) page.total = s.Int(0);
  }
  Stmt s(db_, std::string("SELECT ") + std::string(kIndicatorColumns) + where +
                  " ORDER BY i.created, i.rid LIMIT ?8 OFFSET ?9");
  bind(s);
  s.Bind(8, f.limit).Bind(9, f.offset);
  while (s.Step()) page.items.push_back(ReadIndicator(s));
  return page;
}

std::optional<model::ConsentRequest> SqliteTxn::ConsentRequestById(const std::string& id) {
  Stmt s(db_, std::string("SELECT ") + std::string(kConsentColumns) + " FROM consent_requests WHERE id = ?");
  s.Bind(1, id);
  if (!s.Step()) return std::nullopt;
  return ReadConsent(s);
}

std::vector<model::ConsentRequest> SqliteTxn::ConsentRequests(int64_t org_id,
                                                              std::optional<model::ConsentState> state) {
  Stmt s(db_, std::string("SELECT ") + std::string(kConsentColumns) +
                  " FROM consent_requests WHERE (provider_org_id = ?1 OR requester_org_id = ?1)"
                  " AND (?2 IS NULL OR state = ?2) ORDER BY created DESC");
  s.Bind(1, org_id);
  state ? s.Bind(2, model::ConsentStateName(*state)) : s.BindNull(2);
  std::vector<model::ConsentRequest> out;
  while (s.Step()) out.push_back(ReadConsent(s));
  return out;
}

std::vector<model::Sighting> SqliteTxn::Sightings(const std::string& indicator_id) {
  Stmt s(db_,
         "SELECT s.id, i.id, s.org_id, s.first_seen, s.last_seen, s.count, s.share_identity, "
         "s.terminals, s.source, s.created FROM sightings s JOIN indicators i ON i.rid = s.indicator_rid "
         "WHERE i.id = ? ORDER BY s.created, s.id");
  s.Bind(1, indicator_id);
  std::vector<model::Sighting> out;
  while (s.Step())
    out.push_back({s.Text(0), s.Text(1), s.Int(2), s.Text(3), s.Text(4), s.Int(5), s.Int(6) != 0,
                   s.Text(7), s.Text(8), s.Text(9)});
  return out;
}

std::vector<UseRow> SqliteTxn::Uses(const access::Scope& scope, const UseFilter& f) {
  Stmt s(db_, std::string("SELECT u.id, e.id, u.org_id, u.user_id, u.action, u.comment, u.share_identity, "
                          "u.created, e.title, e.provider_org_id, o.name FROM event_uses u "
                          "JOIN events e ON e.rid = u.event_rid JOIN organisations o ON o.id = e.provider_org_id "
                          "WHERE ") +
                  std::string(kEventVisible) +
                  " AND (?4 IS NULL OR u.created >= ?4) AND (?5 IS NULL OR u.created < ?5)"
                  " AND (?6 IS NULL OR e.provider_org_id = ?6) AND (?7 IS NULL OR e.id = ?7)"
                  " ORDER BY u.created, u.id");
  BindScope(s, scope);
  f.from.empty() ? s.BindNull(4) : s.Bind(4, f.from);
  f.to.empty() ? s.BindNull(5) : s.Bind(5, f.to);
  s.Bind(6, f.provider_org_id);
  f.event_id.empty() ? s.BindNull(7) : s.Bind(7, f.event_id);
  std::vector<UseRow> out;
  while (s.Step()) {
    UseRow r;
    r.use.id = s.Text(0);
    r.use.event_id = s.Text(1);
    r.use.org_id = s.Int(2);
    r.use.user_id = s.Int(3);
    r.use.action = model::ParseUseAction(s.Text(4)).value_or(model::UseAction::kDetected);
    r.use.comment = s.Text(5);
    r.use.share_identity = s.Int(6) != 0;
    r.use.created = s.Text(7);
    r.event_title = s.Text(8);
    r.provider_org_id = s.Int(9);
    r.provider_name = s.Text(10);
    out.push_back(std::move(r));
  }
  return out;
}

std::optional<model::AuditEntry> SqliteTxn::LastAuditEntry() {
  Stmt s(db_, std::string("SELECT ") + std::string(kAuditColumns) + " FROM audit_log ORDER BY seq DESC LIMIT 1");
  if (!s.Step()) return std::nullopt;
  return ReadAudit(s);
}

std::vector<model::AuditEntry> SqliteTxn::AuditEntries(int64_t after_seq, int64_t limit) {
  Stmt s(db_, std::string("SELECT ") + std::string(kAuditColumns) +
                  " FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?");
  s.Bind(1, after_seq).Bind(2, limit > 0 ? limit : -1);
  std::vector<model::AuditEntry> out;
  while (s.Step()) out.push_back(ReadAudit(s));
  return out;
}

int64_t SqliteTxn::InsertOrganisation(const model::Organisation& o) {
  Stmt(db_, "INSERT INTO organisations(name, sector, sub_sector, membership, created) VALUES (?,?,?,?,?)")
      .Bind(1, o.name)
      .Bind(2, o.sector)
      .Bind(3, o.sub_sector)
      .Bind(4, model::MembershipName(o.membership))
      .Bind(5, o.created)
      .Run();
  return db_.LastInsertId();
}

void SqliteTxn::UpdateOrganisation(const model::Organisation& o) {
  Stmt(db_, "UPDATE organisations SET name = ?, sector = ?, sub_sector = ?, membership = ? WHERE id = ?")
      .Bind(1, o.name)
      .Bind(2, o.sector)
      .Bind(3, o.sub_sector)
      .Bind(4, model::MembershipName(o.membership))
      .Bind(5, o.id)
      .Run();
}

int64_t SqliteTxn::InsertUser(const model::User& u, const std::string& password_hash) {
  Stmt(db_,
       "INSERT INTO users(org_id, email, display_name, role, password_hash, disabled, "
       "accepted_rules_version, created) VALUES (?,?,?,?,?,?,?,?)")
      .Bind(1, u.org_id)
      .Bind(2, u.email)
      .Bind(3, u.display_name)
      .Bind(4, model::RoleName(u.role))
      .Bind(5, password_hash)
      .Bind(6, static_cast<int64_t>(u.disabled))
      .Bind(7, u.accepted_rules_version)
      .Bind(8, u.created)
      .Run();
  return db_.LastInsertId();
}

void SqliteTxn::UpdateUser(const model::User& u) {
  Stmt(db_, "UPDATE users SET org_id = ?, display_name = ?, role = ?, disabled = ? WHERE id = ?")
      .Bind(1, u.org_id)
      .Bind(2, u.display_name)
      .Bind(3, model::RoleName(u.role))
      .Bind(4, static_cast<int64_t>(u.disabled))
      .Bind(5, u.id)
      .Run();
}

void SqliteTxn::SetPasswordHash(int64_t user_id, const std::string& password_hash) {
  Stmt(db_, "UPDATE users SET password_hash = ? WHERE id = ?").Bind(1, password_hash).Bind(2, user_id).Run();
}

int64_t SqliteTxn::InsertApiKey(const model::ApiKey& k, const std::string& secret_hash) {
  Stmt(db_, "INSERT INTO api_keys(user_id, name, prefix, secret_hash, created) VALUES (?,?,?,?,?)")
      .Bind(1, k.user_id)
      .Bind(2, k.name)
      .Bind(3, k.prefix)
      .Bind(4, secret_hash)
      .Bind(5, k.created)
      .Run();
  return db_.LastInsertId();
}

void SqliteTxn::RevokeApiKey(int64_t key_id) {
  Stmt(db_, "UPDATE api_keys SET revoked = 1 WHERE id = ?").Bind(1, key_id).Run();
}

void SqliteTxn::TouchApiKey(int64_t key_id, const std::string& time) {
  Stmt(db_, "UPDATE api_keys SET last_used = ? WHERE id = ?").Bind(1, time).Bind(2, key_id).Run();
}

void SqliteTxn::InsertSession(const SessionRecord& r) {
  Stmt(db_, "INSERT INTO sessions(token_hash, user_id, csrf_token, created, expires) VALUES (?,?,?,?,?)")
      .Bind(1, r.token_hash)
      .Bind(2, r.user_id)
      .Bind(3, r.csrf_token)
      .Bind(4, r.created)
      .Bind(5, r.expires)
      .Run();
}

void SqliteTxn::DeleteSession(const std::string& token_hash) {
  Stmt(db_, "DELETE FROM sessions WHERE token_hash = ?").Bind(1, token_hash).Run();
}

void SqliteTxn::DeleteSessionsOfUser(int64_t user_id) {
  Stmt(db_, "DELETE FROM sessions WHERE user_id = ?").Bind(1, user_id).Run();
}

void SqliteTxn::DeleteExpiredSessions(const std::string& now) {
  Stmt(db_, "DELETE FROM sessions WHERE expires < ?").Bind(1, now).Run();
}

void SqliteTxn::InsertRules(const model::RulesVersion& r) {
  Stmt(db_, "INSERT INTO rules(version, text, created, created_by) VALUES (?,?,?,?)")
      .Bind(1, r.version)
      .Bind(2, r.text)
      .Bind(3, r.created)
      .Bind(4, r.created_by_user_id)
      .Run();
}

void SqliteTxn::RecordRulesAcceptance(int64_t user_id, int version, const std::string& time) {
  Stmt(db_, "INSERT OR IGNORE INTO rules_acceptances(user_id, version, accepted) VALUES (?,?,?)")
      .Bind(1, user_id)
      .Bind(2, version)
      .Bind(3, time)
      .Run();
  Stmt(db_, "UPDATE users SET accepted_rules_version = max(accepted_rules_version, ?) WHERE id = ?")
      .Bind(1, version)
      .Bind(2, user_id)
      .Run();
}

void SqliteTxn::ReplaceTags(const model::Event& e) {
  Stmt(db_, "DELETE FROM event_tags WHERE event_rid = (SELECT rid FROM events WHERE id = ?)")
      .Bind(1, e.id)
      .Run();
  for (const auto& tag : e.tags)
    Stmt(db_, "INSERT OR IGNORE INTO event_tags(event_rid, tag) SELECT rid, ? FROM events WHERE id = ?")
        .Bind(1, tag)
        .Bind(2, e.id)
        .Run();
}

void SqliteTxn::InsertEvent(const model::Event& e) {
  Stmt(db_,
       "INSERT INTO events(id, title, description, provider_org_id, submitter_org_id, "
       "submitter_user_id, level, category, timing, status, created, modified) "
       "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")
      .Bind(1, e.id)
      .Bind(2, e.title)
      .Bind(3, e.description)
      .Bind(4, e.provider_org_id)
      .Bind(5, e.submitter_org_id)
      .Bind(6, e.submitter_user_id)
      .Bind(7, static_cast<int64_t>(e.level))
      .Bind(8, model::CategoryName(e.category))
      .Bind(9, model::TimingName(e.timing))
      .Bind(10, model::EventStatusName(e.status))
      .Bind(11, e.created)
      .Bind(12, e.modified)
      .Run();
  ReplaceTags(e);
}

void SqliteTxn::UpdateEvent(const model::Event& e) {
  Stmt(db_,
       "UPDATE events SET title = ?, description = ?, level = ?, category = ?, timing = ?, "
       "status = ?, modified = ? WHERE id = ?")
      .Bind(1, e.title)
      .Bind(2, e.description)
      .Bind(3, static_cast<int64_t>(e.level))
      .Bind(4, model::CategoryName(e.category))
      .Bind(5, model::TimingName(e.timing))
      .Bind(6, model::EventStatusName(e.status))
      .Bind(7, e.modified)
      .Bind(8, e.id)
      .Run();
  ReplaceTags(e);
}

void SqliteTxn::DeleteEvent(const std::string& id) {
  Stmt(db_, "DELETE FROM events WHERE id = ?").Bind(1, id).Run();
}

bool SqliteTxn::IndicatorExists(const std::string& event_id, model::IndicatorType type,
                                const std::string& value, const std::string& except_id) {
  Stmt s(db_,
         "SELECT 1 FROM indicators i JOIN events e ON e.rid = i.event_rid "
         "WHERE e.id = ? AND i.type = ? AND i.value = ? AND i.id != ?");
  s.Bind(1, event_id).Bind(2, model::IndicatorTypeName(type)).Bind(3, value).Bind(4, except_id);
  return s.Step();
}

void SqliteTxn::InsertIndicator(const model::Indicator& i) {
  Stmt(db_,
       "INSERT INTO indicators(id, event_rid, type, value, level, first_seen, last_seen, "
       "confidence, comment, created, modified) "
       "SELECT ?, rid, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM events WHERE id = ?")
      .Bind(1, i.id)
      .Bind(2, model::IndicatorTypeName(i.type))
      .Bind(3, i.value)
      .Bind(4, LevelColumn(i.level))
      .Bind(5, i.first_seen)
      .Bind(6, i.last_seen)
      .Bind(7, i.confidence)
      .Bind(8, i.comment)
      .Bind(9, i.created)
      .Bind(10, i.modified)
      .Bind(11, i.event_id)
      .Run();
}

void SqliteTxn::UpdateIndicator(const model::Indicator& i) {
  Stmt(db_,
       "UPDATE indicators SET type = ?, value = ?, level = ?, first_seen = ?, last_seen = ?, "
       "confidence = ?, comment = ?, modified = ? WHERE id = ?")
      .Bind(1, model::IndicatorTypeName(i.type))
      .Bind(2, i.value)
      .Bind(3, LevelColumn(i.level))
      .Bind(4, i.first_seen)
      .Bind(5, i.last_seen)
      .Bind(6, i.confidence)
      .Bind(7, i.comment)
      .Bind(8, i.modified)
      .Bind(9, i.id)
      .Run();
}

void SqliteTxn::DeleteIndicator(const std::string& id) {
  Stmt(db_, "DELETE FROM indicators WHERE id = ?").Bind(1, id).Run();
}

void SqliteTxn::InsertConsentRequest(const model::ConsentRequest& r) {
  Stmt(db_, std::string("INSERT INTO consent_requests(") + std::string(kConsentColumns) +
                ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
      .Bind(1, r.id)
      .Bind(2, model::ConsentKindName(r.kind))
      .Bind(3, r.event_id)
      .Bind(4, r.provider_org_id)
      .Bind(5, r.requester_org_id)
      .Bind(6, r.requester_user_id)
      .Bind(7, LevelColumn(r.from_level))
      .Bind(8, LevelColumn(r.to_level))
      .Bind(9, r.reason)
      .Bind(10, model::ConsentStateName(r.state))
      .Bind(11, r.decided_by_user_id)
      .Bind(12, r.decision_comment)
      .Bind(13, r.created)
      .Bind(14, r.decided)
      .Run();
}

void SqliteTxn::UpdateConsentRequest(const model::ConsentRequest& r) {
  Stmt(db_, "UPDATE consent_requests SET state = ?, decided_by = ?, decision_comment = ?, decided = ? WHERE id = ?")
      .Bind(1, model::ConsentStateName(r.state))
      .Bind(2, r.decided_by_user_id)
      .Bind(3, r.decision_comment)
      .Bind(4, r.decided)
      .Bind(5, r.id)
      .Run();
}

void SqliteTxn::InsertSighting(const model::Sighting& x) {
  Stmt(db_,
       "INSERT INTO sightings(id, indicator_rid, org_id, first_seen, last_seen, count, share_identity, "
       "terminals, source, created) SELECT ?, rid, ?, ?, ?, ?, ?, ?, ?, ? FROM indicators WHERE id = ?")
      .Bind(1, x.id)
      .Bind(2, x.org_id)
      .Bind(3, x.first_seen)
      .Bind(4, x.last_seen)
      .Bind(5, x.count)
      .Bind(6, static_cast<int64_t>(x.share_identity))
      .Bind(7, x.terminals)
      .Bind(8, x.source)
      .Bind(9, x.created)
      .Bind(10, x.indicator_id)
      .Run();
}

void SqliteTxn::InsertEventUse(const model::EventUse& u) {
  Stmt(db_,
       "INSERT INTO event_uses(id, event_rid, org_id, user_id, action, comment, share_identity, created) "
       "SELECT ?, rid, ?, ?, ?, ?, ?, ? FROM events WHERE id = ?")
      .Bind(1, u.id)
      .Bind(2, u.org_id)
      .Bind(3, u.user_id)
      .Bind(4, model::UseActionName(u.action))
      .Bind(5, u.comment)
      .Bind(6, static_cast<int64_t>(u.share_identity))
      .Bind(7, u.created)
      .Bind(8, u.event_id)
      .Run();
}

void SqliteTxn::AppendAudit(const model::AuditEntry& a) {
  Stmt(db_, std::string("INSERT INTO audit_log(") + std::string(kAuditColumns) +
                ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")
      .Bind(1, a.seq)
      .Bind(2, a.time)
      .Bind(3, a.user_id)
      .Bind(4, a.org_id)
      .Bind(5, a.actor)
      .Bind(6, a.action)
      .Bind(7, a.object_type)
      .Bind(8, a.object_id)
      .Bind(9, a.address)
      .Bind(10, a.detail)
      .Bind(11, a.prev_hash)
      .Bind(12, a.hash)
      .Run();
}

}  // namespace ts::store::sqlite
