#include "exchange/misp/misp_levels.hpp"

#include "ingest/ascii.hpp"

namespace ts::exchange::misp {
namespace {

using model::Level;

constexpr std::string_view kLevelTagPrefix = "threatshare:level=";

std::optional<Level> TlpLevel(std::string_view tag) {
  const std::string t = ingest::AsciiLowered(tag);
  if (t == "tlp:red") return Level::kRed;
  if (t == "tlp:amber+strict") return Level::kAmber;
  if (t == "tlp:amber") return Level::kYellow;
  if (t == "tlp:green") return Level::kGreen;
  if (t == "tlp:white" || t == "tlp:clear") return Level::kWhite;
  return std::nullopt;
}

std::optional<Level> OwnLevel(std::string_view tag) {
  if (!tag.starts_with(kLevelTagPrefix)) return std::nullopt;
  std::string_view name = tag.substr(kLevelTagPrefix.size());
  if (name.size() >= 2 && name.front() == '"' && name.back() == '"')
    name = name.substr(1, name.size() - 2);
  return model::ParseLevel(name);
}

}  // namespace

LevelReading ReadLevel(const Sharing& sharing, bool is_event) {
  LevelReading out;
  for (const auto& tag : sharing.tags) {
    if (auto own = OwnLevel(tag)) {
      out.level = *own;
      return out;
    }
  }
  std::optional<Level> tlp;
  std::string first_tlp;
  for (const auto& tag : sharing.tags) {
    const auto level = TlpLevel(tag);
    if (!level) continue;
    if (tlp && *tlp != *level) {
      out.problems.push_back("TLP tags disagree (" + first_tlp + ", " + tag +
                             "); the narrower is used");
      tlp = model::Narrowest(*tlp, *level);
    } else if (!tlp) {
      tlp = level;
      first_tlp = tag;
    }
  }
  std::optional<Level> by_distribution;
  if (sharing.distribution) {
    switch (*sharing.distribution) {
      case 0:
        by_distribution = Level::kRed;
        break;
      case 1:
        by_distribution = Level::kAmber;
        break;
      case 2:
      case 3:
        by_distribution = Level::kGreen;
        break;
      case 4:
        if (!tlp) {
          by_distribution = Level::kRed;
          out.problems.push_back(
              "distribution 4 (sharing group " +
              (sharing.sharing_group.empty() ? std::string("unnamed") : sharing.sharing_group) +
              ") has no level of its own and no TLP tag; RED is used");
        }
        break;
      case 5:
        if (is_event && !tlp)
          out.problems.push_back(
              "distribution 5 (inherit) on an event has nothing to inherit and no TLP tag; "
              "the importer's default level is used");
        break;
      default:
        out.problems.push_back("distribution " + std::to_string(*sharing.distribution) +
                               " is not one of 0..5; it is ignored");
        break;
    }
  }
  if (tlp && by_distribution) {
    // All communities bounds nothing: a TLP:CLEAR tag there means public.
    const Level bound = *sharing.distribution == 3 ? Level::kWhite : *by_distribution;
    out.level = model::Narrowest(*tlp, bound);
  } else {
    out.level = tlp ? tlp : by_distribution;
  }
  return out;
}

std::string TlpTag(Level level) {
  switch (level) {
    case Level::kRed:
      return "tlp:red";
    case Level::kAmber:
      return "tlp:amber+strict";
    case Level::kYellow:
      return "tlp:amber";
    case Level::kGreen:
      return "tlp:green";
    case Level::kWhite:
      return "tlp:clear";
  }
  return "tlp:red";
}

int DistributionOf(Level level) {
  switch (level) {
    case Level::kRed:
      return 0;
    case Level::kAmber:
    case Level::kYellow:
      return 1;
    case Level::kGreen:
      return 2;
    case Level::kWhite:
      return 3;
  }
  return 0;
}

std::string LevelTag(Level level) {
  return std::string(kLevelTagPrefix) + "\"" + std::string(model::LevelName(level)) + "\"";
}

bool IsLevelOrTlpTag(std::string_view tag) {
  return OwnLevel(tag).has_value() || TlpLevel(tag).has_value() ||
         ingest::AsciiLowered(tag).starts_with("tlp:");
}

}  // namespace ts::exchange::misp
