// CSV indicator lists: a header naming the columns "type" and "value"
// (required), and "event" and "campaign" (optional), in any order and
// letter case. An empty type is detected from the value.
#include <algorithm>
#include <deque>

#include "hunt/csv_line.hpp"
#include "hunt/huge_pages.hpp"
#include "hunt/indicator_formats.hpp"
#include "hunt/parallel_ranges.hpp"
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
  std::size_t at = 0, number = 0;
  const auto header = NextContentLine(text, at, number);
  std::vector<std::string_view> names;
  std::deque<std::string> storage;
  return header && header->find(',') != std::string_view::npos &&
         SplitCsvLine(*header, names, storage) && ReadHeader(names).value;
}

Status ReadCsvIndicators(std::string_view text, ReadResult& out) {
  std::size_t at = 0, number = 0;
  const auto header = NextContentLine(text, at, number);
  std::vector<std::string_view> fields;
  std::deque<std::string> storage;
  if (!header || !SplitCsvLine(*header, fields, storage))
    return Error::Invalid("line " + std::to_string(std::max<std::size_t>(number, 1)) +
                          ": the CSV header is not valid CSV");
  const Columns columns = ReadHeader(fields);
  if (!columns.value) {
    return Error::Invalid("line " + std::to_string(number) +
                          ": the CSV header needs a \"value\" column");
  }
  while (const auto line = NextContentLine(text, at, number)) {
    const std::string where = "line " + std::to_string(number) + ": ";
    if (!SplitCsvLine(*line, fields, storage)) {
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

void ReadPlainIndicators(std::string_view text, ReadResult& out, unsigned threads) {
  // Cut at line starts into pieces read side by side: a first pass counts
  // each piece's lines and rows, so that the second can number its lines
  // and write its rows in place.
  const std::size_t parts = PartsFor(text.size() / 16, threads);
  std::vector<std::size_t> starts{0};
  for (std::size_t part = 1; part < parts; ++part) {
    const std::size_t newline =
        text.find('\n', std::max(starts.back(), text.size() * part / parts));
    starts.push_back(newline == std::string_view::npos ? text.size() : newline + 1);
  }
  starts.push_back(text.size());
  auto piece = [&](std::size_t part) {
    return text.substr(starts[part], starts[part + 1] - starts[part]);
  };
  std::vector<std::size_t> lines(parts + 1), rows(parts + 1);  // before each piece, then in it
  ParallelRanges(parts, parts, [&](std::size_t, std::size_t, std::size_t part) {
    // NextContentLine counts every line it passes, blank or not.
    std::size_t at = 0;
    while (NextContentLine(piece(part), at, lines[part + 1])) ++rows[part + 1];
  });
  for (std::size_t part = 1; part <= parts; ++part) {
    lines[part] += lines[part - 1];
    rows[part] += rows[part - 1];
  }
  const std::size_t first = out.indicators.size();
  ReserveHuge(out.indicators, first + rows[parts]);
  out.indicators.resize(first + rows[parts]);
  ParallelRanges(parts, parts, [&](std::size_t, std::size_t, std::size_t part) {
    RawIndicator* row = out.indicators.data() + first + rows[part];
    ForEachContentLine(piece(part), [&](std::size_t number, std::string_view line) {
      *row++ = RawIndicator{.value = line, .line = lines[part] + number, .type = std::nullopt};
    });
  });
}

}  // namespace ts::hunt
