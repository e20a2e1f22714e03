// Login throttling per key (an account name, a client address, or both).
// After max_failures failed attempts within `window`, further attempts for
// the key are refused until the oldest of those failures leaves the window;
// a success clears the key.
//
// Memory is bounded: per key at most max_failures time points are kept, keys
// whose failures have all left the window are dropped as calls go by, and at
// most max_keys keys are held. Beyond that the key whose last failure is the
// oldest is forgotten: resetting one victim's counter by spraying costs an
// attacker max_keys failures, and memory never exceeds roughly
// max_keys * (2 * key length + 8 * max_failures + 150) bytes.
// Thread-safe.
#pragma once

#include <chrono>
#include <cstddef>
#include <list>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace ts::server::auth {

class LoginThrottle {
 public:
  using Clock = std::chrono::steady_clock;

  // max_failures below 1 counts as 1.
  LoginThrottle(int max_failures, std::chrono::seconds window, std::size_t max_keys = 100'000);

  // Seconds to wait before another attempt for this key is allowed; 0 when allowed now.
  std::chrono::seconds RetryAfter(const std::string& key, Clock::time_point now);
  void RecordFailure(const std::string& key, Clock::time_point now);
  // Clears the key.
  void RecordSuccess(const std::string& key);

 private:
  struct Entry {
    std::vector<Clock::time_point> failures;  // ascending, at most max_failures_
    std::list<std::string>::iterator order;
  };

  // Drops failures of the entry that left the window; true when none remain.
  bool Expire(Entry& entry, Clock::time_point now) const;
  // Drops keys with no failure inside the window, least recently failed first.
  void PruneExpired(Clock::time_point now);
  void Erase(std::unordered_map<std::string, Entry>::iterator it);

  const std::size_t max_failures_;
  const Clock::duration window_;
  const std::size_t max_keys_;
  std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
  std::list<std::string> order_;  // keys by last recorded failure, oldest first
};

}  // namespace ts::server::auth
