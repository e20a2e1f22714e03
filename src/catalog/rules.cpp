#include "catalog/rules.hpp"

#include <nlohmann/json.hpp>

#include "util/time.hpp"

namespace ts::catalog {

Result<model::RulesVersion> PublishRules(access::Gate& gate, const std::string& text) {
  if (!access::IsInstanceAdmin(gate.viewer()))
    return Error::Forbidden("only secretariat administrators publish operating rules");
  if (text.empty() || text.size() > 1'000'000)
    return Error::Invalid("the rules text must be 1 byte to 1 MB long", "text");
  model::RulesVersion rules;
  rules.text = text;
  rules.created = NowUtc();
  rules.created_by_user_id = gate.viewer().user_id;
  TS_TRY(gate.Write([&](store::WriteTxn& txn, access::Auditor& audit) -> Status {
    auto current = txn.CurrentRules();
    rules.version = current ? current->version + 1 : 1;
    txn.InsertRules(rules);
    audit.Record("rules.publish", "rules", std::to_string(rules.version));
    return {};
  }));
  return rules;
}

Result<model::RulesVersion> CurrentRules(access::Gate& gate) {
  std::optional<model::RulesVersion> rules;
  TS_TRY(gate.Read([&](store::ReadTxn& txn) -> Status {
    rules = txn.CurrentRules();
    return {};
  }));
  if (!rules) return Error::NotFound("operating rules");
  return *std::move(rules);
}

Result<std::vector<model::RulesVersion>> RulesHistory(access::Gate& gate) {
  std::vector<model::RulesVersion> history;
  TS_TRY(gate.Read([&](store::ReadTxn& txn) -> Status {
    history = txn.RulesVersions();
    return {};
  }));
  return history;
}

Status AcceptRules(access::Gate& gate, int version) {
  const auto& v = gate.viewer();
  if (!v.is_user()) return Error::Unauthenticated("log in to accept the operating rules");
  return gate.Write([&](store::WriteTxn& txn, access::Auditor& audit) -> Status {
    auto current = txn.CurrentRules();
    if (!current) return Error::NotFound("operating rules");
    if (current->version != version)
      return Error::Conflict("version " + std::to_string(version) +
                                 " is not the current version (" +
                                 std::to_string(current->version) + ")",
                             "version");
    txn.RecordRulesAcceptance(v.user_id, version, NowUtc());
    audit.Record("rules.accept", "user", std::to_string(v.user_id),
                 nlohmann::json{{"version", version}}.dump());
    return {};
  });
}

Result<bool> MustAcceptRules(access::Gate& gate) {
  const auto& v = gate.viewer();
  if (!v.is_user()) return false;
  bool must = false;
  TS_TRY(gate.Read([&](store::ReadTxn& txn) -> Status {
    auto current = txn.CurrentRules();
    must = current && v.accepted_rules_version < current->version;
    return {};
  }));
  return must;
}

}  // namespace ts::catalog
