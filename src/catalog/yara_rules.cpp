#include "catalog/yara_rules.hpp"

#include <set>

#include <nlohmann/json.hpp>

#include "catalog/match_indicators.hpp"
#include "util/crypto.hpp"
#include "util/time.hpp"

namespace ts::catalog {
namespace {

constexpr std::size_t kMaxName = 200;
constexpr std::size_t kMaxText = 1 << 20;

std::string Trim(std::string_view s) {
  auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  auto e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

// Applies the fields present; compiles the text when it changed.
Result<std::shared_ptr<const CompiledYara>> ApplyInput(const YaraRuleInput& in,
                                                       model::YaraRule& rule,
                                                       std::vector<YaraDiagnostic>* diagnostics) {
  if (in.name) {
    rule.name = Trim(*in.name);
    if (rule.name.empty() || rule.name.size() > kMaxName)
      return Error::Invalid("name must be 1 to 200 characters", "name");
  }
  if (in.level) {
    auto level = model::ParseLevel(*in.level);
    if (!level) return Error::Invalid("level must be RED, AMBER, YELLOW, GREEN or WHITE", "level");
    rule.level = *level;
  }
  if (in.text) {
    if (in.text->size() > kMaxText) return Error::Invalid("text must be at most 1 MiB", "text");
    rule.text = *in.text;
  }
  auto compiled = CompileYara(rule.text);
  if (diagnostics) *diagnostics = compiled.diagnostics;
  if (!compiled.rules) {
    for (const auto& d : compiled.diagnostics) {
      if (d.warning) continue;
      return Error::Invalid(
          "the rule does not compile: line " + std::to_string(d.line) + ": " + d.message, "text");
    }
    return Error::Invalid("the rule does not compile", "text");
  }
  return compiled.rules;
}

// Runs one rule over every sample the viewer may see and records matches.
Result<std::pair<int64_t, int64_t>> Rescan(access::Gate& gate, const store::BlobStore& blobs,
                                           const model::YaraRule& rule,
                                           const CompiledYara& compiled) {
  std::vector<std::string> digests;
  TS_TRY(gate.Read([&](store::ReadTxn& txn) -> Status {
    digests = txn.SampleSha256s(gate.scope());
    return {};
  }));
  std::vector<model::YaraMatch> found;
  std::set<std::string> matched;
  const std::string now = NowUtc();
  for (const auto& sha256 : digests) {
    auto bytes = blobs.Get(sha256);
    if (!bytes) return bytes.error();
    auto ids = ScanWithYara(compiled, *bytes);
    if (!ids) return ids.error();
    for (auto& id : *ids) {
      found.push_back({rule.id, rule.name, std::move(id), sha256, now});
      matched.insert(sha256);
    }
  }
  TS_TRY(gate.Write([&](store::WriteTxn& txn, access::Auditor& audit) -> Status {
    // The rule may have been deleted meanwhile; its matches must not linger.
    if (!txn.YaraRuleById(gate.scope(), rule.id)) return {};
    for (const auto& m : found) txn.InsertYaraMatch(m);
    return AddMatchIndicators(txn, audit, found);
  }));
  return std::pair{static_cast<int64_t>(digests.size()), static_cast<int64_t>(matched.size())};
}

nlohmann::json AuditDetail(const model::YaraRule& r) {
  return {{"name", r.name}, {"level", model::LevelName(r.level)}, {"version", r.version}};
}

}  // namespace

Result<YaraSaved> CreateYaraRule(access::Gate& gate, const store::BlobStore& blobs,
                                 const YaraRuleInput& in,
                                 std::vector<YaraDiagnostic>* diagnostics) {
  const auto& v = gate.viewer();
  if (!access::CanSubmit(v) || v.org_id == 0)
    return Error::Forbidden("only members of an organisation who may submit can add YARA rules");
  if (!in.name) return Error::Invalid("name is required", "name");
  if (!in.text) return Error::Invalid("text is required", "text");
  YaraSaved saved;
  auto& r = saved.rule;
  r.id = NewUuid();
  r.provider_org_id = v.org_id;
  r.author_user_id = v.user_id;
  r.created = r.modified = NowUtc();
  auto compiled = ApplyInput(in, r, diagnostics);
  if (!compiled) return compiled.error();
  TS_TRY(gate.Write([&](store::WriteTxn& txn, access::Auditor& audit) -> Status {
    txn.InsertYaraRule(r);
    audit.Record("yara_rule.create", "yara_rule", r.id, AuditDetail(r).dump());
    return {};
  }));
  auto counts = Rescan(gate, blobs, r, **compiled);
  if (!counts) return counts.error();
  std::tie(saved.samples_scanned, saved.samples_matched) = *counts;
  auto stored = gate.GetYaraRule(r.id);
  if (stored) saved.rule = *std::move(stored);
  return saved;
}

Result<YaraSaved> UpdateYaraRule(access::Gate& gate, const store::BlobStore& blobs,
                                 const std::string& id, const YaraRuleInput& in,
                                 std::vector<YaraDiagnostic>* diagnostics) {
  auto current = gate.GetYaraRule(id);
  if (!current) return current.error();
  if (!access::CanEditYaraRule(gate.viewer(), *current))
    return Error::Forbidden("you may not change this YARA rule");
  YaraSaved saved;
  saved.rule = *current;
  auto& r = saved.rule;
  auto compiled = ApplyInput(in, r, diagnostics);
  if (!compiled) return compiled.error();
  const bool text_changed = r.text != current->text;
  // A wider rule may now reach every reader of events its matches are
  // linked to; the re-scan adds those indicators.
  const bool widened = r.level != current->level && model::IsWiderOrEqual(r.level, current->level);
  if (text_changed) ++r.version;
  r.modified = NowUtc();
  TS_TRY(gate.Write([&](store::WriteTxn& txn, access::Auditor& audit) -> Status {
    txn.UpdateYaraRule(r);
    // Old matches may not hold for the new text; the re-scan finds them again.
    if (text_changed) txn.DeleteYaraMatchesOfRule(r.id);
    audit.Record("yara_rule.update", "yara_rule", r.id, AuditDetail(r).dump());
    return {};
  }));
  if (text_changed || widened) {
    auto counts = Rescan(gate, blobs, r, **compiled);
    if (!counts) return counts.error();
    std::tie(saved.samples_scanned, saved.samples_matched) = *counts;
  }
  return saved;
}

Status DeleteYaraRule(access::Gate& gate, const std::string& id) {
  auto current = gate.GetYaraRule(id);
  if (!current) return current.error();
  if (!access::CanEditYaraRule(gate.viewer(), *current))
    return Error::Forbidden("you may not delete this YARA rule");
  return gate.Write([&](store::WriteTxn& txn, access::Auditor& audit) -> Status {
    txn.DeleteYaraRule(id);
    audit.Record("yara_rule.delete", "yara_rule", id, AuditDetail(*current).dump());
    return {};
  });
}

Result<YaraRuleSet> YaraRuleSet::LoadAll(access::Gate& gate) {
  std::vector<model::YaraRule> rules;
  TS_TRY(gate.Read([&](store::ReadTxn& txn) -> Status {
    rules = txn.YaraRulesForScan();
    return {};
  }));
  YaraRuleSet set;
  for (auto& rule : rules) {
    auto compiled = CompileYara(rule.text);
    // Stored rules compiled when saved; one that no longer does (another
    // libyara) is skipped rather than blocking every upload.
    if (!compiled.rules) continue;
    set.entries_.push_back({std::move(rule), std::move(compiled.rules)});
  }
  return set;
}

Result<std::vector<model::YaraMatch>> YaraRuleSet::Scan(const std::string& sha256,
                                                        std::string_view data) const {
  std::vector<model::YaraMatch> out;
  const std::string now = NowUtc();
  for (const auto& e : entries_) {
    auto ids = ScanWithYara(*e.compiled, data);
    if (!ids) return ids.error();
    for (auto& id : *ids) out.push_back({e.rule.id, e.rule.name, std::move(id), sha256, now});
  }
  return out;
}

}  // namespace ts::catalog
