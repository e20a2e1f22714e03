// How a hunt is shown: hits as a table for people or as JSON lines for
// machines (one object per hit, nothing else on the stream), and the
// summary as tables or as one JSON document. The JSON shapes are the
// contract documented in docs/hunt.md.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "hunt/hit.hpp"
#include "hunt/indicator_set.hpp"
#include "hunt/summary.hpp"

namespace ts::hunt {

// One line of JSON: {"file", "line", "time", "client", "user",
// "destination", "matched", "indicator", "type", "event", "campaign"};
// unknown values are null, invalid UTF-8 from the log is U+FFFD.
void AppendHitJsonLine(std::string& out, const Hit& hit, const IndicatorSet& indicators);

// The human table of one file's hits, with a heading row; nothing when
// there are none.
void WriteHitTable(std::ostream& out, const std::vector<Hit>& hits, const IndicatorSet& indicators);

struct Timing {
  double load_seconds = 0;
  double scan_seconds = 0;
};

// {"totals": {...}, "files": [...], "terminals": [...], "indicators": [...],
//  "timing": {...}}, indented, with a final line break.
std::string SummaryJson(const Summary& summary, const IndicatorSet& indicators,
                        const Timing& timing);
void WriteSummaryText(std::ostream& out, const Summary& summary, const IndicatorSet& indicators);

}  // namespace ts::hunt
