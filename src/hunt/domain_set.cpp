#include "hunt/domain_set.hpp"

#include <array>

namespace ts::hunt {

void DomainSet::Add(std::string_view name, bool subdomains, std::uint32_t id) {
  keys_.Add(HashKey(name), static_cast<std::uint32_t>(entries_.size()));
  entries_.push_back(Entry{name, subdomains, id});
}

void DomainSet::Find(std::string_view name, std::vector<std::uint32_t>& out) const {
  if (keys_.empty()) return;
  auto probe = [&](std::string_view key, bool whole) {
    keys_.ForEach(HashKey(key), [&](std::uint32_t at) {
      const Entry& e = entries_[at];
      if ((whole || e.subdomains) && e.name == key) out.push_back(e.id);
    });
  };
  probe(name, true);
  // Parents, longest first; the last label alone is skipped, as domain
  // indicators have two. The dots are found in one backward pass; an
  // indicator has at most 127 labels, so 128 dots from the end are enough.
  std::array<std::size_t, 128> dots;
  std::size_t count = 0;
  for (std::size_t i = name.size(); i-- > 0 && count < dots.size();)
    if (name[i] == '.') dots[count++] = i;
  for (std::size_t k = count; k-- > 1;) probe(name.substr(dots[k] + 1), false);
}

}  // namespace ts::hunt
