#include "hunt/key_set.hpp"

#include <algorithm>
#include <bit>
#include <functional>

#include "hunt/huge_pages.hpp"

namespace ts::hunt {

std::uint64_t HashKey(std::string_view key) {
  // libstdc++'s hash of a string is 64-bit MurmurHash2: fast on the short
  // names and URLs of logs and well mixed in every bit the filter uses.
  return std::hash<std::string_view>{}(key);
}

std::uint64_t HashInteger(std::uint64_t key) {
  // MurmurHash3's finaliser: each step is invertible, so the mix is too.
  key ^= key >> 33;
  key *= 0xff51afd7ed558ccdULL;
  key ^= key >> 33;
  key *= 0xc4ceb9fe1a85ec53ULL;
  key ^= key >> 33;
  return key;
}

void KeySet::Reserve(std::size_t n) {
  ReserveHuge(pending_, n);
}

void KeySet::Build() {
  count_ = pending_.size();
  filter_.Reset(count_);
  AssignHuge(slots_, std::bit_ceil(std::max<std::size_t>(count_ * 2, 16)), Slot{});
  mask_ = slots_.size() - 1;
  // Filling is random access to memory: prefetch a few keys ahead.
  constexpr std::size_t kAhead = 16;
  for (std::size_t k = 0; k < pending_.size(); ++k) {
    if (k + kAhead < pending_.size()) {
      filter_.PrefetchForInsert(pending_[k + kAhead].first);
      __builtin_prefetch(&slots_[pending_[k + kAhead].first & mask_], 1);
    }
    const auto [hash, payload] = pending_[k];
    filter_.Insert(hash);
    std::size_t at = hash & mask_;
    while (slots_[at].payload != kEmpty) at = (at + 1) & mask_;
    slots_[at] = Slot{hash, payload};
  }
  pending_ = {};
}

}  // namespace ts::hunt
