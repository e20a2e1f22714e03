// A progress line on standard error ("scanned 1.2 GB of 3.4 GB, 35%, 1.1
// GB/s") for scans long enough to wonder about: shown only when standard
// error is a terminal, first after a second, redrawn a few times a second
// by its own thread, erased when done. Add is safe from any thread.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

namespace ts::hunt {

class Progress {
 public:
  // `total` bytes expected, 0 when unknown; `enabled` false makes it silent.
  Progress(std::uint64_t total, bool enabled);
  ~Progress();  // erases the line
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  void Add(std::uint64_t bytes) { done_.fetch_add(bytes, std::memory_order_relaxed); }

 private:
  void Run();

  std::uint64_t total_;
  std::atomic<std::uint64_t> done_{0};
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  bool drawn_ = false;
  std::thread thread_;
};

// True when standard error is a terminal.
bool StderrIsTerminal();

}  // namespace ts::hunt
