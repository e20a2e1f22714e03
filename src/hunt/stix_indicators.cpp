// STIX 2.1: indicators whose pattern is a comparison or an OR of
// comparisons of the simple observables ([ipv4-addr:value = '...'],
// [domain-name:value = ...], [url:value = ...], [file:hashes.'SHA-256' =
// ...], ...), and the observable objects themselves (ipv4-addr,
// domain-name, url, file). The event is the report or grouping that lists
// the indicator; the campaign is what the indicator "indicates" (campaign,
// intrusion set, threat actor or malware, in that order of preference).
#include <map>
#include <optional>

#include <fmt/format.h>

#include "exchange/stix/pattern.hpp"
#include "hunt/indicator_formats.hpp"
#include "ingest/ascii.hpp"

namespace ts::hunt {
namespace {

using json = nlohmann::json;
using model::IndicatorType;

// "MD5", "SHA-1", "SHA-256", "SHA-512" as hash dictionary keys (quoted or
// not, any case) to indicator types.
std::optional<IndicatorType> HashType(std::string key) {
  std::string k;
  for (char c : key)
    if (c != '\'' && c != '-') k += ingest::AsciiUpper(c);
  if (k == "MD5") return IndicatorType::kMd5;
  if (k == "SHA1") return IndicatorType::kSha1;
  if (k == "SHA256") return IndicatorType::kSha256;
  if (k == "SHA512") return IndicatorType::kSha512;
  return std::nullopt;
}

// The type a comparison's path stands for; nullopt when not huntable.
std::optional<IndicatorType> PathType(const std::string& path, const std::string& value) {
  constexpr std::string_view kHashes = "file:hashes.";
  if (path.starts_with(kHashes)) return HashType(path.substr(kHashes.size()));
  if (path == "network-traffic:extensions.'http-request-ext'.request_header.'User-Agent'")
    return IndicatorType::kUserAgent;
  const std::size_t colon = path.find(':');
  if (colon == std::string::npos || path.substr(colon + 1) != "value") return std::nullopt;
  return TypeFromName(path.substr(0, colon), value);
}

std::string Text(const json& object, const char* key) {
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

int CampaignRank(const std::string& type) {
  if (type == "campaign") return 0;
  if (type == "intrusion-set") return 1;
  if (type == "threat-actor") return 2;
  if (type == "malware") return 3;
  return -1;
}

}  // namespace

bool IsStixDocument(const json& document) {
  if (document.is_object()) {
    const std::string type = Text(document, "type");
    return type == "bundle" || type == "indicator" || document.contains("spec_version");
  }
  return document.is_array() && !document.empty() && document.front().is_object() &&
         document.front().contains("type") && document.front().contains("id");
}

Status ReadStixIndicators(const json& document, ReadResult& out) {
  const json* objects = &document;
  json single = json::array();
  if (document.is_object()) {
    if (Text(document, "type") == "bundle") {
      const auto it = document.find("objects");
      if (it == document.end() || !it->is_array())
        return Error::Invalid("the STIX bundle has no \"objects\" array");
      objects = &*it;
    } else {
      single.push_back(document);
      objects = &single;
    }
  }
  // Names of campaign-like objects, reports' members, "indicates" links.
  std::map<std::string, std::pair<int, std::string>> actors;  // id -> rank, name
  std::map<std::string, std::string> events;                  // member id -> report name
  std::multimap<std::string, std::string> indicates;          // indicator id -> target id
  for (const json& o : *objects) {
    if (!o.is_object()) continue;
    const std::string type = Text(o, "type");
    if (CampaignRank(type) >= 0) {
      actors[Text(o, "id")] = {CampaignRank(type), Text(o, "name")};
    } else if (type == "report" || type == "grouping") {
      const auto refs = o.find("object_refs");
      const std::string name = Text(o, "name");
      if (refs != o.end() && refs->is_array())
        for (const json& ref : *refs)
          if (ref.is_string()) events.try_emplace(ref.get<std::string>(), name);
    } else if (type == "relationship" && Text(o, "relationship_type") == "indicates") {
      indicates.emplace(Text(o, "source_ref"), Text(o, "target_ref"));
    }
  }
  auto origin = [&](const std::string& id) {
    std::string_view event, campaign;
    if (const auto e = events.find(id); e != events.end()) event = e->second;
    int best = 4;
    for (auto [it, end] = indicates.equal_range(id); it != end; ++it) {
      const auto actor = actors.find(it->second);
      if (actor != actors.end() && actor->second.first < best) {
        best = actor->second.first;
        campaign = actor->second.second;
      }
    }
    return out.origins.Intern(event, campaign);
  };
  auto add = [&](const std::string& id, std::optional<IndicatorType> type, std::string_view value) {
    if (!type) {
      ++out.unhuntable;
      return;
    }
    out.indicators.push_back(
        RawIndicator{.value = out.kept.Keep(value), .origin = origin(id), .type = type});
  };
  for (const json& o : *objects) {
    if (!o.is_object()) continue;
    const std::string type = Text(o, "type");
    const std::string id = Text(o, "id");
    if (type == "indicator") {
      const std::string pattern_type = Text(o, "pattern_type");
      const auto comparisons = exchange::stix::SimpleComparisons(Text(o, "pattern"));
      if ((!pattern_type.empty() && pattern_type != "stix") || !comparisons) {
        ++out.unsupported;
        const std::string what = pattern_type.empty() || pattern_type == "stix"
                                     ? fmt::format("'{}'", Text(o, "pattern"))
                                     : fmt::format("type '{}'", pattern_type);
        out.warnings.push_back(fmt::format(
            "indicator {}: unsupported pattern {} (only = comparisons joined by OR are hunted)", id,
            what));
        continue;
      }
      for (const auto& c : *comparisons) add(id, PathType(c.path, c.value), c.value);
    } else if (type == "ipv4-addr" || type == "ipv6-addr" || type == "domain-name" ||
               type == "url") {
      const std::string value = Text(o, "value");
      add(id, TypeFromName(type, value), value);
    } else if (type == "file") {
      const auto hashes = o.find("hashes");
      if (hashes == o.end() || !hashes->is_object()) continue;
      for (const auto& [key, value] : hashes->items())
        if (value.is_string()) add(id, HashType(key), value.get<std::string>());
    }
  }
  return {};
}

}  // namespace ts::hunt
