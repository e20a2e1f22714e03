#include "hunt/bloom_filter.hpp"

#include <algorithm>

#include "hunt/huge_pages.hpp"

namespace ts::hunt {

void BloomFilter::Reset(std::size_t keys) {
  AssignHuge(blocks_, std::max<std::size_t>(keys * 32, 256) / 256, Block{});
}

}  // namespace ts::hunt
