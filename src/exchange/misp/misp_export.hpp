// ExportSet → MISP event JSON: {"response": [{"Event": …}, …]}, which MISP
// imports (Events → Import from… → MISP JSON) and ParseMisp reads back.
// Each indicator is an attribute (type table in misp_types.hpp); the event's
// level is its distribution plus the TLP 2.0 tag plus our own
// threatshare:level tag, so that the exact level survives a round trip; an
// indicator narrower than its event carries its own distribution and tags.
#pragma once

#include <string>

#include "exchange/export_set.hpp"

namespace ts::exchange::misp {

std::string WriteMisp(const ExportSet& set);

}  // namespace ts::exchange::misp
