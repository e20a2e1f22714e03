#include "server/router.hpp"

namespace ts::server {
namespace {

std::vector<std::string> Split(std::string_view path) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= path.size()) {
    auto end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    if (end > start) parts.emplace_back(path.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

bool IsPlaceholder(const std::string& s) {
  return s.size() > 2 && s.front() == '{' && s.back() == '}';
}

}  // namespace

void Router::Add(std::string method, std::string pattern, RouteHandler handler,
                 RouteOptions options) {
  auto segments = Split(pattern);
  routes_.push_back(
      {std::move(method), std::move(pattern), std::move(segments), std::move(handler), options});
}

Router::Match Router::Find(std::string_view method, std::string_view path) const {
  Match match;
  auto parts = Split(path);
  for (const auto& route : routes_) {
    if (route.segments.size() != parts.size()) continue;
    std::map<std::string, std::string> params;
    bool ok = true;
    for (std::size_t i = 0; ok && i < parts.size(); ++i) {
      if (IsPlaceholder(route.segments[i]))
        params[route.segments[i].substr(1, route.segments[i].size() - 2)] = parts[i];
      else
        ok = route.segments[i] == parts[i];
    }
    if (!ok) continue;
    if (route.method == method || (method == "HEAD" && route.method == "GET")) {
      match.handler = &route.handler;
      match.pattern = &route.pattern;
      match.options = route.options;
      match.params = std::move(params);
      return match;
    }
    if (!match.allowed_methods.empty()) match.allowed_methods += ", ";
    match.allowed_methods += route.method;
  }
  return match;
}

}  // namespace ts::server
