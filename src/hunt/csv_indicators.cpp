// CSV indicator lists: a header naming the columns "type" and "value"
// (required), and "event" and "campaign" (optional), in any order and
// letter case. An empty type is detected from the value.
#include <algorithm>
#include <deque>

#include "hunt/csv_line.hpp"
#include "hunt/huge_pages.hpp"
#include "hunt/indicator_formats.hpp"
#include "ingest/ascii.hpp"

namespace ts::hunt {
namespace {

struct Columns {
  std::optional<std::size_t> type, value, event, campaign;
};

Columns ReadHeader(const std::vector<std::string_view>& names) {
  Columns c;
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::string name = ingest::AsciiLowered(names[i]);
    if (name == "type") c.type = i;
    if (name == "value") c.value = i;
    if (name == "event") c.event = i;
    if (name == "campaign") c.campaign = i;
  }
  return c;
}

std::string_view Cell(const std::vector<std::string_view>& fields,
                      std::optional<std::size_t> column) {
  return column && *column < fields.size() ? fields[*column] : std::string_view();
}

}  // namespace

bool HasCsvIndicatorHeader(std::string_view text) {
  const auto lines = ContentLines(text);
  if (lines.empty()) return false;
  std::vector<std::string_view> names;
  std::deque<std::string> storage;
  return lines.front().second.find(',') != std::string_view::npos &&
         SplitCsvLine(lines.front().second, names, storage) && ReadHeader(names).value;
}

Status ReadCsvIndicators(std::string_view text, ReadResult& out) {
  const auto lines = ContentLines(text);
  std::vector<std::string_view> fields;
  std::deque<std::string> storage;
  if (lines.empty() || !SplitCsvLine(lines.front().second, fields, storage))
    return Error::Invalid("line 1: the CSV header is not valid CSV");
  const Columns columns = ReadHeader(fields);
  if (!columns.value) {
    return Error::Invalid("line " + std::to_string(lines.front().first) +
                          ": the CSV header needs a \"value\" column");
  }
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const auto& [number, line] = lines[i];
    const std::string where = "line " + std::to_string(number) + ": ";
    if (!SplitCsvLine(line, fields, storage)) {
      ++out.invalid;
      out.warnings.push_back(where + "not valid CSV (a quote is left open)");
      continue;
    }
    // Unescaped cells live in `storage` only while this reader runs.
    RawIndicator raw{
        .value = out.kept.Keep(Cell(fields, columns.value)),
        .line = number,
        .origin = out.origins.Intern(Cell(fields, columns.event), Cell(fields, columns.campaign)),
        .type = std::nullopt};
    const std::string type(Cell(fields, columns.type));
    if (!type.empty()) {
      raw.type = TypeFromName(type, raw.value);
      if (!raw.type) {
        ++out.invalid;
        out.warnings.push_back(where + "unknown indicator type '" + type + "'");
        continue;
      }
    }
    out.indicators.push_back(std::move(raw));
  }
  return {};
}

void ReadPlainIndicators(std::string_view text, ReadResult& out) {
  ReserveHuge(out.indicators,
              out.indicators.size() +
                  static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
  ForEachContentLine(text, [&](std::size_t number, std::string_view line) {
    out.indicators.push_back(RawIndicator{.value = line, .line = number, .type = std::nullopt});
  });
}

}  // namespace ts::hunt
