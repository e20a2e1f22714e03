#include "hunt/report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <initializer_list>
#include <iterator>
#include <string>
#include <vector>

#include "hunt/json_writer.hpp"
#include "hunt/text_arena.hpp"

namespace ts::hunt {
namespace {

void Time(JsonWriter& json, const std::optional<SysTime>& t) {
  if (t) {
    json.String(FormatUtc(*t));
  } else {
    json.Null();
  }
}

// "hits", "first_seen" and "last_seen" of a terminal or an indicator.
void SeenMembers(JsonWriter& json, const Seen& seen) {
  json.Key("hits").Number(seen.count);
  json.Key("first_seen");
  Time(json, seen.first);
  json.Key("last_seen");
  Time(json, seen.last);
}

std::string_view OrDash(std::string_view s) {
  return s.empty() ? "-" : s;
}

// Rows of cells printed with each column as wide as its widest cell; the
// last column is not padded. Cells are views: text made for one is kept in
// the table's arena, so thousands of rows cost no allocation each.
class TextTable {
 public:
  TextTable(std::initializer_list<std::string_view> heading, std::size_t indent)
      : columns_(heading.size()), indent_(indent), cells_(heading) {}

  // A cell that outlives the table.
  void Add(std::string_view cell) { cells_.push_back(cell); }
  // A cell made of `args`, kept by the table.
  template <typename... Args>
  void AddFormatted(fmt::format_string<Args...> format, Args&&... args) {
    scratch_.clear();
    fmt::format_to(std::back_inserter(scratch_), format, std::forward<Args>(args)...);
    cells_.push_back(made_.Keep(scratch_));
  }
  void AddTime(const std::optional<SysTime>& t) {
    if (t) {
      cells_.push_back(made_.Keep(FormatUtc(*t)));
    } else {
      cells_.push_back("-");
    }
  }
  void AddOrigin(const Indicator& ind) {
    if (!ind.event.empty() && !ind.campaign.empty())
      return AddFormatted("{} / {}", ind.event, ind.campaign);
    Add(OrDash(ind.event.empty() ? ind.campaign : ind.event));
  }

  void Write(std::ostream& out) const {
    std::vector<std::size_t> widths(columns_);
    for (std::size_t i = 0; i < cells_.size(); ++i)
      widths[i % columns_] = std::max(widths[i % columns_], cells_[i].size());
    std::string text;
    for (std::size_t i = 0; i < cells_.size(); ++i) {
      const std::size_t column = i % columns_;
      if (column == 0) text.append(indent_, ' ');
      text += cells_[i];
      if (column + 1 < columns_) {
        text.append(widths[column] - cells_[i].size() + 2, ' ');
      } else {
        text += '\n';
      }
    }
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
  }

 private:
  std::size_t columns_;
  std::size_t indent_;
  std::vector<std::string_view> cells_;  // row after row
  TextArena made_;
  std::string scratch_;
};

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
  TextTable table{
      {"FILE:LINE", "TIME", "CLIENT", "TYPE", "INDICATOR", "MATCHED", "EVENT / CAMPAIGN"}, 0};
  for (const Hit& hit : hits) {
    const Indicator ind = indicators.at(hit.indicator);
    table.AddFormatted("{}:{}", hit.file, hit.line);
    table.AddTime(hit.time);
    table.Add(OrDash(hit.client));
    table.Add(model::IndicatorTypeName(ind.type));
    table.Add(ind.value);
    table.Add(hit.matched);
    table.AddOrigin(ind);
  }
  table.Write(out);
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
    SeenMembers(json, t.seen);
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
    SeenMembers(json, s.seen);
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
  TextTable terminals{{"CLIENT", "HITS", "INDICATORS", "FIRST SEEN", "LAST SEEN"}, 2};
  for (const auto& [client, t] : summary.terminals) {
    terminals.Add(OrDash(client));
    terminals.AddFormatted("{}", t.seen.count);
    terminals.AddFormatted("{}", t.indicators.size());
    terminals.AddTime(t.seen.first);
    terminals.AddTime(t.seen.last);
  }
  out << "\nBy terminal:\n";
  terminals.Write(out);
  TextTable found{
      {"TYPE", "INDICATOR", "HITS", "TERMINALS", "FIRST SEEN", "LAST SEEN", "EVENT / CAMPAIGN"}, 2};
  for (const auto& [id, s] : summary.indicators) {
    const Indicator ind = indicators.at(id);
    found.Add(model::IndicatorTypeName(ind.type));
    found.Add(ind.value);
    found.AddFormatted("{}", s.seen.count);
    found.AddFormatted("{}", std::count_if(s.clients.begin(), s.clients.end(),
                                           [](const std::string& c) { return !c.empty(); }));
    found.AddTime(s.seen.first);
    found.AddTime(s.seen.last);
    found.AddOrigin(ind);
  }
  out << "\nBy indicator:\n";
  found.Write(out);
}

}  // namespace ts::hunt
