// Storing what an import parser produced (exchange/import_batch.hpp) on
// behalf of a viewer, who becomes the provider. All or nothing: one write
// transaction with its audit entries. Problems found by the parser or while
// normalising indicators stop the import unless the caller asked for a
// best-effort import; then the items concerned are left out and listed.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "access/gate.hpp"
#include "exchange/import_batch.hpp"

namespace ts::catalog {

struct ImportOptions {
  model::Level default_level = model::Level::kAmber;  // for events without markings
  bool best_effort = false;
  // Providing organisation (id or name); required when the system imports.
  std::string provider;
  // Called from the storing thread with objects stored of the total.
  std::function<void(int64_t done, int64_t total)> progress;
};

struct ImportReport {
  std::string format;
  bool stored = false;  // false: nothing was stored; see problems
  int64_t objects_read = 0;
  int64_t objects_kept = 0;  // verbatim versions stored
  int64_t events_created = 0;
  int64_t events_updated = 0;  // an earlier import of the same report
  int64_t indicators_added = 0;
  int64_t sightings_added = 0;  // the provider's sightings recorded from the input
  int64_t attack_entries = 0;
  std::vector<std::string> event_ids;
  // Why the import stopped, or (best effort) what was left out and why.
  std::vector<exchange::Problem> problems;
};

// Fails only for reasons outside the input (rights, store); problems of the
// input are in the report.
Result<ImportReport> StoreBatch(access::Gate& gate, const exchange::ImportBatch& batch,
                                const ImportOptions& opts);

// The report as the REST API and `import --json` print it.
nlohmann::json ImportReportJson(const ImportReport& report);

}  // namespace ts::catalog
