#include "hunt/report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

#include "hunt/json_writer.hpp"

namespace ts::hunt {
namespace {

void Time(JsonWriter& json, const std::optional<SysTime>& t) {
  if (t) {
    json.String(FormatUtc(*t));
  } else {
    json.Null();
  }
}

std::string TimeOrDash(const std::optional<SysTime>& t) {
  return t ? FormatUtc(*t) : "-";
}
std::string OrDash(const std::string& s) {
  return s.empty() ? "-" : s;
}

std::string OriginText(const Indicator& ind) {
  if (ind.event.empty() && ind.campaign.empty()) return "-";
  if (ind.campaign.empty()) return std::string(ind.event);
  if (ind.event.empty()) return std::string(ind.campaign);
  return fmt::format("{} / {}", ind.event, ind.campaign);
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

void AppendHitJsonLine(std::string& out, const Hit& hit, const IndicatorSet& indicators) {
  const Indicator& ind = indicators.at(hit.indicator);
  JsonWriter json(out, -1);
  json.BeginObject();
  json.Key("file").String(hit.file);
  json.Key("line").Number(hit.line);
  json.Key("time");
  Time(json, hit.time);
  json.Key("client").StringOrNull(hit.client);
  json.Key("user").StringOrNull(hit.user);
  json.Key("destination").StringOrNull(hit.destination);
  json.Key("matched").String(hit.matched);
  json.Key("indicator").String(ind.value);
  json.Key("type").String(model::IndicatorTypeName(ind.type));
  json.Key("event").StringOrNull(ind.event);
  json.Key("campaign").StringOrNull(ind.campaign);
  json.EndObject();
  out += '\n';
}

void WriteHitTable(std::ostream& out, const std::vector<Hit>& hits,
                   const IndicatorSet& indicators) {
  if (hits.empty()) return;
  std::vector<std::vector<std::string>> rows{
      {"FILE:LINE", "TIME", "CLIENT", "TYPE", "INDICATOR", "MATCHED", "EVENT / CAMPAIGN"}};
  for (const Hit& hit : hits) {
    const Indicator& ind = indicators.at(hit.indicator);
    rows.push_back({hit.file + ":" + std::to_string(hit.line), TimeOrDash(hit.time),
                    OrDash(hit.client), std::string(model::IndicatorTypeName(ind.type)),
                    std::string(ind.value), hit.matched, OriginText(ind)});
  }
  WriteTable(out, rows, 0);
}

std::string SummaryJson(const Summary& summary, const IndicatorSet& indicators,
                        const Timing& timing) {
  std::string out;
  JsonWriter json(out, 2);
  json.BeginObject();
  json.Key("totals").BeginObject();
  json.Key("files").Number(std::uint64_t{summary.files.size()});
  json.Key("bytes").Number(summary.bytes);
  json.Key("lines").Number(summary.lines);
  json.Key("malformed_lines").Number(summary.malformed_lines);
  json.Key("lines_with_hits").Number(summary.lines_with_hits);
  json.Key("hits").Number(summary.hits);
  json.Key("indicators_loaded").Number(std::uint64_t{indicators.size()});
  json.Key("indicators_hit").Number(std::uint64_t{summary.indicators.size()});
  json.Key("terminals_hit").Number(std::uint64_t{summary.terminals.size()});
  json.EndObject();

  json.Key("files").BeginArray();
  for (const FileSummary& f : summary.files) {
    json.BeginObject();
    json.Key("file").String(f.name);
    json.Key("format").String(f.format);
    json.Key("compression").StringOrNull(f.compression);
    json.Key("bytes").Number(f.bytes);
    json.Key("lines").Number(f.lines);
    json.Key("malformed_lines").Number(f.malformed_lines);
    json.Key("lines_with_hits").Number(f.lines_with_hits);
    json.Key("hits").Number(f.hits);
    json.EndObject();
  }
  json.EndArray();

  json.Key("terminals").BeginArray();
  for (const auto& [client, t] : summary.terminals) {
    json.BeginObject();
    json.Key("client").StringOrNull(client);
    json.Key("hits").Number(t.seen.count);
    json.Key("first_seen");
    Time(json, t.seen.first);
    json.Key("last_seen");
    Time(json, t.seen.last);
    json.Key("indicators").BeginArray();
    for (std::uint32_t id : t.indicators) json.String(indicators.at(id).value);
    json.EndArray();
    json.EndObject();
  }
  json.EndArray();

  json.Key("indicators").BeginArray();
  for (const auto& [id, s] : summary.indicators) {
    const Indicator& ind = indicators.at(id);
    json.BeginObject();
    json.Key("indicator").String(ind.value);
    json.Key("type").String(model::IndicatorTypeName(ind.type));
    json.Key("event").StringOrNull(ind.event);
    json.Key("campaign").StringOrNull(ind.campaign);
    json.Key("hits").Number(s.seen.count);
    json.Key("first_seen");
    Time(json, s.seen.first);
    json.Key("last_seen");
    Time(json, s.seen.last);
    json.Key("clients").BeginArray();
    for (const std::string& c : s.clients)
      if (!c.empty()) json.String(c);
    json.EndArray();
    json.EndObject();
  }
  json.EndArray();

  json.Key("timing").BeginObject();
  json.Key("load_seconds").Number(timing.load_seconds);
  json.Key("scan_seconds").Number(timing.scan_seconds);
  json.EndObject();
  json.EndObject();
  out += '\n';
  return out;
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
    rows.push_back({std::string(model::IndicatorTypeName(ind.type)), std::string(ind.value),
                    std::to_string(s.seen.count), std::to_string(terminals),
                    TimeOrDash(s.seen.first), TimeOrDash(s.seen.last), OriginText(ind)});
  }
  out << "\nBy indicator:\n";
  WriteTable(out, rows, 2);
}

}  // namespace ts::hunt
