#include "hunt/key_set.hpp"

#include <algorithm>
#include <bit>
#include <cstring>

#include "hunt/huge_pages.hpp"

namespace ts::hunt {

namespace {

// The two halves of a 64x64-bit product folded together: each input bit
// reaches many output bits in one multiply (wyhash's mixing step).
__extension__ using Wide = unsigned __int128;

std::uint64_t FoldedProduct(std::uint64_t a, std::uint64_t b) {
  const Wide product = static_cast<Wide>(a) * b;
  return static_cast<std::uint64_t>(product) ^ static_cast<std::uint64_t>(product >> 64);
}

std::uint64_t Load64(const char* p) {
  std::uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

std::uint64_t Load32(const char* p) {
  std::uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}

}  // namespace

std::uint64_t HashKey(std::string_view key) {
  // Names and URLs of logs are short: 8 bytes per multiply, the tail read
  // as one overlapping word, and no per-byte loop. The final mix spreads
  // every byte over the bits the filter and the table use.
  constexpr std::uint64_t kSeed = 0x9e3779b97f4a7c15ULL;
  constexpr std::uint64_t kMultiplier = 0xa0761d6478bd642fULL;
  const char* p = key.data();
  std::size_t n = key.size();
  std::uint64_t h = kSeed ^ n;
  if (n >= 8) {
    for (; n > 8; p += 8, n -= 8) h = FoldedProduct(h ^ Load64(p), kMultiplier);
    h = FoldedProduct(h ^ Load64(p + n - 8), kMultiplier ^ kSeed);
  } else if (n >= 4) {
    h = FoldedProduct(h ^ (Load32(p) << 32 | Load32(p + n - 4)), kMultiplier ^ kSeed);
  } else if (n > 0) {
    const auto first = static_cast<unsigned char>(p[0]);
    const auto middle = static_cast<unsigned char>(p[n / 2]);
    const auto last = static_cast<unsigned char>(p[n - 1]);
    h = FoldedProduct(h ^ (std::uint64_t{first} << 16 | std::uint64_t{middle} << 8 | last),
                      kMultiplier ^ kSeed);
  }
  return HashInteger(h);
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
