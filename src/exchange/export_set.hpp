// What every export writer (STIX, MISP, CSV) consumes: events the viewer may
// see, each with the indicators the viewer may see and the source objects
// kept verbatim for it. The storing side (catalog/exports.hpp) fills it
// through access::Gate, so a writer never has to filter anything itself.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "exchange/import_batch.hpp"
#include "model/event.hpp"
#include "model/sighting.hpp"

namespace ts::exchange {

struct ExportEvent {
  model::Event event;  // level, provider (provider_org_name), tags, ...
  std::vector<model::Indicator> indicators;
  std::vector<SourceObject> objects;  // every stored version, oldest first
  // Ids of this event's objects the viewer may not see: writers remove
  // references to them from the objects they write (and leave out objects
  // that cannot stand without them), and never write the ids themselves.
  std::vector<std::string> withheld_ids;
  // Sightings of these indicators. An export travels beyond its viewer, so
  // org_id is 0 unless the reporter chose to be named (share_identity).
  std::vector<model::Sighting> sightings;
  std::map<int64_t, std::string> reporter_names;  // of the org_ids above
};

struct ExportSet {
  std::vector<ExportEvent> events;
  std::string generated;  // RFC 3339 time of the export
};

}  // namespace ts::exchange
