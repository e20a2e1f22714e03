#include "exchange/stix/sighting_map.hpp"

#include "exchange/stix/rules.hpp"
#include "ingest/utf8.hpp"

namespace ts::exchange::stix {

std::optional<SightingDraft> SightingFromObject(simdjson::dom::object o) {
  std::string_view of = StringOf(o, "sighting_of_ref");
  if (StringOf(o, "type") != "sighting" || !of.starts_with("indicator--")) return std::nullopt;
  SightingDraft d;
  d.source_id = std::string(StringOf(o, "id"));
  d.sighting_of = std::string(of);
  // Absent means "not stated"; at least one sighting is what the object says.
  int64_t count = 0;
  if (o["count"].get_int64().get(count) != simdjson::SUCCESS) count = 1;
  if (count < 1) return std::nullopt;
  d.count = count;
  std::string_view first = StringOf(o, "first_seen"), last = StringOf(o, "last_seen");
  if (first.empty()) first = last;
  if (last.empty()) last = first;
  if (first.empty()) first = last = StringOf(o, "created");
  d.first_seen = std::string(first);
  d.last_seen = std::string(last);
  return d;
}

std::string SourceTagOf(simdjson::dom::object identity) {
  if (StringOf(identity, "type") != "identity") return {};
  std::string_view name = ingest::TrimSpace(StringOf(identity, "name"));
  return name.empty() ? std::string() : "source:" + std::string(name);
}

}  // namespace ts::exchange::stix
