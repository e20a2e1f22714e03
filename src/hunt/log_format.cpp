#include "hunt/log_format.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <deque>
#include <vector>

#include <nlohmann/json.hpp>

#include "hunt/csv_line.hpp"
#include "hunt/field_roles.hpp"

namespace ts::hunt {
namespace {

constexpr std::array<std::pair<LogFormat, std::string_view>, 6> kNames{{
    {LogFormat::kSquid, "squid"},
    {LogFormat::kCombined, "combined"},
    {LogFormat::kZeek, "zeek"},
    {LogFormat::kZeekJson, "zeek-json"},
    {LogFormat::kCsv, "csv"},
    {LogFormat::kText, "text"},
}};

// Lines voted on; one broken first line must not turn a proxy log into text.
constexpr std::size_t kSampleLines = 10;

bool IsCsvHeader(std::string_view line) {
  std::vector<std::string_view> names;
  std::deque<std::string> storage;
  if (line.find(',') == std::string_view::npos || !SplitCsvLine(line, names, storage)) return false;
  return std::any_of(names.begin(), names.end(), [](std::string_view name) {
    const FieldRole role = RoleOfColumn(name);
    return role != FieldRole::kNone && role != FieldRole::kTime && role != FieldRole::kUser;
  });
}

}  // namespace

std::string_view LogFormatName(LogFormat format) {
  for (const auto& [f, name] : kNames)
    if (f == format) return name;
  return "text";
}

std::optional<LogFormat> ParseLogFormat(std::string_view name) {
  for (const auto& [f, known] : kNames)
    if (known == name) return f;
  return std::nullopt;
}

LogFormat DetectLogFormat(std::string_view head) {
  std::vector<std::string_view> lines;
  for (std::size_t start = 0; start < head.size() && lines.size() < kSampleLines;) {
    const std::size_t end = head.find('\n', start);
    // A last line cut off by the end of `head` is not judged, unless alone.
    if (end == std::string_view::npos && !lines.empty()) break;
    std::string_view line = head.substr(start, std::min(end, head.size()) - start);
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (line.find_first_not_of(" \t") != std::string_view::npos) lines.push_back(line);
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  if (lines.empty()) return LogFormat::kText;
  const std::string_view first = lines.front();
  if (first.starts_with("#separator") || first.starts_with("#fields")) return LogFormat::kZeek;
  if (first.starts_with('{')) {
    const auto object = nlohmann::json::parse(first, nullptr, false);
    if (object.is_object()) return LogFormat::kZeekJson;
  }
  if (IsCsvHeader(first)) return LogFormat::kCsv;
  const auto squid = std::count_if(lines.begin(), lines.end(), LooksLikeSquidLine);
  const auto combined = std::count_if(lines.begin(), lines.end(), LooksLikeCombinedLine);
  const auto half = static_cast<std::ptrdiff_t>((lines.size() + 1) / 2);
  if (squid >= half && squid >= combined) return LogFormat::kSquid;
  if (combined >= half) return LogFormat::kCombined;
  return LogFormat::kText;
}

std::string_view FirstLine(std::string_view text, std::size_t& next) {
  const auto* newline = static_cast<const char*>(std::memchr(text.data(), '\n', text.size()));
  std::string_view line = newline ? text.substr(0, newline - text.data()) : text;
  next = newline ? line.size() + 1 : text.size();
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

ParseOutcome LogParser::ParseFirstLine(std::string_view text, std::string_view& line,
                                       std::size_t& next, LogRecord& record) const {
  line = FirstLine(text, next);
  return Parse(line, record);
}

Result<std::unique_ptr<LogParser>> MakeLogParser(LogFormat format, std::string_view head) {
  switch (format) {
    case LogFormat::kSquid:
      return MakeSquidParser();
    case LogFormat::kCombined:
      return MakeCombinedParser();
    case LogFormat::kZeek:
      return MakeZeekParser(head);
    case LogFormat::kZeekJson:
      return MakeZeekJsonParser();
    case LogFormat::kCsv:
      return MakeCsvLogParser(head);
    case LogFormat::kText:
      return MakeTextParser();
  }
  return Error::Internal("unknown log format");
}

}  // namespace ts::hunt
