#include "hunt/domain_set.hpp"

#include <algorithm>
#include <array>

namespace ts::hunt {

void DomainSet::Add(std::string_view name, bool subdomains, std::uint32_t id) {
  keys_.Add(HashKey(name), static_cast<std::uint32_t>(entries_.size()));
  entries_.push_back(Entry{name, subdomains, id});
}

void DomainSet::Find(std::string_view name, std::uint64_t hash,
                     std::vector<std::uint32_t>& out) const {
  if (keys_.empty()) return;
  // The name, then its parents, longest first; the last label alone is
  // skipped, as domain indicators have two. The dots are found in one
  // backward pass; an indicator has at most 127 labels, so 128 dots from
  // the end are enough.
  std::array<std::size_t, 128> dots;
  std::size_t count = 0;
  for (std::size_t i = name.size(); i-- > 0 && count < dots.size();)
    if (name[i] == '.') dots[count++] = i;
  // All keys are hashed and their filter blocks requested before the first
  // probe: the filter of a million indicators is bigger than the cache, and
  // the probes' misses then overlap instead of adding up.
  constexpr std::size_t kBatch = 8;
  std::array<std::uint64_t, kBatch> hashes;
  // Key 0 is the whole name; key i > 0 the parent after the i-th dot from
  // the left.
  auto key_of = [&](std::size_t i) { return i == 0 ? name : name.substr(dots[count - i] + 1); };
  const std::size_t keys = std::max<std::size_t>(count, 1);
  for (std::size_t first = 0; first < keys; first += kBatch) {
    const std::size_t n = std::min(kBatch, keys - first);
    for (std::size_t j = 0; j < n; ++j) {
      hashes[j] = first + j == 0 ? hash : HashKey(key_of(first + j));
      keys_.Prefetch(hashes[j]);
    }
    for (std::size_t j = 0; j < n; ++j) {
      const std::string_view key = key_of(first + j);
      const bool whole = first + j == 0;
      keys_.ForEach(hashes[j], [&](std::uint32_t at) {
        const Entry& e = entries_[at];
        if ((whole || e.subdomains) && e.name == key) out.push_back(e.id);
      });
    }
  }
}

}  // namespace ts::hunt
