// YARA rules as shared items: saved with a level by a provider, compiled on
// every save (a text that does not compile is refused with each error and
// its line), and run over samples. Matches are stored per (rule item,
// sample, rule identifier) whatever the scopes; a viewer sees a match only
// when it may see both the rule and the sample, so match lists and the
// `yara:<identifier>` tags they produce reveal nothing beyond scope.
//
// A match on a sample linked to an event may also become an indicator of
// that event (catalog/match_indicators.hpp).
//
// When a rule is added, its text changes or its level widens, it is run at
// once, in the request, over every stored sample its author may see
// (documented in docs/samples.md: fine for stores of thousands of samples,
// a background queue is the next step for more).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "access/gate.hpp"
#include "catalog/yara_engine.hpp"
#include "model/sample.hpp"
#include "store/blobs/blob_store.hpp"

namespace ts::catalog {

struct YaraRuleInput {
  std::optional<std::string> name;
  std::optional<std::string> text;
  std::optional<std::string> level;  // default AMBER
};

struct YaraSaved {
  model::YaraRule rule;
  int64_t samples_scanned = 0;  // by the re-scan after the save
  int64_t samples_matched = 0;
};

// On a text that does not compile: Invalid error on field "text" whose
// message names the first error's line; every diagnostic goes to
// `diagnostics` when given.
Result<YaraSaved> CreateYaraRule(access::Gate& gate, const store::BlobStore& blobs,
                                 const YaraRuleInput& in,
                                 std::vector<YaraDiagnostic>* diagnostics = nullptr);
Result<YaraSaved> UpdateYaraRule(access::Gate& gate, const store::BlobStore& blobs,
                                 const std::string& id, const YaraRuleInput& in,
                                 std::vector<YaraDiagnostic>* diagnostics = nullptr);
Status DeleteYaraRule(access::Gate& gate, const std::string& id);

// Every stored rule, compiled once, to scan new samples with.
class YaraRuleSet {
 public:
  static Result<YaraRuleSet> LoadAll(access::Gate& gate);
  // Matches of all rules on one sample's bytes.
  Result<std::vector<model::YaraMatch>> Scan(const std::string& sha256,
                                             std::string_view data) const;

 private:
  struct Entry {
    model::YaraRule rule;
    std::shared_ptr<const CompiledYara> compiled;
  };
  std::vector<Entry> entries_;
};

}  // namespace ts::catalog
