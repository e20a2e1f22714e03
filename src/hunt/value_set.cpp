#include "hunt/value_set.hpp"

namespace ts::hunt {

void ValueSet::Add(std::string_view value, std::uint32_t id) {
  keys_.Add(HashKey(value), static_cast<std::uint32_t>(entries_.size()));
  entries_.push_back(Entry{value, id});
}

void ValueSet::Find(std::string_view value, std::vector<std::uint32_t>& out) const {
  keys_.ForEach(HashKey(value), [&](std::uint32_t at) {
    if (entries_[at].value == value) out.push_back(entries_[at].id);
  });
}

}  // namespace ts::hunt
