#include "hunt/sighting_tally.hpp"

namespace ts::hunt {
namespace {

using nlohmann::json;

// Seen::first and last are set, as every hit is added with a time.
json Times(const Seen& seen) {
  return {{"first_seen", FormatUtc(*seen.first)},
          {"last_seen", FormatUtc(*seen.last)},
          {"count", seen.count}};
}

}  // namespace

void SightingTally::Add(const Hit& hit) {
  const SysTime time = hit.time.value_or(scan_time_);
  indicators_[hit.indicator].Add(time);
  // Hits without a client (text lines) name no terminal.
  if (with_terminals_ && !hit.client.empty()) terminals_[{hit.indicator, hit.client}].Add(time);
}

std::vector<json> SightingTally::Sightings(const PortalIds& ids) const {
  std::vector<json> out;
  for (const auto& [id, seen] : indicators_) {
    if (id >= ids.size()) continue;  // not from the portal
    json terminals = json::array();
    if (with_terminals_) {
      for (auto it = terminals_.lower_bound({id, ""});
           it != terminals_.end() && it->first.first == id; ++it) {
        json terminal = Times(it->second);
        terminal["client"] = it->first.second;
        terminals.push_back(std::move(terminal));
      }
    }
    for (const std::string& portal_id : ids[id]) {
      json sighting = Times(seen);
      sighting["indicator_id"] = portal_id;
      if (with_terminals_) sighting["terminals"] = terminals;
      out.push_back(std::move(sighting));
    }
  }
  return out;
}

}  // namespace ts::hunt
