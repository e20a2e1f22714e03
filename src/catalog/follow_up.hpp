// Follow-up of shared information (活用状況のフォローアップ): sightings that
// members report from their own records, what they did with an event, and
// the report of both per event, per provider and per period.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "access/gate.hpp"
#include "model/sighting.hpp"

namespace ts::catalog {

struct SightingInput {
  std::optional<std::string> indicator_id;  // or type + value
  std::optional<std::string> type;
  std::optional<std::string> value;
  std::string first_seen;
  std::string last_seen;
  int64_t count = 1;
  std::string terminals;  // JSON array, "" when not shared
};

struct SightingResult {
  int64_t recorded = 0;                // sightings stored (one per matched indicator)
  std::vector<std::size_t> unmatched;  // positions of inputs no visible indicator matched
};

// Records the viewer organisation's sightings, all or none. Inputs naming
// a value attach to every visible indicator with that value.
Result<SightingResult> ReportSightings(access::Gate& gate, const std::vector<SightingInput>& inputs,
                                       bool share_identity, const std::string& source);

Result<model::EventUse> RecordUse(access::Gate& gate, const std::string& event_id,
                                  const std::string& action, const std::string& comment,
                                  bool share_identity);

// How use is grouped over time.
enum class Period { kMonth, kQuarter, kFiscalHalf, kFiscalYear };
std::optional<Period> ParsePeriod(std::string_view name);
// The label of the period holding an RFC 3339 time, e.g. "2026-11",
// "2026-Q4", "FY2026-H2" (Japanese fiscal year: April to March), "FY2026".
std::string PeriodLabel(Period period, const std::string& time);

}  // namespace ts::catalog
