// Indicators matched by exact equality of their canonical text: digests,
// JA3 fingerprints, user agents, and URLs (url_set.hpp adds the query rule).
// Immutable after Build; safe to read from any thread.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "hunt/key_set.hpp"

namespace ts::hunt {

class ValueSet {
 public:
  // `value` must outlive the set.
  void Add(std::string_view value, std::uint32_t id);
  // Room for `n` entries in all.
  void Reserve(std::size_t n) {
    entries_.reserve(n);
    keys_.Reserve(n);
  }
  void Build() { keys_.Build(); }
  bool empty() const { return keys_.empty(); }

  // Appends the ids of the values equal to `value` to `out`.
  void Find(std::string_view value, std::vector<std::uint32_t>& out) const;

 private:
  struct Entry {
    std::string_view value;
    std::uint32_t id;
  };
  std::vector<Entry> entries_;
  KeySet keys_;  // payload: index into entries_
};

}  // namespace ts::hunt
