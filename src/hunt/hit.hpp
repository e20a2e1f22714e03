// A hit: one indicator found on one line of one log. It carries what a
// sighting needs (which indicator, when, which terminal) and what an analyst
// needs to go and look (file, line, the logged value that matched).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "util/time.hpp"

namespace ts::hunt {

struct Hit {
  std::string file;             // as named on the command line; "-" for standard input
  std::uint64_t line = 0;       // 1-based
  std::optional<SysTime> time;  // from the log line, when it has one
  std::string client;           // terminal address (or remote peer for server logs)
  std::string user;             // authenticated user, when logged
  std::string destination;      // what the client reached: URL, host or address
  std::string matched;          // the logged value, canonical, that matched
  std::uint32_t indicator = 0;  // id in the IndicatorSet
};

}  // namespace ts::hunt
