// ExportSet → MISP event JSON: {"response": [{"Event": …}, …]}, which MISP
// imports (Events → Import from… → MISP JSON) and ParseMisp reads back.
// Each indicator is an attribute (type table in misp_types.hpp); the event's
// level is its distribution plus the TLP 2.0 tag plus our own
// threatshare:level tag, so that the exact level survives a round trip; an
// indicator narrower than its event carries its own distribution and tags.
// MISP Objects kept on import come back as Objects whose attributes are the
// indicators still tied to them (misp_object_mark.hpp); those indicators are
// not repeated as top-level attributes.
#pragma once

#include <string>

#include "exchange/export_set.hpp"

namespace ts::exchange::misp {

std::string WriteMisp(const ExportSet& set);

}  // namespace ts::exchange::misp
