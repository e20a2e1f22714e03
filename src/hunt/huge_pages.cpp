#include "hunt/huge_pages.hpp"

#include <sys/mman.h>

#include <cstdint>

namespace ts::hunt {

void AdviseHugePages(const void* data, std::size_t bytes) {
  constexpr std::uintptr_t kHuge = 2 << 20;
  // Smaller regions would not get a huge page anyway.
  if (bytes < kHuge) return;
  const auto begin = reinterpret_cast<std::uintptr_t>(data);
  const std::uintptr_t first = (begin + kHuge - 1) & ~(kHuge - 1);
  const std::uintptr_t last = (begin + bytes) & ~(kHuge - 1);
  // The range is part of a heap block: only whole pages inside it are
  // advised. A failure (kernel without THP) changes speed, not results.
  if (last > first) madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
}

}  // namespace ts::hunt
