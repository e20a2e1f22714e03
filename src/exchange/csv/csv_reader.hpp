// RFC 4180 CSV records: fields separated by commas, quoted with '"' (a
// doubled quote inside is one quote; quoted fields may hold commas and line
// breaks), records ended by CRLF or LF, a leading UTF-8 BOM ignored.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ts::exchange::csv {

struct Record {
  int64_t line = 0;  // 1-based line where the record starts
  std::vector<std::string> fields;
};

struct Records {
  std::vector<Record> records;  // blank lines are skipped
  // Set when the text cannot be read as CSV (a quote never closed, text
  // after a closing quote); `error_line` says where.
  std::optional<std::string> error;
  int64_t error_line = 0;
};

Records ReadRecords(std::string_view text);

// `field` quoted when it holds a comma, quote, CR or LF (or starts with a
// blank), for writers.
std::string Quote(std::string_view field);

}  // namespace ts::exchange::csv
