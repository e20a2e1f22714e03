// Per-key token bucket (e.g. per API key): each key may spend up to `burst`
// requests at once, refilled at `per_second`. Thread-safe.
//
// Memory is bounded: a bucket idle for burst / per_second seconds is full
// again, which is the same as having none, so such buckets are dropped as
// calls go by; at most max_keys buckets are held, beyond which the least
// recently used one is dropped (which only ever grants that key a full bucket).
#pragma once

#include <chrono>
#include <cstddef>
#include <list>
#include <mutex>
#include <string>
#include <unordered_map>

namespace ts::server::auth {

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  // per_second <= 0 disables limiting; burst below 1 counts as 1.
  RateLimiter(double per_second, double burst, std::size_t max_keys = 100'000);

  // Takes one token for key; false when the bucket is empty. Always true when disabled.
  bool Take(const std::string& key, Clock::time_point now);
  // Seconds until the next token for key (for Retry-After), at least 1.
  int RetryAfterSeconds(const std::string& key, Clock::time_point now);

 private:
  struct Bucket {
    double tokens;
    Clock::time_point last;  // when tokens was last brought up to date
    std::list<std::string>::iterator order;
  };

  double TokensAt(const Bucket& bucket, Clock::time_point now) const;
  // Drops buckets idle long enough to be full, least recently used first.
  void PruneFull(Clock::time_point now);
  void Erase(std::unordered_map<std::string, Bucket>::iterator it);

  const double per_second_;
  const double burst_;
  const std::size_t max_keys_;
  std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
  std::list<std::string> order_;  // keys by last use, least recent first
};

}  // namespace ts::server::auth
