#include "catalog/match_indicators.hpp"

#include <map>
#include <optional>
#include <set>

#include "catalog/events.hpp"

namespace ts::catalog {
namespace {

// The decision is the system's, taken for every reader of the event at
// once, so it reads rules, submissions and events whatever the writer's scope.
const access::Scope& Everything() {
  static const access::Scope scope = access::ScopeFactory::For(access::Viewer::System(), false);
  return scope;
}

// Whether every reader of `event` may also see `rule` and `submission`.
// Other organisations read the event only at its level, so the rule and
// the submission must be at least as wide; the event's own organisations
// read it whatever its level, so each must see both by the usual rule.
bool ReadersMaySee(store::WriteTxn& txn, const model::Event& event, const model::YaraRule& rule,
                   const model::SampleSubmission& submission) {
  if (!model::IsWiderOrEqual(rule.level, event.level) ||
      !model::IsWiderOrEqual(submission.level, event.level))
    return false;
  for (int64_t org_id : {event.provider_org_id, event.submitter_org_id}) {
    auto org = txn.OrganisationById(org_id);
    if (!org) return false;
    access::Viewer member;
    member.kind = access::Viewer::Kind::kUser;
    member.org_id = org->id;
    member.membership = org->membership;
    if (!access::CanSeeYaraRule(member, rule, false) ||
        !access::CanSeeSubmission(member, submission, false))
      return false;
  }
  return true;
}

}  // namespace

Status AddMatchIndicators(store::WriteTxn& txn, access::Auditor& audit,
                          const std::vector<model::YaraMatch>& matches,
                          const std::vector<model::SampleSubmission>& submissions) {
  std::map<std::string, std::optional<model::YaraRule>> rules;
  for (const auto& m : matches) {
    auto [at, fresh] = rules.try_emplace(m.rule_id);
    if (fresh) at->second = txn.YaraRuleById(Everything(), m.rule_id);
    if (!at->second) continue;
    const model::YaraRule& rule = *at->second;
    for (const auto& submission : submissions) {
      if (submission.sha256 != m.sha256 || submission.event_id.empty()) continue;
      auto event = txn.EventById(Everything(), submission.event_id);
      if (!event || !ReadersMaySee(txn, *event, rule, submission)) continue;
      IndicatorInput in;
      in.type = "sha256";
      in.value = m.sha256;
      in.comment = "YARA rule " + rule.name + " matched (" + m.identifier + ")";
      auto added = AddIndicatorsTo(txn, audit, *event, {in}, false, OnPresent::kSkip,
                                   "yara_rule " + rule.id + " matched sample " + m.sha256);
      if (!added) return added.error();
    }
  }
  return {};
}

Status AddMatchIndicators(store::WriteTxn& txn, access::Auditor& audit,
                          const std::vector<model::YaraMatch>& matches) {
  std::set<std::string> digests;
  for (const auto& m : matches) digests.insert(m.sha256);
  std::vector<model::SampleSubmission> submissions;
  for (const auto& sha256 : digests)
    for (auto& s : txn.SampleSubmissions(Everything(), sha256)) submissions.push_back(std::move(s));
  return AddMatchIndicators(txn, audit, matches, submissions);
}

}  // namespace ts::catalog
