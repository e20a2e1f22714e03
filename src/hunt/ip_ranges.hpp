// IPv4 and IPv6 indicators: single addresses and CIDR blocks. A bitmap of
// the IPv4 /16 networks holding any indicator (8 KB, always in cache) turns
// away most logged IPv4 addresses, the member's own terminals first of all.
// Addresses sit in a KeySet (one filter probe per address, whatever the count);
// blocks are flattened into sorted, disjoint intervals, each listing every
// block that covers it, so one binary search finds all matching blocks,
// nested ones included. Immutable after Build; safe to read from any thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "hunt/key_set.hpp"

namespace ts::hunt {

__extension__ using Uint128 = unsigned __int128;

// An address as an integer: IPv4 in the low 32 bits, or all 128 of IPv6.
struct IpAddress {
  bool v6 = false;
  Uint128 bits = 0;
};

// The address written in `text` (dotted quad, or IPv6 in any RFC 4291 form,
// with or without brackets), or nullopt. Cheap to call on any log token.
std::optional<IpAddress> ParseIpAddress(std::string_view text);

class IpRanges {
 public:
  // `prefix` is the CIDR length; the full length (32 or 128) is one address.
  // Host bits of `network` must be zero (ingest's canonical form).
  void Add(const IpAddress& network, int prefix, std::uint32_t id);
  // Room for `n` single addresses in all.
  void Reserve(std::size_t n) { addresses_.Reserve(n); }
  void Build();

  // Appends the id of every address or block containing `ip` to `out`.
  void Find(const IpAddress& ip, std::vector<std::uint32_t>& out) const;

 private:
  struct Interval {
    Uint128 first = 0;
    Uint128 last = 0;       // inclusive
    std::uint32_t ids = 0;  // offset into ids_
    std::uint32_t count = 0;
  };
  struct Block {
    Uint128 first, last;
    std::uint32_t id;
  };
  static std::vector<Interval> Flatten(std::vector<Block> blocks, std::vector<std::uint32_t>& ids);
  static void FindIn(const std::vector<Interval>& intervals, const std::vector<std::uint32_t>& ids,
                     Uint128 ip, std::vector<std::uint32_t>& out);

  void MarkV4(std::uint32_t first, std::uint32_t last);
  bool MayHoldV4(std::uint32_t ip) const {
    return (v4_slash16_[ip >> 22] >> ((ip >> 16) & 63)) & 1;
  }

  std::vector<std::uint64_t> v4_slash16_ = std::vector<std::uint64_t>(1 << 10);
  KeySet addresses_;  // payload: id; the hash is a bijection of the address
  std::vector<Block> pending_v4_, pending_v6_;
  std::vector<Interval> v4_, v6_;
  std::vector<std::uint32_t> ids_;
};

}  // namespace ts::hunt
