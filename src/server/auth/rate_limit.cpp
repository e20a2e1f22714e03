#include "server/auth/rate_limit.hpp"

#include <algorithm>
#include <climits>
#include <cmath>

namespace ts::server::auth {

RateLimiter::RateLimiter(double per_second, double burst, std::size_t max_keys)
    : per_second_(per_second),
      burst_(std::max(burst, 1.0)),
      max_keys_(std::max<std::size_t>(max_keys, 1)) {}

bool RateLimiter::Take(const std::string& key, Clock::time_point now) {
  if (per_second_ <= 0) return true;
  std::lock_guard lock(mutex_);
  PruneFull(now);
  auto it = buckets_.find(key);
  if (it == buckets_.end()) {
    if (buckets_.size() >= max_keys_) Erase(buckets_.find(order_.front()));
    order_.push_back(key);
    it = buckets_.emplace(key, Bucket{burst_, now, std::prev(order_.end())}).first;
  } else {
    order_.splice(order_.end(), order_, it->second.order);
  }
  Bucket& bucket = it->second;
  bucket.tokens = TokensAt(bucket, now);
  // Time points taken before the lock may arrive out of order; never go back.
  bucket.last = std::max(bucket.last, now);
  if (bucket.tokens < 1) return false;
  bucket.tokens -= 1;
  return true;
}

int RateLimiter::RetryAfterSeconds(const std::string& key, Clock::time_point now) {
  if (per_second_ <= 0) return 1;
  std::lock_guard lock(mutex_);
  auto it = buckets_.find(key);
  if (it == buckets_.end()) return 1;
  const double missing = 1 - TokensAt(it->second, now);
  // Capped so that absurdly slow rates cannot overflow the int.
  const double seconds = std::min(std::ceil(missing / per_second_), double{INT_MAX});
  return std::max(static_cast<int>(seconds), 1);
}

double RateLimiter::TokensAt(const Bucket& bucket, Clock::time_point now) const {
  const double elapsed = std::chrono::duration<double>(now - bucket.last).count();
  return std::min(burst_, bucket.tokens + std::max(elapsed, 0.0) * per_second_);
}

void RateLimiter::PruneFull(Clock::time_point now) {
  const auto refill = std::chrono::duration<double>(burst_ / per_second_);
  // order_ is sorted by last use, so the scan stops at the first recent bucket.
  while (!order_.empty()) {
    auto it = buckets_.find(order_.front());
    if (now - it->second.last < refill) break;
    Erase(it);
  }
}

void RateLimiter::Erase(std::unordered_map<std::string, Bucket>::iterator it) {
  order_.erase(it->second.order);
  buckets_.erase(it);
}

}  // namespace ts::server::auth
