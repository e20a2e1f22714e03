// The scan loop: splits a block of log text into lines, has the file's
// parser read each one (lines it cannot read are read as plain text), looks
// every value up in the IndicatorSet and records a Hit per indicator per
// line. One LineScanner per thread; it allocates nothing per line unless
// the line hits or needs its URL normalised.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "hunt/hit.hpp"
#include "hunt/indicator_set.hpp"
#include "hunt/log_format.hpp"
#include "hunt/log_record.hpp"

namespace ts::hunt {

struct BlockResult {
  std::uint64_t lines = 0;
  std::uint64_t malformed = 0;
  std::uint64_t lines_with_hits = 0;
  std::vector<Hit> hits;  // Hit::line counts from 1 at the block's first line; no file
};

class LineScanner {
 public:
  LineScanner(const IndicatorSet& indicators, const LogParser& parser);

  // Scans `text`: whole lines, "\n" or "\r\n" terminated, the last one
  // possibly unterminated. Adds to `result`.
  void Scan(std::string_view text, BlockResult& result);

 private:
  struct Match {
    std::uint32_t id;
    std::string matched;
  };
  // `record_` holds what the parser made of `line`, with `outcome`.
  void ScanLine(std::string_view line, ParseOutcome outcome, std::uint64_t number,
                BlockResult& result);
  void Lookup(const LogField& field);
  void LookupHost(std::string_view host);
  // A host as PlainUrlHost gives it (lower-case, no trailing dot), with
  // its HashKey.
  void LookupPlainHost(std::string_view host, std::uint64_t hash);
  void Collect(std::string_view matched);

  const IndicatorSet& indicators_;
  const LogParser& parser_;
  std::unique_ptr<LogParser> text_parser_;
  LogRecord record_;
  std::vector<std::uint32_t> ids_;  // of the current lookup
  std::vector<Match> matches_;      // of the current line, one per indicator
  std::string url_scratch_, name_scratch_;
};

}  // namespace ts::hunt
