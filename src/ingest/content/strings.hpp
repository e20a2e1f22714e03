// Printable strings in binary content, as `strings` finds them: runs of
// printable ASCII and of UTF-16LE-encoded printable ASCII, of at least
// min_length characters, capped in count and length so that a hostile
// sample cannot blow up a report. Indicators (URLs, domains, addresses,
// hashes, ...) are then found in them with ingest::ExtractIndicators.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/extract/extract.hpp"

namespace ts::ingest::content {

struct StringsOptions {
  std::size_t min_length = 6;
  std::size_t max_strings = 20000;  // beyond this, `truncated` is set
  std::size_t max_length = 4096;    // longer runs are cut to this length
};

struct FoundString {
  enum class Encoding { kAscii, kUtf16le };
  Encoding encoding = Encoding::kAscii;
  std::size_t offset = 0;  // byte offset of the first character
  std::string text;        // always ASCII
};

struct FoundStrings {
  std::vector<FoundString> strings;  // in order of offset, ASCII then UTF-16 per offset
  bool truncated = false;
};

FoundStrings ExtractStrings(std::string_view data, const StringsOptions& options = {});

// Each distinct indicator, vulnerability or technique in the strings, in
// order of first occurrence; offsets are byte offsets into the original data.
std::vector<Extracted> IndicatorsInStrings(const FoundStrings& strings);

}  // namespace ts::ingest::content
