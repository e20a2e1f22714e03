// Log formats: naming, detection from the first lines of a file, and the
// parser that turns a line into a LogRecord. A parser is built once per
// file (it may read a header: Zeek "#fields", a CSV header row) and is then
// used read-only by every scanning thread.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string_view>

#include "hunt/log_record.hpp"
#include "util/result.hpp"

namespace ts::hunt {

enum class LogFormat { kSquid, kCombined, kZeek, kZeekJson, kCsv, kText };

// "squid", "combined", "zeek", "zeek-json", "csv", "text".
std::string_view LogFormatName(LogFormat format);
std::optional<LogFormat> ParseLogFormat(std::string_view name);

// The format of a log whose first bytes are `head`, judged from its first
// lines that are not blank; kText when nothing more specific fits.
LogFormat DetectLogFormat(std::string_view head);

enum class ParseOutcome {
  kRecord,     // `record` holds the line
  kSkip,       // header, comment or blank line: nothing to look up
  kMalformed,  // not in the format: the scanner reads it as plain text
};

class LogParser {
 public:
  virtual ~LogParser() = default;
  // Reads `line` (without its line terminator) into `record`, which the
  // caller has cleared. Must be safe to call from several threads at once.
  virtual ParseOutcome Parse(std::string_view line, LogRecord& record) const = 0;
  // Reads the first line of `text` as Parse does: sets `line` to it (without
  // "\n" or "\r\n") and `next` to the offset just past its terminator.
  // Formats that split a line anyway override this to find its end in the
  // same pass; the default looks for the end first.
  virtual ParseOutcome ParseFirstLine(std::string_view text, std::string_view& line,
                                      std::size_t& next, LogRecord& record) const;
};

// The parser for `format`; `head` (the first bytes of the file) supplies
// the header of formats that have one. Invalid error, naming the line, when
// a required header is missing or names nothing to match.
Result<std::unique_ptr<LogParser>> MakeLogParser(LogFormat format, std::string_view head);

// Per-format constructors, one per source file.
std::unique_ptr<LogParser> MakeSquidParser();
std::unique_ptr<LogParser> MakeCombinedParser();
Result<std::unique_ptr<LogParser>> MakeZeekParser(std::string_view head);
std::unique_ptr<LogParser> MakeZeekJsonParser();
Result<std::unique_ptr<LogParser>> MakeCsvLogParser(std::string_view head);
std::unique_ptr<LogParser> MakeTextParser();

// The first line of `text` without its terminator; `next` is set past it.
std::string_view FirstLine(std::string_view text, std::size_t& next);

// Shape checks used by detection, exposed for the parsers that share them.
bool LooksLikeSquidLine(std::string_view line);
bool LooksLikeCombinedLine(std::string_view line);

}  // namespace ts::hunt
