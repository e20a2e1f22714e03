// All indicators of one hunt, de-duplicated by type and canonical value,
// each kind in the structure that matches it fastest: addresses and CIDR
// blocks in IpRanges, domains and host names in DomainSet (label suffixes),
// URLs in UrlSet (exact, or without the query), digests, JA3 fingerprints
// and user agents in ValueSets. Filled by one thread, then Build, then read
// concurrently by the scanning threads. Ids are indexes into indicators().
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "hunt/bloom_filter.hpp"
#include "hunt/domain_set.hpp"
#include "hunt/indicator.hpp"
#include "hunt/ip_ranges.hpp"
#include "hunt/key_set.hpp"
#include "hunt/origin_table.hpp"
#include "hunt/text_arena.hpp"
#include "hunt/url_set.hpp"
#include "hunt/value_set.hpp"

namespace ts::hunt {

class IndicatorSet {
 public:
  enum class AddResult { kAdded, kDuplicate, kUnhuntable };
  // `indicator.value` must be canonical for its type; the set keeps copies
  // of its strings. A repeat of a type and value already held only fills in
  // an event or campaign still unknown.
  AddResult Add(const Indicator& indicator) {
    const std::uint64_t key = DedupKey(indicator);
    return Add(indicator, key);
  }
  // The same with DedupKey(indicator) computed by the caller, who may also
  // Prefetch the keys of indicators it adds next: millions of adds wait on
  // memory otherwise.
  static std::uint64_t DedupKey(model::IndicatorType type, std::string_view value);
  static std::uint64_t DedupKey(const Indicator& i) { return DedupKey(i.type, i.value); }
  AddResult Add(const Indicator& indicator, std::uint64_t key);
  void Prefetch(std::uint64_t key) const {
    if (!seen_.empty()) __builtin_prefetch(&seen_[key & (seen_.size() - 1)]);
  }
  // Room for `more` indicators, to spare rehashing while loading.
  void Reserve(std::size_t more);
  // Indexes what was added, the kinds side by side on up to `threads`
  // threads; no Add after it.
  void Build(unsigned threads = 1);

  std::size_t size() const { return indicators_.size(); }
  // Views into the set.
  Indicator at(std::uint32_t id) const {
    const Held& held = indicators_[id];
    const Origin& origin = origins_[held.origin];
    return Indicator{held.type, held.value, origin.event, origin.campaign};
  }

  // Lookups append the ids of matching indicators to `out`.
  void FindAddress(const IpAddress& ip, std::vector<std::uint32_t>& out) const {
    ips_.Find(ip, out);
  }
  // `name` lower-case without a trailing dot; `hash`, when given, is
  // HashKey(name).
  void FindName(std::string_view name, std::vector<std::uint32_t>& out) const {
    names_.Find(name, out);
  }
  void FindName(std::string_view name, std::uint64_t hash, std::vector<std::uint32_t>& out) const {
    names_.Find(name, hash, out);
  }
  // `url` canonical (log_url.hpp).
  void FindUrl(std::string_view url, std::vector<std::uint32_t>& out) const {
    urls_.Find(url, out);
  }
  // `hex` lower-case: digests of any length and JA3 fingerprints.
  void FindDigest(std::string_view hex, std::vector<std::uint32_t>& out) const {
    digests_.Find(hex, out);
    ja3_.Find(hex, out);
  }
  void FindJa3(std::string_view hex, std::vector<std::uint32_t>& out) const { ja3_.Find(hex, out); }
  void FindUserAgent(std::string_view agent, std::vector<std::uint32_t>& out) const {
    agents_.Find(agent, out);
  }

  // False when no URL indicator has the host (canonical, as UrlHost gives
  // it) of this HashKey, so that scanners can skip canonicalising the URLs
  // nobody looks for; true may be a false positive.
  bool MayHaveUrlsAt(std::uint64_t host_hash) const { return url_hosts_.MayContain(host_hash); }
  // Starts loading what MayHaveUrlsAt and FindName read first for a host
  // name with this HashKey, so that their cache misses overlap.
  void PrefetchHost(std::uint64_t hash) const {
    url_hosts_.Prefetch(hash);
    names_.Prefetch(hash);
  }

 private:
  static constexpr std::uint32_t kNone = 0xFFFFFFFFU;

  // An indicator as held: 24 bytes, against 56 for an Indicator, for
  // millions of them.
  struct Held {
    std::string_view value;  // in values_
    std::uint32_t origin;    // in origins_
    model::IndicatorType type;
  };
  std::vector<Held> indicators_;
  TextArena values_;
  OriginTable origins_;
  void GrowSeen(std::size_t slots);

  // De-duplication until Build: an open-addressing table of (upper half of
  // the key, id), at most half full; flat, as it takes millions of keys.
  struct Seen {
    std::uint32_t tag = 0;
    std::uint32_t id = kNone;
  };
  std::vector<Seen> seen_;
  std::size_t seen_count_ = 0;
  IpRanges ips_;
  DomainSet names_;
  UrlSet urls_;
  BloomFilter url_hosts_;  // of the URL indicators
  ValueSet digests_, ja3_, agents_;
};

}  // namespace ts::hunt
