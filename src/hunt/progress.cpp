#include "hunt/progress.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdio>

namespace ts::hunt {
namespace {

using Clock = std::chrono::steady_clock;
constexpr auto kFirstDraw = std::chrono::seconds(1);
constexpr auto kRedraw = std::chrono::milliseconds(250);

double Gigabytes(std::uint64_t bytes) {
  return static_cast<double>(bytes) / 1e9;
}

}  // namespace

bool StderrIsTerminal() {
  return isatty(STDERR_FILENO) == 1;
}

Progress::Progress(std::uint64_t total, bool enabled) : total_(total) {
  if (enabled) thread_ = std::thread([this] { Run(); });
}

Progress::~Progress() {
  if (!thread_.joinable()) return;
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  thread_.join();
  if (drawn_) std::fputs("\r\033[K", stderr);
}

void Progress::Run() {
  const auto start = Clock::now();
  std::unique_lock lock(mutex_);
  if (wake_.wait_for(lock, kFirstDraw, [this] { return stop_; })) return;
  do {
    const std::uint64_t done = done_.load(std::memory_order_relaxed);
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    const double rate = Gigabytes(done) / seconds;
    if (total_ > 0) {
      const double percent = 100.0 * static_cast<double>(done) / static_cast<double>(total_);
      std::fprintf(stderr, "\r\033[Khunt: %.2f of %.2f GB, %.0f%%, %.2f GB/s", Gigabytes(done),
                   Gigabytes(total_), percent, rate);
    } else {
      std::fprintf(stderr, "\r\033[Khunt: %.2f GB, %.2f GB/s", Gigabytes(done), rate);
    }
    std::fflush(stderr);
    drawn_ = true;
  } while (!wake_.wait_for(lock, kRedraw, [this] { return stop_; }));
}

}  // namespace ts::hunt
