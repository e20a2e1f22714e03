// The five sharing levels a provider chooses for an item (DESIGN.md §1).
// Declared from narrowest to widest so that a larger value is a wider
// audience: RED < AMBER < YELLOW < GREEN < WHITE.
#pragma once

#include <optional>
#include <string_view>

namespace ts::model {

enum class Level { kRed = 0, kAmber = 1, kYellow = 2, kGreen = 3, kWhite = 4 };

inline constexpr Level kAllLevels[] = {Level::kRed, Level::kAmber, Level::kYellow, Level::kGreen,
                                       Level::kWhite};

// "RED", "AMBER", ... as written in the API and in the C4TAP rules.
std::string_view LevelName(Level level);
// Accepts the names case-insensitively.
std::optional<Level> ParseLevel(std::string_view name);
// TLP 2.0 label for exports: RED→TLP:RED, AMBER→TLP:AMBER+STRICT,
// YELLOW→TLP:AMBER, GREEN→TLP:GREEN, WHITE→TLP:CLEAR.
std::string_view TlpLabel(Level level);

// True when `a` reaches at least everyone `b` reaches.
inline bool IsWiderOrEqual(Level a, Level b) {
  return static_cast<int>(a) >= static_cast<int>(b);
}
inline Level Narrowest(Level a, Level b) {
  return IsWiderOrEqual(a, b) ? b : a;
}

}  // namespace ts::model
