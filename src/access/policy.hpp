// The sharing rules of DESIGN.md §1 and who may change what. This file and
// its .cpp are the only place these decisions are made.
//
// Visibility: the provider (and the submitter) organisation always sees its
// own items. Other organisations see published items whose level reaches
// their membership type: RED — secretariat and analysts; AMBER — adds
// participants; YELLOW — adds observers; GREEN — adds related parties;
// WHITE — everyone, and anonymous readers when the instance allows it.
#pragma once

#include "access/scope.hpp"
#include "access/viewer.hpp"
#include "model/consent.hpp"
#include "model/event.hpp"
#include "model/sample.hpp"

namespace ts::access {

class ScopeFactory {
 public:
  static Scope For(const Viewer& viewer, bool anonymous_read);
};

// The narrowest level that reaches a membership type.
model::Level NarrowestVisibleLevel(model::Membership m);

// The visibility rule for one item. Store engines apply the same rule in
// their query language from a Scope; tests/unit/access_scope_test.cpp checks
// that both agree on every combination.
bool CanSeeEvent(const Viewer& v, const model::Event& e, bool anonymous_read);
bool CanSeeIndicator(const Viewer& v, const model::Event& e, const model::Indicator& i,
                     bool anonymous_read);

// Samples and YARA rules have no draft state: a submission or a rule is
// visible to its provider, and to others when its level reaches them. A
// sample is visible when one of its submissions is.
bool CanSeeSubmission(const Viewer& v, const model::SampleSubmission& s, bool anonymous_read);
bool CanSeeYaraRule(const Viewer& v, const model::YaraRule& r, bool anonymous_read);
// The provider's analysts and admins, and the rule's author.
bool CanEditYaraRule(const Viewer& v, const model::YaraRule& r);

// Writes.
bool CanSubmit(const Viewer& v);  // create events, request consent
bool CanEditEvent(const Viewer& v, const model::Event& e);
bool CanDecideConsent(const Viewer& v, const model::ConsentRequest& r);
// Whether the viewer may change an item's level directly (the provider's
// analysts and admins); others must ask through a consent request.
bool CanSetLevelDirectly(const Viewer& v, const model::Event& e);
bool IsInstanceAdmin(const Viewer& v);  // secretariat admins and the system
bool CanManageUsersOf(const Viewer& v, int64_t org_id);
bool CanReadAudit(const Viewer& v);
// API keys are made by their own user, or by the system (CLI set-up).
bool CanCreateKeyFor(const Viewer& v, int64_t user_id);

// Whether a viewer may learn which organisation reported a sighting or a
// use (and its terminal details or comment): the reporter itself, or anyone
// in scope when the reporter chose to share its identity.
bool CanSeeReporter(const Viewer& v, int64_t reporter_org_id, bool shared);

// Reads of these levels are recorded in the audit log.
inline bool IsAuditedRead(model::Level level) {
  return level <= model::Level::kAmber;
}

}  // namespace ts::access
