#include "server/http.hpp"

#include <cctype>

namespace ts::server {
namespace {

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::string_view Request::Header(std::string_view name) const {
  // The server stores lower-cased names, but requests built by hand (tests,
  // internal calls) may not, so compare without regard to case.
  for (const auto& [key, value] : headers) {
    if (EqualsIgnoreCase(key, name)) return value;
  }
  return {};
}

std::string_view Request::Query(std::string_view name) const {
  auto it = query.find(std::string(name));
  if (it == query.end()) return {};
  return it->second;
}

std::string_view Request::Cookie(std::string_view name) const {
  // RFC 6265 §5.4: "a=1; b=2". Browsers send one Cookie header, but HTTP/2
  // proxies may split it, so every Cookie header is searched.
  for (const auto& [key, value] : headers) {
    if (!EqualsIgnoreCase(key, "cookie")) continue;
    std::string_view rest = value;
    while (!rest.empty()) {
      std::size_t semicolon = rest.find(';');
      std::string_view pair = TrimSpaces(rest.substr(0, semicolon));
      rest = semicolon == std::string_view::npos ? std::string_view() : rest.substr(semicolon + 1);
      std::size_t eq = pair.find('=');
      if (eq == std::string_view::npos || TrimSpaces(pair.substr(0, eq)) != name) continue;
      std::string_view cookie_value = TrimSpaces(pair.substr(eq + 1));
      if (cookie_value.size() >= 2 && cookie_value.front() == '"' && cookie_value.back() == '"') {
        cookie_value = cookie_value.substr(1, cookie_value.size() - 2);
      }
      return cookie_value;
    }
  }
  return {};
}

}  // namespace ts::server
