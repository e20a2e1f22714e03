// What `hunt --report` tells the portal: per indicator hit, how often and
// when it was seen (a STIX sighting's count, first_seen and last_seen), and,
// only when the member shares its identity and terminals, the same per
// terminal. A hit from a line without a time counts as seen at the scan
// time: the portal needs both times, and the hit happened by then.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "hunt/hit.hpp"
#include "hunt/portal_client.hpp"
#include "hunt/summary.hpp"

namespace ts::hunt {

class SightingTally {
 public:
  SightingTally(SysTime scan_time, bool with_terminals)
      : scan_time_(scan_time), with_terminals_(with_terminals) {}

  void Add(const Hit& hit);

  // Objects of POST /api/v1/sightings, one per portal indicator with hits:
  // {"indicator_id", "first_seen", "last_seen", "count"[, "terminals"]},
  // terminals as [{"client", "count", "first_seen", "last_seen"}].
  std::vector<nlohmann::json> Sightings(const PortalIds& ids) const;

 private:
  SysTime scan_time_;
  bool with_terminals_;
  std::map<std::uint32_t, Seen> indicators_;                         // by indicator id
  std::map<std::pair<std::uint32_t, std::string>, Seen> terminals_;  // by indicator id, client
};

}  // namespace ts::hunt
