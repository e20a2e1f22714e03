// The readers of indicator_loader.hpp, one per file format, and what they
// share. A reader only extracts values with their stated type and origin;
// canonicalising and de-duplicating is the loader's job.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "hunt/origin_table.hpp"
#include "hunt/text_arena.hpp"
#include "model/indicator_type.hpp"
#include "util/result.hpp"

namespace ts::hunt {

struct RawIndicator {
  std::string_view value;                        // into the file's text or ReadResult::kept
  std::size_t line = 0;                          // in the file, 1-based; 0 when unknown
  std::uint32_t origin = OriginTable::kUnknown;  // in ReadResult::origins
  std::optional<model::IndicatorType> type;      // nullopt: detect from the value
};

struct ReadResult {
  std::vector<RawIndicator> indicators;
  TextArena kept;  // values a reader made or took from a parsed document
  OriginTable origins;
  std::size_t unhuntable = 0;
  std::size_t unsupported = 0;
  std::size_t invalid = 0;            // rows skipped with a warning
  std::vector<std::string> warnings;  // "line N: ..." or "...", without the file name
};

// JSON formats, from the parsed document. Invalid error when it is not in
// the format.
Status ReadStixIndicators(const nlohmann::json& document, ReadResult& out);
Status ReadMispIndicators(const nlohmann::json& document, ReadResult& out);
// Whether a parsed JSON document is STIX (else it is read as MISP).
bool IsStixDocument(const nlohmann::json& document);

// Line formats, from the whole file. Invalid error (message starting
// "line N: ") when the header is unusable.
Status ReadCsvIndicators(std::string_view text, ReadResult& out);
// One value per line, read on up to `threads` threads.
void ReadPlainIndicators(std::string_view text, ReadResult& out, unsigned threads = 1);
// Whether the first line that is not blank or a comment is a CSV header
// with a "value" column.
bool HasCsvIndicatorHeader(std::string_view text);

// The indicator type for a type name in any of the vocabularies files use:
// ours ("ipv4", "domain"), MISP's ("ip-dst", "ja3-fingerprint-md5") and
// STIX object types ("ipv4-addr", "domain-name"). Address types become
// ipv4, ipv6 or cidr by the look of `value`. nullopt when unknown.
std::optional<model::IndicatorType> TypeFromName(std::string_view name, std::string_view value);

// The next line of `text` with content, starting at offset `at`: without
// its terminator and surrounding blanks and "\r"; blank lines and "#"
// comments are skipped. Advances `at` past it and `number` (1-based) to its
// line number; nullopt at the end.
inline std::optional<std::string_view> NextContentLine(std::string_view text, std::size_t& at,
                                                       std::size_t& number) {
  while (at < text.size()) {
    const std::size_t end = std::min(text.find('\n', at), text.size());
    std::string_view line = text.substr(at, end - at);
    at = end + 1;
    ++number;
    // By hand: find_first_not_of costs a memchr call per byte it looks at.
    const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
    std::size_t first = 0, last = line.size();
    while (first < last && blank(line[first])) ++first;
    if (first == last || line[first] == '#') continue;
    while (blank(line[last - 1])) --last;
    return line.substr(first, last - first);
  }
  return std::nullopt;
}

// Calls f(number, line) for each line NextContentLine finds.
template <typename F>
void ForEachContentLine(std::string_view text, F&& f) {
  std::size_t at = 0, number = 0;
  while (const auto line = NextContentLine(text, at, number)) f(number, *line);
}

}  // namespace ts::hunt
