// Splitting a loop over [0, n) into contiguous ranges, one thread each:
// the loading steps of a big indicator list are independent per row.
#pragma once

#include <algorithm>
#include <cstddef>
#include <thread>
#include <vector>

namespace ts::hunt {

// How many ranges to cut `n` rows into on `threads` threads: small jobs
// are not worth a thread.
inline std::size_t PartsFor(std::size_t n, unsigned threads) {
  return std::clamp<std::size_t>(n / 4096, 1, threads);
}

// Calls f(begin, end, part) for `parts` contiguous ranges covering [0, n),
// each on its own thread (the first on the calling one).
template <typename F>
void ParallelRanges(std::size_t n, std::size_t parts, F&& f) {
  auto range = [&](std::size_t part) { f(n * part / parts, n * (part + 1) / parts, part); };
  std::vector<std::thread> workers;
  for (std::size_t part = 1; part < parts; ++part) workers.emplace_back(range, part);
  range(0);
  for (std::thread& t : workers) t.join();
}

}  // namespace ts::hunt
