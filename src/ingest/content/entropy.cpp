#include "ingest/content/entropy.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

namespace ts::ingest::content {

double ShannonEntropy(std::string_view data) {
  if (data.empty()) return 0;
  std::array<std::uint64_t, 256> counts{};
  for (char c : data) ++counts[static_cast<unsigned char>(c)];
  const double n = static_cast<double>(data.size());
  double bits = 0;
  for (std::uint64_t count : counts) {
    if (count == 0) continue;
    const double p = static_cast<double>(count) / n;
    bits -= p * std::log2(p);
  }
  // Rounding can leave -0.0 or a hair above 8 for uniform/random inputs.
  return std::clamp(bits, 0.0, 8.0);
}

}  // namespace ts::ingest::content
