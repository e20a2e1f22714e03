// Gathering what an export writes (exchange/export_set.hpp): the events the
// viewer may see, each with the indicators and kept source objects the
// viewer may see and the sightings of those indicators. Every read goes
// through access::Gate, so an export never holds an item above the viewer's
// scope, and RED/AMBER reads are audited.
#pragma once

#include <string>

#include "access/gate.hpp"
#include "exchange/export_set.hpp"

namespace ts::catalog {

// One event (NotFound when hidden or missing), or every visible event when
// event_id is empty.
Result<exchange::ExportSet> CollectExport(access::Gate& gate, const std::string& event_id);

}  // namespace ts::catalog
