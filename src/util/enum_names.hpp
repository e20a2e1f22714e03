// Maps between an enum and the stable lower-case names used in the API,
// the CLI and the database, from one table per enum.
#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace ts {

template <typename E, std::size_t N>
using EnumNames = std::array<std::pair<E, std::string_view>, N>;

template <typename E, std::size_t N>
constexpr std::string_view NameOf(const EnumNames<E, N>& table, E value) {
  for (const auto& [v, name] : table)
    if (v == value) return name;
  return {};
}

template <typename E, std::size_t N>
constexpr std::optional<E> ParseName(const EnumNames<E, N>& table, std::string_view name) {
  for (const auto& [v, n] : table)
    if (n == name) return v;
  return std::nullopt;
}

}  // namespace ts
