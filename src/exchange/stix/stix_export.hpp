// ExportSet → STIX 2.1 bundle. Objects kept verbatim are written unchanged;
// events and indicators the portal made itself become report and indicator
// objects. Every object carries the TLP 2.0 marking of its level and the
// portal's own level marking so that the exact level survives a round trip.
#pragma once

#include <string>

#include "exchange/export_set.hpp"
#include "util/result.hpp"

namespace ts::exchange::stix {

Result<std::string> WriteBundle(const ExportSet& set);

}  // namespace ts::exchange::stix
