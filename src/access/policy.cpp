#include "access/policy.hpp"

namespace ts::access {

using model::Level;
using model::Membership;
using model::Role;

model::Level NarrowestVisibleLevel(Membership m) {
  switch (m) {
    case Membership::kSecretariat:
    case Membership::kAnalyst:
      return Level::kRed;
    case Membership::kParticipant:
      return Level::kAmber;
    case Membership::kObserver:
      return Level::kYellow;
    case Membership::kRelated:
      return Level::kGreen;
  }
  return Level::kWhite;
}

Scope ScopeFactory::For(const Viewer& v, bool anonymous_read) {
  constexpr int kNothing = 5;
  switch (v.kind) {
    case Viewer::Kind::kSystem:
      return Scope(0, 0, true);
    case Viewer::Kind::kAnonymous:
      return Scope(0, anonymous_read ? static_cast<int>(Level::kWhite) : kNothing, false);
    case Viewer::Kind::kUser:
      return Scope(v.org_id, static_cast<int>(NarrowestVisibleLevel(v.membership)), false);
  }
  return Scope(0, kNothing, false);
}

namespace {
bool IsOwn(const Viewer& v, const model::Event& e) {
  return v.is_user() && (v.org_id == e.provider_org_id || v.org_id == e.submitter_org_id);
}
}  // namespace

bool CanSeeEvent(const Viewer& v, const model::Event& e, bool anonymous_read) {
  if (v.is_system() || IsOwn(v, e)) return true;
  return e.status == model::EventStatus::kPublished &&
         ScopeFactory::For(v, anonymous_read).Reaches(e.level);
}

bool CanSeeIndicator(const Viewer& v, const model::Event& e, const model::Indicator& i,
                     bool anonymous_read) {
  if (!CanSeeEvent(v, e, anonymous_read)) return false;
  if (v.is_system() || IsOwn(v, e)) return true;
  return ScopeFactory::For(v, anonymous_read).Reaches(model::EffectiveLevel(i));
}

bool CanSeeSubmission(const Viewer& v, const model::SampleSubmission& s, bool anonymous_read) {
  if (v.is_system() || (v.is_user() && v.org_id == s.provider_org_id)) return true;
  return ScopeFactory::For(v, anonymous_read).Reaches(s.level);
}

bool CanSeeYaraRule(const Viewer& v, const model::YaraRule& r, bool anonymous_read) {
  if (v.is_system() || (v.is_user() && v.org_id == r.provider_org_id)) return true;
  return ScopeFactory::For(v, anonymous_read).Reaches(r.level);
}

bool CanEditYaraRule(const Viewer& v, const model::YaraRule& r) {
  if (v.is_system()) return true;
  if (!v.is_user() || v.org_id != r.provider_org_id) return false;
  return v.role == Role::kAdmin || v.role == Role::kAnalyst || v.user_id == r.author_user_id;
}

bool CanSubmit(const Viewer& v) {
  return v.is_system() || (v.is_user() && v.role != Role::kReadOnly);
}

bool CanEditEvent(const Viewer& v, const model::Event& e) {
  if (v.is_system()) return true;
  if (!IsOwn(v, e) || v.role == Role::kReadOnly) return false;
  // The submitting organisation keeps editing only until the provider agreed.
  if (v.org_id != e.provider_org_id && e.status == model::EventStatus::kPublished) return false;
  if (v.role == Role::kMember) return v.user_id == e.submitter_user_id;
  return true;
}

bool CanSetLevelDirectly(const Viewer& v, const model::Event& e) {
  return v.is_system() || (v.is_user() && v.org_id == e.provider_org_id &&
                           (v.role == Role::kAdmin || v.role == Role::kAnalyst));
}

bool CanDecideConsent(const Viewer& v, const model::ConsentRequest& r) {
  return v.is_system() || (v.is_user() && v.org_id == r.provider_org_id &&
                           (v.role == Role::kAdmin || v.role == Role::kAnalyst));
}

bool IsInstanceAdmin(const Viewer& v) {
  return v.is_system() ||
         (v.is_user() && v.role == Role::kAdmin && v.membership == Membership::kSecretariat);
}

bool CanManageUsersOf(const Viewer& v, int64_t org_id) {
  return IsInstanceAdmin(v) || (v.is_user() && v.role == Role::kAdmin && v.org_id == org_id);
}

bool CanReadAudit(const Viewer& v) {
  return IsInstanceAdmin(v);
}

bool CanCreateKeyFor(const Viewer& v, int64_t user_id) {
  return v.is_system() || (v.is_user() && v.user_id == user_id);
}

bool CanSeeReporter(const Viewer& v, int64_t reporter_org_id, bool shared) {
  return shared || v.is_system() || (v.is_user() && v.org_id == reporter_org_id);
}

}  // namespace ts::access
