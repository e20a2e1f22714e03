// Parquet's split-block Bloom filter over 64-bit key hashes: 8 words per
// 32-byte block, one bit set per word by a multiplicative salt, one cache
// line touched per probe. Sized at 32 bits per key: a false positive costs
// the owner two or three misses into main memory, and at 16 bits per key
// (0.4% false positives, against 0.004%) those cost a million-indicator
// scan more than the bigger filter does. Built once, then read from any
// number of threads without locks.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace ts::hunt {

class BloomFilter {
 public:
  // Empties the filter and sizes it for `keys` keys.
  void Reset(std::size_t keys);
  void Insert(std::uint64_t hash) {
    Block& block = blocks_[BlockIndex(hash)];
    const auto low = static_cast<std::uint32_t>(hash);
    for (std::size_t i = 0; i < kSalts.size(); ++i) block[i] |= 1u << ((low * kSalts[i]) >> 27);
  }

  // False when no inserted key has this hash; true may be a false positive.
  // An unsized filter holds nothing.
  bool MayContain(std::uint64_t hash) const {
    if (blocks_.empty()) return false;
    const Block& block = blocks_[BlockIndex(hash)];
    const auto low = static_cast<std::uint32_t>(hash);
    for (std::size_t i = 0; i < kSalts.size(); ++i)
      if ((block[i] & (1u << ((low * kSalts[i]) >> 27))) == 0) return false;
    return true;
  }

  // Starts loading the block of `hash`, so that several probes (or inserts)
  // wait for memory together rather than one after another.
  void Prefetch(std::uint64_t hash) const {
    if (!blocks_.empty()) __builtin_prefetch(&blocks_[BlockIndex(hash)]);
  }
  void PrefetchForInsert(std::uint64_t hash) { __builtin_prefetch(&blocks_[BlockIndex(hash)], 1); }

 private:
  using Block = std::array<std::uint32_t, 8>;
  static constexpr std::array<std::uint32_t, 8> kSalts{0x47b6137bU, 0x44974d91U, 0x8824ad5bU,
                                                       0xa2b7289dU, 0x705495c7U, 0x2df1424bU,
                                                       0x9efc4947U, 0x5c6bfb31U};

  // The upper half of the hash picks the block (no power of two needed);
  // the lower half the bits in it.
  std::size_t BlockIndex(std::uint64_t hash) const {
    return static_cast<std::size_t>(((hash >> 32) * blocks_.size()) >> 32);
  }

  std::vector<Block> blocks_;
};

}  // namespace ts::hunt
