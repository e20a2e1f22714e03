// STIX sightings and identities mapped to the portal's model. A sighting of
// an indicator becomes a SightingDraft, which the storing side records as
// the importing organisation's own anonymous sighting of the indicators
// drafted from that indicator. An identity that created a report (or the
// objects no report lists) becomes the event tag "source:<name>" so that
// analysts can filter imported events by where they came from. Both read
// objects that already passed the checks of rules.hpp.
#pragma once

#include <optional>
#include <string>

#include <simdjson.h>

#include "exchange/import_batch.hpp"

namespace ts::exchange::stix {

// The draft of a sighting object (its level left for the caller, who
// resolves markings); nullopt when the portal cannot record it: it is not
// a sighting, it names no indicator (sighting_of_ref of another type), or
// its count is 0. Missing times fall back to the other one, then to the
// object's `created`; a missing count means one sighting.
std::optional<SightingDraft> SightingFromObject(simdjson::dom::object o);

// "source:<name>" for an identity object with a name (blanks trimmed); ""
// for any other object. The caller applies the event's tag limits, so a
// name too long for a tag gives none.
std::string SourceTagOf(simdjson::dom::object identity);

}  // namespace ts::exchange::stix
