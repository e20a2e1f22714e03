#include "hunt/indicator_set.hpp"

#include <algorithm>
#include <bit>
#include <string>
#include <thread>

#include "hunt/huge_pages.hpp"
#include "hunt/log_url.hpp"

namespace ts::hunt {
namespace {

using model::IndicatorType;

}  // namespace

bool IsHuntable(IndicatorType type) {
  switch (type) {
    case IndicatorType::kIpv4:
    case IndicatorType::kIpv6:
    case IndicatorType::kCidr:
    case IndicatorType::kDomain:
    case IndicatorType::kHostname:
    case IndicatorType::kUrl:
    case IndicatorType::kMd5:
    case IndicatorType::kSha1:
    case IndicatorType::kSha256:
    case IndicatorType::kSha512:
    case IndicatorType::kJa3:
    case IndicatorType::kUserAgent:
      return true;
    default:
      return false;
  }
}

std::uint64_t IndicatorSet::DedupKey(IndicatorType type, std::string_view value) {
  return HashKey(value) ^ HashInteger(static_cast<std::uint64_t>(type));
}

IndicatorSet::AddResult IndicatorSet::Add(const Indicator& indicator, std::uint64_t key) {
  if (!IsHuntable(indicator.type)) return AddResult::kUnhuntable;
  if ((seen_count_ + 1) * 2 > seen_.size()) GrowSeen(std::max<std::size_t>(seen_.size() * 2, 1024));
  const auto tag = static_cast<std::uint32_t>(key >> 32);
  const std::size_t mask = seen_.size() - 1;
  std::size_t at = key & mask;
  for (; seen_[at].id != kNone; at = (at + 1) & mask) {
    if (seen_[at].tag != tag) continue;
    Held& held = indicators_[seen_[at].id];
    if (held.type == indicator.type && held.value == indicator.value) {
      const Origin known = origins_[held.origin];
      held.origin = origins_.Intern(known.event.empty() ? indicator.event : known.event,
                                    known.campaign.empty() ? indicator.campaign : known.campaign);
      return AddResult::kDuplicate;
    }
  }
  seen_[at] = Seen{tag, static_cast<std::uint32_t>(indicators_.size())};
  ++seen_count_;
  indicators_.push_back(Held{values_.Keep(indicator.value),
                             origins_.Intern(indicator.event, indicator.campaign), indicator.type});
  return AddResult::kAdded;
}

void IndicatorSet::Reserve(std::size_t more) {
  ReserveHuge(indicators_, indicators_.size() + more);
  const std::size_t slots = std::bit_ceil((seen_count_ + more) * 2);
  if (slots > seen_.size()) GrowSeen(slots);
}

// Re-inserting needs each held indicator's key again: growing is rare
// (Reserve sizes the table for a whole file), so it is recomputed.
void IndicatorSet::GrowSeen(std::size_t slots) {
  AssignHuge(seen_, slots, Seen{});
  const std::size_t mask = slots - 1;
  for (std::uint32_t id = 0; id < indicators_.size(); ++id) {
    const std::uint64_t key = DedupKey(indicators_[id].type, indicators_[id].value);
    std::size_t at = key & mask;
    while (seen_[at].id != kNone) at = (at + 1) & mask;
    seen_[at] = Seen{static_cast<std::uint32_t>(key >> 32), id};
  }
}

void IndicatorSet::Build(unsigned threads) {
  seen_ = {};
  seen_count_ = 0;
  // Sized up front: the structures of a big list take hundreds of MB, and
  // growing them by doubling would copy and fault in most of it twice.
  std::size_t names = 0, urls = 0, others = 0;
  for (const Held& ind : indicators_) {
    if (ind.type == IndicatorType::kDomain || ind.type == IndicatorType::kHostname)
      ++names;
    else if (ind.type == IndicatorType::kUrl)
      ++urls;
    else
      ++others;
  }
  names_.Reserve(names);
  urls_.Reserve(urls);
  if (urls > 0) url_hosts_.Reset(urls);
  ips_.Reserve(others);
  // Two groups, each filled and built by its own thread: every step is
  // random access to the group's own memory, and the two overlap well.
  auto names_and_urls = [this] {
    for (std::uint32_t id = 0; id < indicators_.size(); ++id) {
      const Held& ind = indicators_[id];
      if (ind.type == IndicatorType::kDomain || ind.type == IndicatorType::kHostname) {
        names_.Add(ind.value, ind.type == IndicatorType::kDomain, id);
      } else if (ind.type == IndicatorType::kUrl) {
        urls_.Add(ind.value, id);
        url_hosts_.Insert(HashKey(UrlHost(ind.value)));
      }
    }
    names_.Build();
    urls_.Build();
  };
  auto the_others = [this] {
    for (std::uint32_t id = 0; id < indicators_.size(); ++id) {
      const Held& ind = indicators_[id];
      const std::string_view value = ind.value;
      switch (ind.type) {
        case IndicatorType::kIpv4:
        case IndicatorType::kIpv6:
        case IndicatorType::kCidr: {
          const std::size_t slash = value.find('/');
          const auto ip = ParseIpAddress(value.substr(0, slash));
          if (!ip) break;  // canonical values always parse
          const int full = ip->v6 ? 128 : 32;
          const int prefix = slash == std::string_view::npos
                                 ? full
                                 : std::stoi(std::string(value.substr(slash + 1)));
          ips_.Add(*ip, prefix, id);
          break;
        }
        case IndicatorType::kDomain:
        case IndicatorType::kHostname:
        case IndicatorType::kUrl:
          break;  // names_and_urls
        case IndicatorType::kJa3:
          ja3_.Add(value, id);
          break;
        case IndicatorType::kUserAgent:
          agents_.Add(value, id);
          break;
        default:  // the digests; Add let nothing else in
          digests_.Add(value, id);
          break;
      }
    }
    ips_.Build();
    digests_.Build();
    ja3_.Build();
    agents_.Build();
  };
  std::thread helper;
  if (threads > 1) helper = std::thread(names_and_urls);
  the_others();
  if (helper.joinable()) {
    helper.join();
  } else {
    names_and_urls();
  }
}

}  // namespace ts::hunt
