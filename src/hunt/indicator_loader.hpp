// Reading the indicators to hunt for from local files: STIX 2.1 bundles,
// MISP event JSON, CSV with a header (type,value[,event,campaign]) and
// plain lists of one value per line, told apart by their content, plain or
// gzip or zstd compressed, from a file or standard input ("-"). Values
// are canonicalised with ingest::Normalize (and typed with DetectType when
// the file does not say), on all threads.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "hunt/indicator_set.hpp"
#include "util/result.hpp"

namespace ts::hunt {

struct LoadReport {
  std::size_t read = 0;         // values found in the files
  std::size_t added = 0;        // new indicators
  std::size_t duplicates = 0;   // same type and value as one already held
  std::size_t unhuntable = 0;   // types logs cannot show (e-mail subjects, mutexes, ...)
  std::size_t invalid = 0;      // values the normaliser rejected
  std::size_t unsupported = 0;  // STIX patterns beyond simple comparisons
  // "file: line N: problem" for skipped values, in file order.
  std::vector<std::string> warnings;
};

// Adds the indicators of the file at `path` to `set`. Values that cannot
// be used are counted and warned about; a file that cannot be read or
// parsed is an Invalid error naming the file (and the line, where known).
Status LoadIndicators(const std::string& path, IndicatorSet& set, LoadReport& report,
                      unsigned threads);

}  // namespace ts::hunt
