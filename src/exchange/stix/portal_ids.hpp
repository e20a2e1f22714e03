// Stable ids of the STIX objects the portal writes itself, so that the same
// organisation, or the same indicator's sightings, keep one id in every
// export, and an import can recognise what an export of this portal wrote.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace ts::exchange::stix {

// A UUID of the version 5 layout derived from a name (SHA-256 based).
std::string NameUuid(std::string_view name);

// The STIX id of an item the portal made (an indicator, an event's report):
// "<type>--<its id>" while that id is a UUID STIX accepts (versions 1 to 5,
// as ids made before the portal used version 7); otherwise "<type>--" and a
// name-based UUID of the id, the same in every export.
std::string PortalObjectId(std::string_view type, std::string_view portal_id);

// The identity of the portal itself.
std::string PortalIdentityId();
// The identity of one of the portal's organisations.
std::string OrganisationIdentityId(int64_t org_id);
// The sighting object that sums up the sightings of one portal indicator
// (its portal id, without a type prefix).
std::string AggregateSightingId(std::string_view indicator_id);

}  // namespace ts::exchange::stix
