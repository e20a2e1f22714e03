#include "hunt/ip_ranges.hpp"

#include <algorithm>
#include <queue>

#include "ingest/ascii.hpp"
#include "ingest/ip_address.hpp"

namespace ts::hunt {
namespace {

// Addresses of both families in one KeySet: IPv4 keys carry a tag bit
// above their 32 bits, IPv6 keys fold their halves with a different tag.
std::uint64_t AddressHash(const IpAddress& ip) {
  if (!ip.v6) return HashInteger(static_cast<std::uint64_t>(ip.bits) | (1ULL << 40));
  const auto high = static_cast<std::uint64_t>(ip.bits >> 64);
  const auto low = static_cast<std::uint64_t>(ip.bits);
  return HashInteger(HashInteger(high) ^ low ^ (1ULL << 41)) ^ 0x9e3779b97f4a7c15ULL;
}

Uint128 HostMask(bool v6, int prefix) {
  const int width = v6 ? 128 : 32;
  if (prefix >= width) return 0;
  const Uint128 all = v6 ? ~Uint128{0} : Uint128{0xFFFFFFFFU};
  return all >> prefix;
}

// A dotted quad by the rules of ingest::ParseIpv4 (four decimal octets,
// leading zeros decimal), parsed inline: two per line of a proxy log.
std::optional<std::uint32_t> ParseDottedQuad(std::string_view text) {
  if (text.size() < 7 || text.size() > 15) return std::nullopt;
  const char* p = text.data();
  const char* const end = p + text.size();
  std::uint32_t value = 0;
  for (int octet = 0; octet < 4; ++octet) {
    if (octet > 0 && (p == end || *p++ != '.')) return std::nullopt;
    unsigned part = 0;
    int digits = 0;
    for (; digits < 3 && p != end; ++digits, ++p) {
      const unsigned d = static_cast<unsigned char>(*p) - static_cast<unsigned>('0');
      if (d > 9) break;
      part = part * 10 + d;
    }
    if (digits == 0 || part > 255) return std::nullopt;
    value = value << 8 | part;
  }
  if (p != end) return std::nullopt;
  return value;
}

}  // namespace

std::optional<IpAddress> ParseIpAddress(std::string_view text) {
  if (text.empty()) return std::nullopt;
  if (const auto v4 = ParseDottedQuad(text)) return IpAddress{false, *v4};
  const std::string_view inner = ingest::WithoutBrackets(text);
  // Every IPv6 text form has "::" or at least six colons; times such as
  // "03:04:05" in text logs are turned away before the parser copies them.
  if (inner.find("::") == std::string_view::npos && std::count(inner.begin(), inner.end(), ':') < 6)
    return std::nullopt;
  auto bytes = ingest::ParseIpv6(inner);
  if (!bytes) return std::nullopt;
  Uint128 bits = 0;
  for (std::uint8_t b : *bytes) bits = bits << 8 | b;
  return IpAddress{true, bits};
}

void IpRanges::Add(const IpAddress& network, int prefix, std::uint32_t id) {
  const Uint128 host = HostMask(network.v6, prefix);
  if (!network.v6)
    MarkV4(static_cast<std::uint32_t>(network.bits),
           static_cast<std::uint32_t>(network.bits | host));
  if (host == 0) {
    addresses_.Add(AddressHash(network), id);
    return;
  }
  (network.v6 ? pending_v6_ : pending_v4_).push_back(Block{network.bits, network.bits | host, id});
}

void IpRanges::MarkV4(std::uint32_t first, std::uint32_t last) {
  for (std::uint32_t net = first >> 16; net <= last >> 16; ++net)
    v4_slash16_[net >> 6] |= 1ULL << (net & 63);
}

void IpRanges::Build() {
  addresses_.Build();
  v4_ = Flatten(std::move(pending_v4_), ids_);
  v6_ = Flatten(std::move(pending_v6_), ids_);
  pending_v4_ = {};
  pending_v6_ = {};
}

// A sweep over the blocks in order of their first address: every first
// address and every address after a last one starts a new interval, whose
// covering set is the blocks open there. CIDR blocks nest or are disjoint,
// so at most 33 (129) are open at once.
std::vector<IpRanges::Interval> IpRanges::Flatten(std::vector<Block> blocks,
                                                  std::vector<std::uint32_t>& ids) {
  std::vector<Interval> out;
  if (blocks.empty()) return out;
  std::sort(blocks.begin(), blocks.end(),
            [](const Block& a, const Block& b) { return a.first < b.first; });
  auto later_end = [](const Block& a, const Block& b) { return a.last > b.last; };
  std::priority_queue<Block, std::vector<Block>, decltype(later_end)> open(later_end);
  std::size_t next = 0;
  Uint128 at = blocks.front().first;
  for (;;) {
    while (next < blocks.size() && blocks[next].first == at) open.push(blocks[next++]);
    if (open.empty()) {
      if (next == blocks.size()) break;
      at = blocks[next].first;
      continue;
    }
    // The interval from `at` runs to the nearest end of an open block or
    // the address before the next block starts, whichever comes first.
    Uint128 last = open.top().last;
    if (next < blocks.size() && blocks[next].first - 1 < last) last = blocks[next].first - 1;
    Interval interval{at, last, static_cast<std::uint32_t>(ids.size()), 0};
    auto copy = open;
    for (; !copy.empty(); copy.pop()) ids.push_back(copy.top().id);
    interval.count = static_cast<std::uint32_t>(ids.size() - interval.ids);
    out.push_back(interval);
    while (!open.empty() && open.top().last == last) open.pop();
    if (open.empty() && next == blocks.size()) break;
    if (open.empty()) {
      at = blocks[next].first;
    } else {
      at = last + 1;  // an open block ends after `last`, so this cannot wrap
    }
  }
  return out;
}

void IpRanges::FindIn(const std::vector<Interval>& intervals, const std::vector<std::uint32_t>& ids,
                      Uint128 ip, std::vector<std::uint32_t>& out) {
  auto it = std::upper_bound(intervals.begin(), intervals.end(), ip,
                             [](Uint128 v, const Interval& i) { return v < i.first; });
  if (it == intervals.begin()) return;
  --it;
  if (ip > it->last) return;
  out.insert(out.end(), ids.begin() + it->ids, ids.begin() + it->ids + it->count);
}

void IpRanges::Find(const IpAddress& ip, std::vector<std::uint32_t>& out) const {
  if (!ip.v6 && !MayHoldV4(static_cast<std::uint32_t>(ip.bits))) return;
  addresses_.ForEach(AddressHash(ip), [&](std::uint32_t id) { out.push_back(id); });
  FindIn(ip.v6 ? v6_ : v4_, ids_, ip.bits, out);
}

}  // namespace ts::hunt
