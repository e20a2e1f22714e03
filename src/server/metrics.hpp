// Request counters and latency histograms for Prometheus, kept in memory.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace ts::server {

class Metrics {
 public:
  // Upper bounds of the latency histogram buckets, in seconds (+Inf implied).
  static constexpr std::array<double, 12> kBuckets = {0.001, 0.005, 0.01, 0.025, 0.05, 0.1,
                                                      0.25,  0.5,   1,    2.5,   5,    10};

  // Records one answered request. `route` is the route pattern (e.g.
  // "/api/v1/events/{id}"), not the raw path, to bound cardinality.
  // Thread-safe.
  void ObserveRequest(std::string_view method, std::string_view route, int status, double seconds);

  // Prometheus text exposition format 0.0.4 of everything recorded, plus the
  // gauges passed in (names must be valid metric names). Thread-safe.
  std::string Render(const std::vector<std::pair<std::string, double>>& gauges) const;

 private:
  struct Latency {
    std::array<std::uint64_t, kBuckets.size() + 1> buckets{};  // not cumulative; last is +Inf
    double sum = 0;
    std::uint64_t count = 0;
  };

  // One short critical section per request: a map lookup and a few adds.
  mutable std::mutex mu_;
  // (method, route, status) -> requests
  std::map<std::tuple<std::string, std::string, int>, std::uint64_t, std::less<>> requests_;
  // (method, route) -> latency
  std::map<std::tuple<std::string, std::string>, Latency, std::less<>> latency_;
};

}  // namespace ts::server
