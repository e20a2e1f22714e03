#include "hunt/summary.hpp"

namespace ts::hunt {

void Seen::Add(const std::optional<SysTime>& t) {
  ++count;
  if (!t) return;
  if (!first || *t < *first) first = t;
  if (!last || *t > *last) last = t;
}

void Summary::AddFile(FileSummary file) {
  bytes += file.bytes;
  lines += file.lines;
  malformed_lines += file.malformed_lines;
  lines_with_hits += file.lines_with_hits;
  files.push_back(std::move(file));
}

void Summary::Add(const Hit& hit) {
  ++hits;
  TerminalSummary& terminal = terminals[hit.client];
  terminal.seen.Add(hit.time);
  terminal.indicators.insert(hit.indicator);
  IndicatorSummary& indicator = indicators[hit.indicator];
  indicator.seen.Add(hit.time);
  indicator.clients.insert(hit.client);
}

}  // namespace ts::hunt
