// Strings kept as long as their owner, copied end to end into large
// blocks: a million indicator values cost a few dozen allocations instead
// of one each, sit together in memory, and are freed at once.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <unordered_set>
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

// Keeps each distinct string once: event and campaign names, which
// thousands of indicators share.
class TextPool {
 public:
  // The kept copy of `s`; "" stays a view of nothing.
  std::string_view Intern(std::string_view s);

 private:
  TextArena arena_;
  std::unordered_set<std::string_view> held_;  // views into arena_
};

}  // namespace ts::hunt
