// Strings kept as long as their owner, copied end to end into large
// blocks: a million indicator values cost a few dozen allocations instead
// of one each, sit together in memory, and are freed at once.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

namespace ts::hunt {

class TextArena {
 public:
  TextArena() = default;
  TextArena(TextArena&&) = default;
  TextArena& operator=(TextArena&&) = default;

  // A copy of `s` that lives as long as the arena (moves keep it in place).
  std::string_view Keep(std::string_view s);

 private:
  static constexpr std::size_t kBlock = 1 << 20;
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* free_ = nullptr;
  std::size_t left_ = 0;
};

}  // namespace ts::hunt
