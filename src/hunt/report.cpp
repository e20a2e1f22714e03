#include "hunt/report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

namespace ts::hunt {
namespace {

using nlohmann::ordered_json;

ordered_json TextOrNull(const std::string& s) {
  return s.empty() ? ordered_json() : ordered_json(s);
}

ordered_json TimeOrNull(const std::optional<SysTime>& t) {
  return t ? ordered_json(FormatUtc(*t)) : ordered_json();
}

std::string TimeOrDash(const std::optional<SysTime>& t) {
  return t ? FormatUtc(*t) : "-";
}
std::string OrDash(const std::string& s) {
  return s.empty() ? "-" : s;
}

std::string Origin(const Indicator& ind) {
  if (ind.event.empty() && ind.campaign.empty()) return "-";
  if (ind.campaign.empty()) return ind.event;
  if (ind.event.empty()) return ind.campaign;
  return ind.event + " / " + ind.campaign;
}

// Rows of cells printed with each column as wide as its widest cell; the
// last column is not padded.
void WriteTable(std::ostream& out, const std::vector<std::vector<std::string>>& rows,
                std::size_t indent) {
  std::vector<std::size_t> widths;
  for (const auto& row : rows) {
    widths.resize(std::max(widths.size(), row.size()));
    for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], row[i].size());
  }
  for (const auto& row : rows) {
    std::string line(indent, ' ');
    for (std::size_t i = 0; i < row.size(); ++i) {
      line += row[i];
      if (i + 1 < row.size()) line += std::string(widths[i] - row[i].size() + 2, ' ');
    }
    out << line << '\n';
  }
}

}  // namespace

ordered_json HitJson(const Hit& hit, const IndicatorSet& indicators) {
  const Indicator& ind = indicators.at(hit.indicator);
  return ordered_json{
      {"file", hit.file},
      {"line", hit.line},
      {"time", TimeOrNull(hit.time)},
      {"client", TextOrNull(hit.client)},
      {"user", TextOrNull(hit.user)},
      {"destination", TextOrNull(hit.destination)},
      {"matched", hit.matched},
      {"indicator", ind.value},
      {"type", model::IndicatorTypeName(ind.type)},
      {"event", TextOrNull(ind.event)},
      {"campaign", TextOrNull(ind.campaign)},
  };
}

void WriteHitJsonLine(std::ostream& out, const Hit& hit, const IndicatorSet& indicators) {
  out << HitJson(hit, indicators).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
      << '\n';
}

void WriteHitTable(std::ostream& out, const std::vector<Hit>& hits,
                   const IndicatorSet& indicators) {
  if (hits.empty()) return;
  std::vector<std::vector<std::string>> rows{
      {"FILE:LINE", "TIME", "CLIENT", "TYPE", "INDICATOR", "MATCHED", "EVENT / CAMPAIGN"}};
  for (const Hit& hit : hits) {
    const Indicator& ind = indicators.at(hit.indicator);
    rows.push_back({hit.file + ":" + std::to_string(hit.line), TimeOrDash(hit.time),
                    OrDash(hit.client), std::string(model::IndicatorTypeName(ind.type)), ind.value,
                    hit.matched, Origin(ind)});
  }
  WriteTable(out, rows, 0);
}

ordered_json SummaryJson(const Summary& summary, const IndicatorSet& indicators,
                         const Timing& timing) {
  ordered_json files = ordered_json::array();
  for (const FileSummary& f : summary.files) {
    files.push_back({{"file", f.name},
                     {"format", f.format},
                     {"compression", TextOrNull(f.compression)},
                     {"bytes", f.bytes},
                     {"lines", f.lines},
                     {"malformed_lines", f.malformed_lines},
                     {"lines_with_hits", f.lines_with_hits},
                     {"hits", f.hits}});
  }
  ordered_json terminals = ordered_json::array();
  for (const auto& [client, t] : summary.terminals) {
    ordered_json matched = ordered_json::array();
    for (std::uint32_t id : t.indicators) matched.push_back(indicators.at(id).value);
    terminals.push_back({{"client", TextOrNull(client)},
                         {"hits", t.seen.count},
                         {"first_seen", TimeOrNull(t.seen.first)},
                         {"last_seen", TimeOrNull(t.seen.last)},
                         {"indicators", matched}});
  }
  ordered_json found = ordered_json::array();
  for (const auto& [id, s] : summary.indicators) {
    const Indicator& ind = indicators.at(id);
    ordered_json clients = ordered_json::array();
    for (const std::string& c : s.clients)
      if (!c.empty()) clients.push_back(c);
    found.push_back({{"indicator", ind.value},
                     {"type", model::IndicatorTypeName(ind.type)},
                     {"event", TextOrNull(ind.event)},
                     {"campaign", TextOrNull(ind.campaign)},
                     {"hits", s.seen.count},
                     {"first_seen", TimeOrNull(s.seen.first)},
                     {"last_seen", TimeOrNull(s.seen.last)},
                     {"clients", clients}});
  }
  return ordered_json{
      {"totals",
       {{"files", summary.files.size()},
        {"bytes", summary.bytes},
        {"lines", summary.lines},
        {"malformed_lines", summary.malformed_lines},
        {"lines_with_hits", summary.lines_with_hits},
        {"hits", summary.hits},
        {"indicators_loaded", indicators.size()},
        {"indicators_hit", summary.indicators.size()},
        {"terminals_hit", summary.terminals.size()}}},
      {"files", files},
      {"terminals", terminals},
      {"indicators", found},
      {"timing", {{"load_seconds", timing.load_seconds}, {"scan_seconds", timing.scan_seconds}}},
  };
}

void WriteSummaryText(std::ostream& out, const Summary& summary, const IndicatorSet& indicators) {
  out << fmt::format(
      "\n{} hits on {} lines; {} files, {} lines ({} malformed, read as text), {:.1f} MB\n",
      summary.hits, summary.lines_with_hits, summary.files.size(), summary.lines,
      summary.malformed_lines, static_cast<double>(summary.bytes) / 1e6);
  if (summary.hits == 0) return;
  std::vector<std::vector<std::string>> rows{
      {"CLIENT", "HITS", "INDICATORS", "FIRST SEEN", "LAST SEEN"}};
  for (const auto& [client, t] : summary.terminals) {
    rows.push_back({OrDash(client), std::to_string(t.seen.count),
                    std::to_string(t.indicators.size()), TimeOrDash(t.seen.first),
                    TimeOrDash(t.seen.last)});
  }
  out << "\nBy terminal:\n";
  WriteTable(out, rows, 2);
  rows = {
      {"TYPE", "INDICATOR", "HITS", "TERMINALS", "FIRST SEEN", "LAST SEEN", "EVENT / CAMPAIGN"}};
  for (const auto& [id, s] : summary.indicators) {
    const Indicator& ind = indicators.at(id);
    const auto terminals = std::count_if(s.clients.begin(), s.clients.end(),
                                         [](const std::string& c) { return !c.empty(); });
    rows.push_back({std::string(model::IndicatorTypeName(ind.type)), ind.value,
                    std::to_string(s.seen.count), std::to_string(terminals),
                    TimeOrDash(s.seen.first), TimeOrDash(s.seen.last), Origin(ind)});
  }
  out << "\nBy indicator:\n";
  WriteTable(out, rows, 2);
}

}  // namespace ts::hunt
