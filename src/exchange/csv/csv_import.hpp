// CSV → ImportBatch: one indicator per record. The header names the
// columns; ours are value, type, comment, first_seen, last_seen, level,
// confidence and event (the title of the event a row belongs to; without
// it every row joins one event named after the file). Common other names
// are understood (ioc, indicator, kind, description, tlp, ...), and
// ParseOptions::csv_map ("value=ioc,type=kind") names any others. A row
// without a type has its type detected from the value. Problems name the
// line; a quote never closed or a header without a value column is fatal.
#pragma once

#include <string>

#include "exchange/format.hpp"

namespace ts::exchange::csv {

ImportBatch ParseCsv(const std::string& content, const ParseOptions& opts);

}  // namespace ts::exchange::csv
