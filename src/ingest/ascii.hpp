// Locale-independent ASCII tests and case mapping. <cctype> follows the C
// locale and is undefined for negative chars; indicator values must
// normalise identically everywhere, whatever bytes they hold.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>

namespace ts::ingest {

constexpr bool IsAsciiDigit(char c) {
  return c >= '0' && c <= '9';
}
constexpr bool IsAsciiAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
constexpr bool IsAsciiAlnum(char c) {
  return IsAsciiDigit(c) || IsAsciiAlpha(c);
}
constexpr bool IsHexDigit(char c) {
  return IsAsciiDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
// Space, tab, CR and LF: white space of JSON and of mail headers.
constexpr bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}
constexpr char AsciiLower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
}
constexpr char AsciiUpper(char c) {
  return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c;
}

// Each run of white space (by `is_space`) as one space, none at either end.
inline std::string CollapseSpaces(std::string_view s, bool (*is_space)(char) = IsAsciiSpace) {
  std::string out;
  bool space = false;
  for (const char c : s) {
    if (is_space(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

inline bool IsAscii(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}
inline bool IsAllDigits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), IsAsciiDigit);
}
inline bool IsHex(std::string_view s) {
  return std::all_of(s.begin(), s.end(), IsHexDigit);
}

inline std::string AsciiLowered(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), AsciiLower);
  return out;
}
inline std::string AsciiUppered(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), AsciiUpper);
  return out;
}

}  // namespace ts::ingest
