// ExportSet → MISP event JSON: {"response": [{"Event": …}, …]}, which MISP
// imports (Events → Import from… → MISP JSON) and ParseMisp reads back.
// Each indicator is an attribute (type table in misp_types.hpp); the event's
// level is its distribution plus the TLP 2.0 tag plus our own
// threatshare:level tag, so that the exact level survives a round trip; an
// indicator narrower than its event carries its own distribution and tags.
// Indicators read from MISP keep their attribute uuid (their origin,
// model/indicator_origin.hpp); MISP Objects kept on import come back as
// Objects whose attributes are the visible indicators whose origin names
// them (not repeated at the top level), with the ObjectReferences whose
// target, an object or an attribute, is written too.
#pragma once

#include <string>

#include "exchange/export_set.hpp"

namespace ts::exchange::misp {

std::string WriteMisp(const ExportSet& set);

}  // namespace ts::exchange::misp
