#include "exchange/csv/csv_import.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <variant>

#include "exchange/csv/csv_reader.hpp"
#include "exchange/misp/misp_types.hpp"
#include "ingest/ascii.hpp"
#include "ingest/normalize.hpp"
#include "ingest/utf8.hpp"
#include "util/time.hpp"

namespace ts::exchange::csv {
namespace {

enum Field { kValue, kType, kComment, kFirstSeen, kLastSeen, kLevel, kConfidence, kEvent, kFields };

constexpr std::array<std::string_view, kFields> kFieldNames = {
    "value", "type", "comment", "first_seen", "last_seen", "level", "confidence", "event"};

// Header names other tools write for our fields, lower-cased, blanks and
// hyphens read as "_".
constexpr std::pair<std::string_view, Field> kAliases[] = {
    {"indicator", kValue},     {"ioc", kValue},
    {"observable", kValue},    {"indicator_value", kValue},
    {"kind", kType},           {"indicator_type", kType},
    {"ioc_type", kType},       {"description", kComment},
    {"note", kComment},        {"notes", kComment},
    {"firstseen", kFirstSeen}, {"lastseen", kLastSeen},
    {"tlp", kLevel},           {"sharing_level", kLevel},
    {"score", kConfidence},    {"event_title", kEvent},
    {"title", kEvent},
};

std::string HeaderKey(std::string_view name) {
  std::string key = ingest::AsciiLowered(ingest::TrimSpace(name));
  std::replace_if(
      key.begin(), key.end(), [](char c) { return c == ' ' || c == '-'; }, '_');
  return key;
}

std::optional<Field> FieldNamed(std::string_view name) {
  for (int f = 0; f < kFields; ++f)
    if (kFieldNames[static_cast<std::size_t>(f)] == name) return static_cast<Field>(f);
  return std::nullopt;
}

using Columns = std::array<std::optional<std::size_t>, kFields>;

Problem Fatal(int64_t line, std::string message) {
  return {{}, {}, line, std::move(message), true};
}

// Columns of our fields from the header and the map; a message on failure.
std::variant<Columns, Problem> ReadHeader(const Record& header, std::string_view map) {
  Columns columns;
  std::map<std::string, std::size_t> by_name;
  for (std::size_t i = 0; i < header.fields.size(); ++i)
    by_name.emplace(HeaderKey(header.fields[i]), i);
  for (const auto& [name, column] : by_name) {
    if (auto f = FieldNamed(name)) {
      columns[*f] = column;
      continue;
    }
    for (const auto& [alias, field] : kAliases)
      if (alias == name && !columns[field]) columns[field] = column;
  }
  // The map overrides: "value=ioc,type=kind".
  for (std::size_t start = 0; start < map.size();) {
    std::size_t end = map.find(',', start);
    if (end == std::string_view::npos) end = map.size();
    const std::string_view pair = map.substr(start, end - start);
    start = end + 1;
    if (ingest::TrimSpace(pair).empty()) continue;
    const std::size_t eq = pair.find('=');
    const auto field = FieldNamed(HeaderKey(pair.substr(0, eq)));
    if (eq == std::string_view::npos || !field)
      return Fatal(0, "column map entry '" + std::string(pair) +
                          "' must be FIELD=COLUMN with FIELD one of value, type, comment, "
                          "first_seen, last_seen, level, confidence, event");
    const auto it = by_name.find(HeaderKey(pair.substr(eq + 1)));
    if (it == by_name.end())
      return Fatal(header.line, "the header has no column '" + std::string(pair.substr(eq + 1)) +
                                    "' named in the column map");
    columns[*field] = it->second;
  }
  if (!columns[kValue])
    return Fatal(header.line,
                 "the header names no value column (value, indicator, ioc, observable); "
                 "name it with a column map such as value=COLUMN");
  return columns;
}

// Our type name for what a CSV says: ours, a few common words, or a MISP
// attribute type. Empty: detect from the value.
std::optional<std::string> TypeName(std::string_view written) {
  const std::string t = ingest::AsciiLowered(ingest::TrimSpace(written));
  if (t.empty() || t == "ip" || t == "hash" || t == "auto") return std::string();
  if (model::ParseIndicatorType(t)) return t;
  if (t == "email") return std::string("email-addr");
  if (auto misp = misp::IndicatorsOf(t, "x"); misp && misp->size() == 1) return (*misp)[0].type;
  return std::nullopt;
}

class RowReader {
 public:
  RowReader(ImportBatch& batch, const Columns& columns, const std::string& source)
      : batch_(batch), columns_(columns), source_(source) {}

  void Read(const Record& r) {
    ++batch_.objects_read;
    auto cell = [&](Field f) -> std::string_view {
      if (!columns_[f] || *columns_[f] >= r.fields.size()) return {};
      return ingest::TrimSpace(r.fields[*columns_[f]]);
    };
    IndicatorDraft d;
    d.value = std::string(cell(kValue));
    if (d.value.empty()) {
      Skip(r.line, "the value is empty");
      return;
    }
    auto type = TypeName(cell(kType));
    if (!type) {
      Skip(r.line, "unknown type '" + std::string(cell(kType)) + "'");
      return;
    }
    if (type->empty()) {
      auto detected = ingest::DetectType(d.value);
      if (!detected) {
        Skip(r.line, "cannot tell the type of '" + d.value + "'; give it in a type column");
        return;
      }
      *type = model::IndicatorTypeName(*detected);
    }
    d.type = *type;
    if (auto value = ingest::Normalize(*model::ParseIndicatorType(d.type), d.value); !value) {
      Skip(r.line, value.error().message);
      return;
    }
    d.comment = std::string(cell(kComment));
    for (auto [field, dst] :
         {std::pair{kFirstSeen, &d.first_seen}, std::pair{kLastSeen, &d.last_seen}}) {
      const std::string_view raw = cell(field);
      if (raw.empty()) continue;
      auto canonical = CanonicalTime(raw);
      if (!canonical) {
        Skip(r.line, std::string(kFieldNames[field]) + " '" + std::string(raw) +
                         "' is not an RFC 3339 time");
        return;
      }
      *dst = *canonical;
    }
    if (const std::string_view level = cell(kLevel); !level.empty()) {
      d.level = model::ParseLevel(level);
      if (!d.level) {
        Skip(r.line,
             "level '" + std::string(level) + "' is not RED, AMBER, YELLOW, GREEN or WHITE");
        return;
      }
    }
    if (const std::string_view confidence = cell(kConfidence); !confidence.empty()) {
      if (confidence.size() > 3 || !ingest::IsAllDigits(confidence) ||
          std::stoi(std::string(confidence)) > 100) {
        Skip(r.line, "confidence '" + std::string(confidence) + "' is not a whole number 0..100");
        return;
      }
      d.confidence = std::stoi(std::string(confidence));
    }
    EventFor(cell(kEvent)).indicators.push_back(std::move(d));
  }

 private:
  void Skip(int64_t line, std::string message) {
    batch_.problems.push_back({{}, {}, line, std::move(message), false});
  }

  EventDraft& EventFor(std::string_view title) {
    const std::string key = title.empty() ? source_ : source_ + "#" + std::string(title);
    for (auto& e : batch_.events)
      if (e.key == key) return e;
    EventDraft e;
    e.key = key;
    e.title = title.empty() ? (source_.empty() ? "CSV import" : source_) : std::string(title);
    batch_.events.push_back(std::move(e));
    return batch_.events.back();
  }

  ImportBatch& batch_;
  const Columns& columns_;
  const std::string& source_;
};

}  // namespace

ImportBatch ParseCsv(const std::string& content, const ParseOptions& opts) {
  ImportBatch batch;
  batch.format = "csv";
  if (const auto bad = ingest::FirstInvalidUtf8(content)) {
    const auto line =
        1 + std::count(content.begin(), content.begin() + static_cast<std::ptrdiff_t>(*bad), '\n');
    batch.problems.push_back(Fatal(line, "the text is not valid UTF-8"));
    return batch;
  }
  Records read = ReadRecords(content);
  if (read.error) {
    batch.problems.push_back(Fatal(read.error_line, *read.error));
    return batch;
  }
  if (read.records.empty()) {
    batch.problems.push_back(Fatal(0, "the file holds no CSV header"));
    return batch;
  }
  auto header = ReadHeader(read.records[0], opts.csv_map);
  if (auto* problem = std::get_if<Problem>(&header)) {
    batch.problems.push_back(std::move(*problem));
    return batch;
  }
  const Columns columns = std::get<Columns>(header);
  RowReader rows(batch, columns, opts.source_name);
  for (std::size_t i = 1; i < read.records.size(); ++i) {
    rows.Read(read.records[i]);
    if (opts.progress && i % 1024 == 0) opts.progress(i, read.records.size() - 1);
  }
  return batch;
}

}  // namespace ts::exchange::csv
