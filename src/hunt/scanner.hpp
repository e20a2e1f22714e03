// A hunt over log files: each file opened (input.hpp), its format detected
// or forced, its lines scanned by up to `threads` threads (plain files are
// split at line boundaries into chunks; streams are cut into blocks while
// being read and decompressed), and its hits handed over, in line order,
// as soon as the file is done.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "hunt/hit.hpp"
#include "hunt/indicator_set.hpp"
#include "hunt/log_format.hpp"
#include "util/result.hpp"

namespace ts::hunt {

struct ScanOptions {
  std::optional<LogFormat> format;  // nullopt: detected per file
  unsigned threads = 1;
  bool progress = false;  // draw a progress line on standard error
};

struct FileResult {
  std::string name;
  LogFormat format = LogFormat::kText;
  std::string compression;  // "", "gzip" or "zstd"
  std::uint64_t bytes = 0;  // of log text
  std::uint64_t lines = 0;
  std::uint64_t malformed = 0;
  std::uint64_t lines_with_hits = 0;
  std::vector<Hit> hits;  // by line
};

// Scans `files` (as ExpandInputs gives them) in order, calling `on_file`
// for each. Stops at the first file that cannot be read or whose header is
// unusable: Invalid error whose message starts with the file name.
Status Scan(const std::vector<std::string>& files, const IndicatorSet& indicators,
            const ScanOptions& options, const std::function<void(FileResult&)>& on_file);

}  // namespace ts::hunt
