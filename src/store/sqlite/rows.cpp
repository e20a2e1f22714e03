#include "store/sqlite/rows.hpp"

#include <vector>

namespace ts::store::sqlite {
namespace {

using model::Level;

// Tags come back joined by this character (group_concat in kEventColumns).
constexpr char kTagSeparator = '\x1f';

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

}  // namespace

using model::Level;

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

model::User ReadUser(const Stmt& s, int first) {
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
  model::IndicatorOrigin origin{s.Text(12), s.Text(13), s.Text(14), s.Text(15)};
  if (origin != model::IndicatorOrigin{}) i.origin = std::move(origin);
  return i;
}

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

}  // namespace ts::store::sqlite
