#include "exchange/stix/portal_ids.hpp"

#include "exchange/stix/rules.hpp"
#include "util/crypto.hpp"

namespace ts::exchange::stix {

std::string NameUuid(std::string_view name) {
  std::string h = Sha256Hex(name);
  h[12] = '5';
  h[16] = "89ab"[(h[16] - '0') & 3];
  return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) +
         "-" + h.substr(20, 12);
}

std::string PortalObjectId(std::string_view type, std::string_view portal_id) {
  std::string prefix = std::string(type) + "--";
  std::string id = prefix + std::string(portal_id);
  if (IsIdentifier(id)) return id;
  return prefix + NameUuid("threatshare:" + id);
}

std::string PortalIdentityId() {
  return "identity--" + NameUuid("threatshare:portal");
}

std::string OrganisationIdentityId(int64_t org_id) {
  return "identity--" + NameUuid("threatshare:org:" + std::to_string(org_id));
}

std::string AggregateSightingId(std::string_view indicator_id) {
  return "sighting--" + NameUuid("threatshare:sightings:" + std::string(indicator_id));
}

}  // namespace ts::exchange::stix
