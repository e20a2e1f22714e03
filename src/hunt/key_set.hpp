// A static set of 64-bit key hashes, each carrying a 32-bit payload (an
// index the owner resolves and verifies), built once and then read from any
// number of threads without locks. A split-block Bloom filter sized to stay
// in cache answers "surely absent" for almost every probe of a log scan, so
// only the rare candidates touch the open-addressing table in main memory.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "hunt/bloom_filter.hpp"

namespace ts::hunt {

// The hash every string key is stored and probed under.
std::uint64_t HashKey(std::string_view key);
// A bijective mix of a 64-bit integer key: equal hashes mean equal keys.
std::uint64_t HashInteger(std::uint64_t key);

class KeySet {
 public:
  // Adds a key; Build must follow before any lookup.
  void Add(std::uint64_t hash, std::uint32_t payload) { pending_.emplace_back(hash, payload); }
  // Room for `n` keys in all, to spare growing while adding.
  void Reserve(std::size_t n);
  // Sizes and fills the filter and the table from the added keys.
  void Build();

  bool empty() const { return count_ == 0; }

  // False when no key has this hash; true may be a false positive.
  bool MayContain(std::uint64_t hash) const { return count_ != 0 && filter_.MayContain(hash); }

  // Starts loading the filter block of `hash`, so that several probes of
  // one lookup wait for memory together rather than one after another.
  void Prefetch(std::uint64_t hash) const {
    if (count_ != 0) filter_.Prefetch(hash);
  }

  // Calls f(payload) for every added key with this hash.
  template <typename F>
  void ForEach(std::uint64_t hash, F&& f) const {
    if (!MayContain(hash)) return;
    for (std::size_t i = hash & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.payload == kEmpty) return;
      if (slot.hash == hash) f(slot.payload);
    }
  }

 private:
  static constexpr std::uint32_t kEmpty = 0xFFFFFFFFU;
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t payload = kEmpty;
  };

  std::vector<std::pair<std::uint64_t, std::uint32_t>> pending_;
  BloomFilter filter_;       // answers "surely absent" for almost every probe
  std::vector<Slot> slots_;  // linear probing, at most half full
  std::size_t mask_ = 0;
  std::size_t count_ = 0;
};

}  // namespace ts::hunt
