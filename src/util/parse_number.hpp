// Reads a whole string as a number: no sign or space tolerated around it,
// no trailing characters, no overflow.
#pragma once

#include <charconv>
#include <optional>
#include <string_view>

namespace ts {

template <typename T>
bool ParseNumber(std::string_view text, T& out) {
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, out);
  return ec == std::errc() && ptr == end;
}

template <typename T>
std::optional<T> ParseNumber(std::string_view text) {
  T value{};
  if (!ParseNumber(text, value)) return std::nullopt;
  return value;
}

}  // namespace ts
