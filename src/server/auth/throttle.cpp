#include "server/auth/throttle.hpp"

#include <algorithm>

namespace ts::server::auth {

LoginThrottle::LoginThrottle(int max_failures, std::chrono::seconds window, std::size_t max_keys)
    : max_failures_(static_cast<std::size_t>(std::max(max_failures, 1))),
      window_(window),
      max_keys_(std::max<std::size_t>(max_keys, 1)) {}

std::chrono::seconds LoginThrottle::RetryAfter(const std::string& key, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  PruneExpired(now);
  auto it = entries_.find(key);
  if (it == entries_.end()) return std::chrono::seconds(0);
  if (Expire(it->second, now)) {
    Erase(it);
    return std::chrono::seconds(0);
  }
  const auto& failures = it->second.failures;
  if (failures.size() < max_failures_) return std::chrono::seconds(0);
  // Rounded up so that a client waiting this long is never refused again.
  const auto wait = std::chrono::ceil<std::chrono::seconds>(failures.front() + window_ - now);
  return std::max(wait, std::chrono::seconds(1));
}

void LoginThrottle::RecordFailure(const std::string& key, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  PruneExpired(now);
  auto it = entries_.find(key);
  if (it == entries_.end()) {
    if (entries_.size() >= max_keys_) Erase(entries_.find(order_.front()));
    order_.push_back(key);
    it = entries_.emplace(key, Entry{{}, std::prev(order_.end())}).first;
  } else {
    Expire(it->second, now);
    order_.splice(order_.end(), order_, it->second.order);
  }
  // Callers may pass time points taken before acquiring the lock, so they can
  // arrive slightly out of order; keep the list sorted regardless.
  auto& failures = it->second.failures;
  failures.insert(std::upper_bound(failures.begin(), failures.end(), now), now);
  if (failures.size() > max_failures_) failures.erase(failures.begin());
}

void LoginThrottle::RecordSuccess(const std::string& key) {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(key);
  if (it != entries_.end()) Erase(it);
}

bool LoginThrottle::Expire(Entry& entry, Clock::time_point now) const {
  auto& failures = entry.failures;
  // A failure counts while now - failure < window.
  const auto live = std::upper_bound(failures.begin(), failures.end(), now - window_);
  failures.erase(failures.begin(), live);
  return failures.empty();
}

void LoginThrottle::PruneExpired(Clock::time_point now) {
  // order_ is sorted by last failure, so the scan stops at the first key still
  // inside the window; each key is dropped once, keeping this amortised O(1).
  while (!order_.empty()) {
    auto it = entries_.find(order_.front());
    if (it->second.failures.back() + window_ > now) break;
    Erase(it);
  }
}

void LoginThrottle::Erase(std::unordered_map<std::string, Entry>::iterator it) {
  order_.erase(it->second.order);
  entries_.erase(it);
}

}  // namespace ts::server::auth
