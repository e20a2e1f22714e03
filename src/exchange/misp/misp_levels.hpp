// MISP distribution, sharing groups and TLP tags against the portal's five
// levels (docs/exchange.md, MISP section). The mapping is a table; what the
// table cannot decide (a sharing group, "inherit" on an event, two TLP tags
// that disagree) is returned as a problem for the import report, never
// guessed silently.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/level.hpp"

namespace ts::exchange::misp {

// What an event's or attribute's own fields say about its audience.
struct Sharing {
  std::optional<int> distribution;  // 0..5 as read, nullopt when absent
  std::string sharing_group;        // id or name when distribution is 4
  std::vector<std::string> tags;    // every tag name, TLP or not
};

struct LevelReading {
  std::optional<model::Level> level;  // nullopt: none stated (or inherit)
  std::vector<std::string> problems;  // ambiguous cases, for the report
};

// `is_event`: distribution 5 (inherit) has nothing to inherit from on an
// event. Rules, in order:
//  - our own tag threatshare:level="…" (written by our export) is exact;
//  - TLP tags: tlp:red RED, tlp:amber+strict AMBER, tlp:amber YELLOW,
//    tlp:green GREEN, tlp:white / tlp:clear WHITE; several that disagree
//    give the narrowest and a problem;
//  - distribution: 0 (organisation only) RED, 1 (this community) AMBER,
//    2 (connected communities) GREEN, 3 (all communities) GREEN, 4 (sharing
//    group) the TLP level if any, else RED with a problem; 5 inherit;
//  - with both TLP and distribution, the narrower, except that 3 bounds
//    nothing (all communities with tlp:clear is WHITE).
LevelReading ReadLevel(const Sharing& sharing, bool is_event);

// The TLP 2.0 tag of a level (tlp:amber+strict for AMBER, tlp:clear for
// WHITE) and the distribution our export writes for it.
std::string TlpTag(model::Level level);
int DistributionOf(model::Level level);
// "threatshare:level=\"YELLOW\"": keeps the exact level through MISP.
std::string LevelTag(model::Level level);
bool IsLevelOrTlpTag(std::string_view tag);

}  // namespace ts::exchange::misp
