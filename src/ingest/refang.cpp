#include "ingest/refang.hpp"

#include <array>
#include <utility>

#include "ingest/ascii.hpp"

namespace ts::ingest {
namespace {

using Replacement = std::pair<std::string_view, std::string_view>;

constexpr std::array<Replacement, 13> kTokens{{
    {"[.]", "."},
    {"(.)", "."},
    {"{.}", "."},
    {"[dot]", "."},
    {"(dot)", "."},
    {"{dot}", "."},
    {"[://]", "://"},
    {"[:]", ":"},
    {"[/]", "/"},
    {"[@]", "@"},
    {"(at)", "@"},
    {"[at]", "@"},
    {"{at}", "@"},
}};

constexpr std::array<Replacement, 3> kSchemes{{
    {"hxxps:", "https:"},
    {"hxxp:", "http:"},
    {"fxp:", "ftp:"},
}};

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (AsciiLower(s[i]) != prefix[i]) return false;
  return true;
}

// Full-width forms U+FF01..U+FF5E are EF BC 81..BF and EF BD 80..9E in UTF-8
// and sit exactly 0xFEE0 above their ASCII counterparts.
std::string FoldFullWidth(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i + 2 < s.size() && s[i] == '\xEF') {
      const auto b1 = static_cast<unsigned char>(s[i + 1]);
      const auto b2 = static_cast<unsigned char>(s[i + 2]);
      if (b1 == 0xBC && b2 >= 0x81 && b2 <= 0xBF) {
        out += static_cast<char>(b2 - 0x60);
        i += 2;
        continue;
      }
      if (b1 == 0xBD && b2 >= 0x80 && b2 <= 0x9E) {
        out += static_cast<char>(b2 - 0x20);
        i += 2;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

std::string ReplaceTokens(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    bool replaced = false;
    for (const auto& [token, replacement] : kTokens) {
      if (StartsWithNoCase(s.substr(i), token)) {
        out += replacement;
        i += token.size();
        replaced = true;
        break;
      }
    }
    if (!replaced) out += s[i++];
  }
  return out;
}

std::string RefangOnce(std::string_view s) {
  std::string out = ReplaceTokens(FoldFullWidth(s));
  for (const auto& [scheme, replacement] : kSchemes) {
    if (StartsWithNoCase(out, scheme)) return std::string(replacement) + out.substr(scheme.size());
  }
  return out;
}

}  // namespace

// Repeated until nothing changes, so that doubly defanged text ("[[.]]") is
// undone too and refanging a refanged value is a no-op. Every replacement
// but the same-length scheme one shortens the text, so this ends.
std::string Refang(std::string_view s) {
  std::string out = RefangOnce(s);
  for (std::string next = RefangOnce(out); next != out; next = RefangOnce(out))
    out = std::move(next);
  return out;
}

}  // namespace ts::ingest
