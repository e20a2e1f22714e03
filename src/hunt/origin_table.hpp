// Where indicators came from: the shared event and the campaign, which
// thousands of indicators of one file share. Each distinct pair is kept
// once and named by a 32-bit index, so an indicator carries 4 bytes of
// origin instead of two strings.
#pragma once

#include <compare>
#include <cstdint>
#include <map>
#include <string_view>
#include <vector>

#include "hunt/text_arena.hpp"

namespace ts::hunt {

struct Origin {
  std::string_view event;     // empty when unknown
  std::string_view campaign;  // empty when unknown
  auto operator<=>(const Origin&) const = default;
};

class OriginTable {
 public:
  static constexpr std::uint32_t kUnknown = 0;  // neither event nor campaign

  // The index of this pair, kept (copied) on first sight.
  std::uint32_t Intern(std::string_view event, std::string_view campaign);
  // Views into the table.
  const Origin& operator[](std::uint32_t index) const { return origins_[index]; }

 private:
  TextArena text_;
  std::vector<Origin> origins_{Origin{}};
  std::map<Origin, std::uint32_t> index_;  // keys view text_
  std::uint32_t last_ = kUnknown;          // rows of one event come together
};

}  // namespace ts::hunt
