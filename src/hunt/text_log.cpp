// Any other log, and lines that do not fit their file's format: every URL,
// IPv4 and IPv6 address, host name and hex digest written anywhere in the
// line is looked up. Tokens end at blanks, quotes, brackets and any
// non-ASCII byte, so Japanese text around a value ("接続先evil.example。")
// does not hide it. A leading ISO 8601 or epoch timestamp is the time.
#include <algorithm>

#include "hunt/log_format.hpp"
#include "ingest/ascii.hpp"

namespace ts::hunt {
namespace {

using ingest::IsAsciiAlnum;
using ingest::IsAsciiDigit;

bool IsTokenChar(char c) {
  if (c <= 0x20 || c >= 0x7F) return false;
  switch (c) {
    case '"':
    case '\'':
    case '<':
    case '>':
    case '`':
    case '^':
    case '{':
    case '}':
    case '|':
    case '\\':
      return false;
    default:
      return true;
  }
}

// Characters of host names, addresses, host:port and digests.
bool IsValueChar(char c) {
  return IsAsciiAlnum(c) || c == '.' || c == '-' || c == '_' || c == ':';
}

bool IsSchemeChar(char c) {
  return IsAsciiAlnum(c) || c == '+' || c == '-' || c == '.';
}

// The leading timestamp of `line`, if it has one.
void ReadTime(std::string_view line, LogRecord& record) {
  if (line.size() >= 19 && IsAsciiDigit(line[0]) && line[4] == '-' && line[7] == '-' &&
      (line[10] == 'T' || line[10] == ' ')) {
    std::size_t end = line.find(' ', 11);
    record.time = line.substr(0, std::min(end, line.size()));
    record.time_format = TimeFormat::kIso;
    return;
  }
  const std::size_t digits = line.find_first_not_of("0123456789");
  if (digits >= 9 && digits <= 11 && digits != std::string_view::npos &&
      (line[digits] == '.' || line[digits] == ' ')) {
    record.time = line.substr(0, std::min(line.find(' '), line.size()));
    record.time_format = TimeFormat::kEpoch;
  }
}

void AddValue(std::string_view s, LogRecord& record) {
  while (!s.empty() && (s.front() == '.' || s.front() == '-')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == '.' || s.back() == '-' || s.back() == ':')) s.remove_suffix(1);
  if (s.empty()) return;
  const auto colons = std::count(s.begin(), s.end(), ':');
  if (colons >= 2) {
    // IPv6 has "::" or at least six colons; times ("09:00:00") have neither.
    if (colons >= 6 || s.find("::") != std::string_view::npos) record.Add(FieldKind::kHost, s);
  } else if (colons == 1) {
    if (s.front() != ':') record.Add(FieldKind::kHostPort, s);  // ":443" alone is a port
  } else if (ingest::IsHex(s) &&
             (s.size() == 32 || s.size() == 40 || s.size() == 64 || s.size() == 128)) {
    record.Add(FieldKind::kHash, s);
  } else if (s.find('.') != std::string_view::npos) {
    record.Add(FieldKind::kHost, s);
  }
}

void AddValues(std::string_view token, LogRecord& record) {
  for (std::size_t i = 0; i < token.size();) {
    while (i < token.size() && !IsValueChar(token[i])) ++i;
    const std::size_t start = i;
    while (i < token.size() && IsValueChar(token[i])) ++i;
    if (i > start) AddValue(token.substr(start, i - start), record);
  }
}

void AddToken(std::string_view token, LogRecord& record) {
  const std::size_t sep = token.find("://");
  if (sep == std::string_view::npos) return AddValues(token, record);
  std::size_t start = sep;
  while (start > 0 && IsSchemeChar(token[start - 1])) --start;
  while (start < sep && !ingest::IsAsciiAlpha(token[start])) ++start;
  if (start == sep) return AddValues(token, record);
  std::string_view url = token.substr(start);
  while (!url.empty() && std::string_view(".,;:!?)]").find(url.back()) != std::string_view::npos)
    url.remove_suffix(1);
  AddValues(token.substr(0, start), record);
  record.Add(FieldKind::kUrl, url);
}

class TextParser : public LogParser {
 public:
  ParseOutcome Parse(std::string_view line, LogRecord& record) const override {
    ReadTime(line, record);
    for (std::size_t i = 0; i < line.size();) {
      while (i < line.size() && !IsTokenChar(line[i])) ++i;
      const std::size_t start = i;
      while (i < line.size() && IsTokenChar(line[i])) ++i;
      if (i > start) AddToken(line.substr(start, i - start), record);
    }
    return record.fields.empty() ? ParseOutcome::kSkip : ParseOutcome::kRecord;
  }
};

}  // namespace

std::unique_ptr<LogParser> MakeTextParser() {
  return std::make_unique<TextParser>();
}

}  // namespace ts::hunt
