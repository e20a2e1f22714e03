#include "server/metrics.hpp"

#include <string>
#include <thread>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace ts::server {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(MetricsTest, CountsRequestsPerMethodRouteAndStatus) {
  Metrics metrics;
  metrics.ObserveRequest("GET", "/api/v1/events/{id}", 200, 0.01);
  metrics.ObserveRequest("GET", "/api/v1/events/{id}", 200, 0.01);
  metrics.ObserveRequest("GET", "/api/v1/events/{id}", 404, 0.01);
  metrics.ObserveRequest("POST", "/api/v1/events", 201, 0.01);

  std::string text = metrics.Render({});
  EXPECT_THAT(text, HasSubstr("# HELP threatshare_http_requests_total "));
  EXPECT_THAT(text, HasSubstr("# TYPE threatshare_http_requests_total counter\n"));
  EXPECT_THAT(text, HasSubstr("threatshare_http_requests_total{method=\"GET\",route=\"/api/v1/"
                              "events/{id}\",status=\"200\"} 2\n"));
  EXPECT_THAT(text, HasSubstr("threatshare_http_requests_total{method=\"GET\",route=\"/api/v1/"
                              "events/{id}\",status=\"404\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("threatshare_http_requests_total{method=\"POST\",route=\"/api/v1/"
                              "events\",status=\"201\"} 1\n"));
}

TEST(MetricsTest, HistogramBucketsAreCumulative) {
  Metrics metrics;
  // 0.005 sits exactly on a bound and belongs to that bucket (le = "<=").
  for (double seconds : {0.0005, 0.005, 0.02, 0.3, 20.0}) {
    metrics.ObserveRequest("GET", "/r", 200, seconds);
  }
  std::string text = metrics.Render({});
  EXPECT_THAT(text, HasSubstr("# TYPE threatshare_http_request_duration_seconds histogram\n"));
  const std::string prefix =
      "threatshare_http_request_duration_seconds_bucket{method=\"GET\",route=\"/r\",le=";
  const std::vector<std::pair<std::string, int>> expected = {
      {"0.001", 1}, {"0.005", 2}, {"0.01", 2}, {"0.025", 3}, {"0.05", 3}, {"0.1", 3}, {"0.25", 3},
      {"0.5", 4},   {"1", 4},     {"2.5", 4},  {"5", 4},     {"10", 4},   {"+Inf", 5}};
  for (const auto& [le, count] : expected) {
    EXPECT_THAT(text, HasSubstr(prefix + "\"" + le + "\"} " + std::to_string(count) + "\n"))
        << "le=" << le;
  }
  EXPECT_THAT(text,
              HasSubstr("threatshare_http_request_duration_seconds_count{method=\"GET\",route=\"/"
                        "r\"} 5\n"));
  const std::string sum_prefix =
      "threatshare_http_request_duration_seconds_sum{method=\"GET\",route=\"/r\"} ";
  auto pos = text.find(sum_prefix);
  ASSERT_NE(pos, std::string::npos);
  EXPECT_NEAR(std::stod(text.substr(pos + sum_prefix.size())), 20.3255, 1e-9);
}

TEST(MetricsTest, EscapesLabelValues) {
  Metrics metrics;
  metrics.ObserveRequest("GET", "a\"b\\c\nd", 200, 0.1);
  std::string text = metrics.Render({});
  EXPECT_THAT(text, HasSubstr("route=\"a\\\"b\\\\c\\nd\""));
  EXPECT_THAT(text, Not(HasSubstr("c\nd")));
}

TEST(MetricsTest, RendersGauges) {
  Metrics metrics;
  std::string text = metrics.Render({{"threatshare_events", 12}, {"threatshare_ratio", 0.25}});
  EXPECT_THAT(text, HasSubstr("# TYPE threatshare_events gauge\nthreatshare_events 12\n"));
  EXPECT_THAT(text, HasSubstr("# TYPE threatshare_ratio gauge\nthreatshare_ratio 0.25\n"));
  // Nothing observed yet: the families are declared but have no samples.
  EXPECT_THAT(text, Not(HasSubstr("threatshare_http_requests_total{")));
}

TEST(MetricsTest, ConcurrentObservationsAreAllCounted) {
  Metrics metrics;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&metrics] {
      for (int i = 0; i < 1000; ++i) metrics.ObserveRequest("GET", "/x", 200, 0.002);
    });
  }
  for (auto& thread : threads) thread.join();
  std::string text = metrics.Render({});
  EXPECT_THAT(text, HasSubstr("threatshare_http_requests_total{method=\"GET\",route=\"/x\","
                              "status=\"200\"} 4000\n"));
  EXPECT_THAT(text, HasSubstr("threatshare_http_request_duration_seconds_bucket{method=\"GET\","
                              "route=\"/x\",le=\"0.001\"} 0\n"));
  EXPECT_THAT(text, HasSubstr("threatshare_http_request_duration_seconds_bucket{method=\"GET\","
                              "route=\"/x\",le=\"0.005\"} 4000\n"));
}

}  // namespace
}  // namespace ts::server
