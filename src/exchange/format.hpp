// The exchange formats and the two entry points every front end (CLI, REST)
// uses: Parse (bytes → ImportBatch) and Write (ExportSet → bytes). Each
// format lives in its own folder (stix/, misp/, csv/; free text in
// ingest/extract/); the switch in format.cpp dispatches to it.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "exchange/export_set.hpp"
#include "exchange/import_batch.hpp"
#include "util/result.hpp"

namespace ts::exchange {

enum class Format { kStix, kMisp, kCsv, kText };

// "stix", "misp", "csv", "text".
std::string_view FormatName(Format f);
std::optional<Format> ParseFormat(std::string_view name);

// Guesses the format from the first bytes of the content, then the file
// name: a JSON object with "type": "bundle" is STIX, one with "Event" or
// "response" is MISP, a .csv name or a header line of commas is CSV,
// anything else is text.
Format DetectFormat(std::string_view file_name, std::string_view head);

struct ParseOptions {
  std::string source_name;  // file name; names the event of loose objects
  // CSV only: "value=ioc,type=kind" names the columns holding our fields
  // when the header does not use our names (csv/csv_import.hpp).
  std::string csv_map;
  // Called now and then with bytes or objects done of a total, from the
  // parsing thread. May be empty.
  std::function<void(size_t done, size_t total)> progress;
};

// Never fails as a call: whatever is wrong with the input is in
// ImportBatch::problems. `content` is taken as a std::string so that a
// parser can use spare capacity as padding (see ReadFileForParse).
ImportBatch Parse(Format f, const std::string& content, const ParseOptions& opts);

// Serialises for export; an error when the format cannot be written (text).
Result<std::string> Write(Format f, const ExportSet& set);

// Spare capacity after the content that lets simdjson parse in place.
inline constexpr size_t kParsePadding = 64;

// Parses a file of at most `max_bytes`; `format` none: detected from its
// first bytes and name. A STIX bundle is read in pieces and checked while
// it is read; other formats are read whole. Fails only when the file cannot
// be read; what is wrong inside it is in the batch's problems.
Result<ImportBatch> ParseFile(const std::string& path, std::optional<Format> format,
                              const ParseOptions& opts, size_t max_bytes);

}  // namespace ts::exchange
