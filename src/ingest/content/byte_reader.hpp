// Bounds-checked little/big-endian reads from untrusted bytes: every read
// says whether it fit, so parsers never index past the end.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace ts::ingest::content {

template <typename T>
std::optional<T> ReadLe(std::string_view data, std::size_t offset) {
  if (offset > data.size() || data.size() - offset < sizeof(T)) return std::nullopt;
  T value = 0;
  for (std::size_t i = 0; i < sizeof(T); ++i)
    value |=
        static_cast<T>(static_cast<T>(static_cast<unsigned char>(data[offset + i])) << (8 * i));
  return value;
}

template <typename T>
std::optional<T> ReadBe(std::string_view data, std::size_t offset) {
  if (offset > data.size() || data.size() - offset < sizeof(T)) return std::nullopt;
  T value = 0;
  for (std::size_t i = 0; i < sizeof(T); ++i)
    value = static_cast<T>((value << 8) | static_cast<unsigned char>(data[offset + i]));
  return value;
}

// True when `data` holds `magic` at `offset`.
inline bool HasAt(std::string_view data, std::size_t offset, std::string_view magic) {
  return offset <= data.size() && data.substr(offset).starts_with(magic);
}

}  // namespace ts::ingest::content
