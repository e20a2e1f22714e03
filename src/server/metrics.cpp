#include "server/metrics.hpp"

#include <cmath>
#include <iterator>

#include <fmt/format.h>

namespace ts::server {
namespace {

// Label values escape backslash, double quote and newline (format 0.0.4).
std::string EscapeLabel(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '"':
        out += "\\\"";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string FormatValue(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  return fmt::format("{}", value);
}

// Finds the entry for `key` (any tuple comparable with the map's keys),
// creating it from `key` when missing, without allocating on the hit path.
template <class Map, class Key>
typename Map::mapped_type& Slot(Map& map, const Key& key) {
  auto it = map.lower_bound(key);
  if (it == map.end() || map.key_comp()(key, it->first)) {
    it = std::apply(
        [&](const auto&... parts) {
          return map.emplace_hint(it, typename Map::key_type(parts...),
                                  typename Map::mapped_type{});
        },
        key);
  }
  return it->second;
}

}  // namespace

void Metrics::ObserveRequest(std::string_view method, std::string_view route, int status,
                             double seconds) {
  if (!(seconds >= 0)) seconds = 0;  // also catches NaN from a broken clock
  std::size_t bucket = 0;
  while (bucket < kBuckets.size() && seconds > kBuckets[bucket]) ++bucket;

  std::lock_guard lock(mu_);
  ++Slot(requests_, std::tuple(method, route, status));
  Latency& latency = Slot(latency_, std::tuple(method, route));
  ++latency.buckets[bucket];
  latency.sum += seconds;
  ++latency.count;
}

std::string Metrics::Render(const std::vector<std::pair<std::string, double>>& gauges) const {
  std::string out;
  auto sink = std::back_inserter(out);
  {
    std::lock_guard lock(mu_);
    out +=
        "# HELP threatshare_http_requests_total HTTP requests answered, by method, route and "
        "status.\n"
        "# TYPE threatshare_http_requests_total counter\n";
    for (const auto& [key, count] : requests_) {
      const auto& [method, route, status] = key;
      fmt::format_to(sink,
                     "threatshare_http_requests_total{{method=\"{}\",route=\"{}\",status=\"{}\"}} "
                     "{}\n",
                     EscapeLabel(method), EscapeLabel(route), status, count);
    }

    out +=
        "# HELP threatshare_http_request_duration_seconds Time to answer HTTP requests, by "
        "method and route.\n"
        "# TYPE threatshare_http_request_duration_seconds histogram\n";
    for (const auto& [key, latency] : latency_) {
      const std::string labels =
          fmt::format("method=\"{}\",route=\"{}\"", EscapeLabel(std::get<0>(key)),
                      EscapeLabel(std::get<1>(key)));
      std::uint64_t cumulative = 0;
      for (std::size_t i = 0; i < latency.buckets.size(); ++i) {
        cumulative += latency.buckets[i];
        const std::string le = i < kBuckets.size() ? FormatValue(kBuckets[i]) : "+Inf";
        fmt::format_to(sink,
                       "threatshare_http_request_duration_seconds_bucket{{{},le=\"{}\"}} {}\n",
                       labels, le, cumulative);
      }
      fmt::format_to(sink, "threatshare_http_request_duration_seconds_sum{{{}}} {}\n", labels,
                     FormatValue(latency.sum));
      fmt::format_to(sink, "threatshare_http_request_duration_seconds_count{{{}}} {}\n", labels,
                     latency.count);
    }
  }
  for (const auto& [name, value] : gauges) {
    fmt::format_to(sink, "# TYPE {} gauge\n{} {}\n", name, name, FormatValue(value));
  }
  return out;
}

}  // namespace ts::server
