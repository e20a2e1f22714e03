// ExportSet → CSV (RFC 4180, CRLF): one record per indicator under the
// header event_id,event,level,type,value,comment,first_seen,last_seen,
// confidence, which ParseCsv reads back. `level` is the indicator's
// effective level.
#pragma once

#include <string>

#include "exchange/export_set.hpp"

namespace ts::exchange::csv {

std::string WriteCsv(const ExportSet& set);

}  // namespace ts::exchange::csv
