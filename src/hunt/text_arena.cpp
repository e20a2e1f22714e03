#include "hunt/text_arena.hpp"

#include <algorithm>
#include <cstring>

namespace ts::hunt {

std::string_view TextArena::Keep(std::string_view s) {
  if (s.empty()) return {};
  if (s.size() > left_) {
    // A string longer than a block gets a block of its own.
    const std::size_t size = std::max(kBlock, s.size());
    blocks_.push_back(std::make_unique_for_overwrite<char[]>(size));
    free_ = blocks_.back().get();
    left_ = size;
  }
  std::memcpy(free_, s.data(), s.size());
  const std::string_view kept(free_, s.size());
  free_ += s.size();
  left_ -= s.size();
  return kept;
}

}  // namespace ts::hunt
