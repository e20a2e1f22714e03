// A static set of 64-bit key hashes, each carrying a 32-bit payload (an
// index the owner resolves and verifies), built once and then read from any
// number of threads without locks. A split-block Bloom filter sized to stay
// in cache answers "surely absent" for almost every probe of a log scan, so
// only the rare candidates touch the open-addressing table in main memory.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

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
  bool MayContain(std::uint64_t hash) const {
    if (count_ == 0) return false;
    const Block& block = blocks_[BlockIndex(hash)];
    const auto low = static_cast<std::uint32_t>(hash);
    for (std::size_t i = 0; i < kSalts.size(); ++i)
      if ((block[i] & (1u << ((low * kSalts[i]) >> 27))) == 0) return false;
    return true;
  }

  // Starts loading the filter block of `hash`, so that several probes of
  // one lookup wait for memory together rather than one after another.
  void Prefetch(std::uint64_t hash) const {
    if (count_ != 0) __builtin_prefetch(&blocks_[BlockIndex(hash)]);
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
  // Parquet's split-block Bloom filter: 8 words per 32-byte block, one bit
  // set per word by a multiplicative salt; ~0.5% false positives at 16 bits
  // per key, one cache line touched per probe.
  using Block = std::array<std::uint32_t, 8>;
  static constexpr std::array<std::uint32_t, 8> kSalts{0x47b6137bU, 0x44974d91U, 0x8824ad5bU,
                                                       0xa2b7289dU, 0x705495c7U, 0x2df1424bU,
                                                       0x9efc4947U, 0x5c6bfb31U};
  static constexpr std::uint32_t kEmpty = 0xFFFFFFFFU;
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t payload = kEmpty;
  };

  std::size_t BlockIndex(std::uint64_t hash) const {
    return static_cast<std::size_t>(((hash >> 32) * blocks_.size()) >> 32);
  }

  std::vector<std::pair<std::uint64_t, std::uint32_t>> pending_;
  std::vector<Block> blocks_;
  std::vector<Slot> slots_;  // linear probing, at most half full
  std::size_t mask_ = 0;
  std::size_t count_ = 0;
};

}  // namespace ts::hunt
