// One line of CSV (RFC 4180 quoting: a field in double quotes may hold
// commas and "" for a quote). Used for CSV logs and CSV indicator lists,
// which are line-oriented: a quoted field never spans lines here.
#pragma once

#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace ts::hunt {

// Fills `fields` with the fields of `line`; a quoted field holding "" is
// unescaped into `storage`, others are views into `line`. False when a
// quote is left open or text follows a closing quote.
bool SplitCsvLine(std::string_view line, std::vector<std::string_view>& fields,
                  std::deque<std::string>& storage);

}  // namespace ts::hunt
