// Writes the bundle as text: objects kept verbatim are copied byte for byte,
// objects the portal makes (identities, markings, reports, indicators,
// sightings) are serialised here. Indicators already expressed by a kept
// object are not written twice: the kept objects are mapped again to learn
// which, and which STIX id stands for each value.
//
// The portal's sightings of an indicator become one sighting object per
// indicator with a stable id (portal_ids.hpp): total count, earliest
// first_seen, latest last_seen, and where_sighted_refs naming only the
// organisations that chose to be named. Sightings an import recorded from
// a kept sighting object that this bundle holds are not summed again, so
// every report appears once in the file.
#include "exchange/stix/stix_export.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "exchange/stix/markings.hpp"
#include "exchange/stix/pattern.hpp"
#include "exchange/stix/portal_ids.hpp"
#include "exchange/stix/stix_import.hpp"
#include "ingest/normalize.hpp"
#include "util/crypto.hpp"

namespace ts::exchange::stix {
namespace {

using json = nlohmann::json;
using model::Level;

constexpr std::string_view kPortalCreated = "2026-01-01T00:00:00.000Z";

std::string Dump(const json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

constexpr int64_t kMaxSightingCount = 999999999;  // the specification's bound

json Markings(Level level) {
  return {TlpMarkingId(level), LevelMarkingId(level)};
}

json OrganisationIdentity(int64_t org_id, const std::string& name) {
  return {{"type", "identity"},
          {"spec_version", "2.1"},
          {"id", OrganisationIdentityId(org_id)},
          {"created", kPortalCreated},
          {"modified", kPortalCreated},
          {"name", name.empty() ? "organisation " + std::to_string(org_id) : name},
          {"identity_class", "organization"}};
}

// For each indicator value the kept objects carry (normalised), the id of
// the object it came from, an indicator object's when there is one.
std::map<std::pair<std::string, std::string>, std::string> CoveredValues(const ExportEvent& ev) {
  std::map<std::pair<std::string, std::string>, std::string> out;
  std::string bundle =
      R"({"type":"bundle","id":"bundle--00000000-0000-4000-8000-000000000000","objects":[)";
  bool any = false;
  for (const auto& o : ev.objects) {
    if (o.type == kMispObjectType) continue;
    bundle += (any ? "," : "") + o.json;
    any = true;
  }
  if (!any) return out;
  bundle += "]}";
  ImportBatch batch = ParseBundle(bundle, {});
  for (const auto& e : batch.events)
    for (const auto& d : e.indicators) {
      auto type = model::ParseIndicatorType(d.type);
      if (!type) continue;
      auto value = ingest::Normalize(*type, d.value);
      if (!value) continue;
      auto [it, added] = out.try_emplace({d.type, *value}, d.source_id);
      if (!added && !it->second.starts_with("indicator--")) it->second = d.source_id;
    }
  return out;
}

// The reports of one indicator as one sighting object of `stix_id`.
json SightingObject(const model::Indicator& i, const std::string& stix_id,
                    const std::vector<const model::Sighting*>& reports, const std::string& portal) {
  int64_t count = 0;
  std::string first, last, created, modified;
  std::set<std::string> where;
  for (const auto* s : reports) {
    count = std::min(count + s->count, kMaxSightingCount);
    if (first.empty() || s->first_seen < first) first = s->first_seen;
    if (s->last_seen > last) last = s->last_seen;
    if (created.empty() || s->created < created) created = s->created;
    if (s->created > modified) modified = s->created;
    if (s->org_id != 0) where.insert(OrganisationIdentityId(s->org_id));
  }
  json o = {{"type", "sighting"},
            {"spec_version", "2.1"},
            {"id", AggregateSightingId(i.id)},
            {"created", created},
            {"modified", modified},
            {"created_by_ref", portal},
            {"sighting_of_ref", stix_id},
            {"count", count},
            {"first_seen", first},
            {"last_seen", last},
            {"object_marking_refs", Markings(model::EffectiveLevel(i))}};
  if (!where.empty()) o["where_sighted_refs"] = where;
  return o;
}

json IndicatorObject(const model::Indicator& i, const std::string& creator) {
  const Level level = model::EffectiveLevel(i);
  std::string type(model::IndicatorTypeName(i.type));
  json o = {{"type", "indicator"},
            {"spec_version", "2.1"},
            {"id", PortalObjectId("indicator", i.id)},
            {"created", i.created},
            {"modified", i.modified},
            {"created_by_ref", creator},
            {"name", i.value.substr(0, 200)},
            {"valid_from", i.first_seen.empty() ? i.created : i.first_seen},
            {"object_marking_refs", Markings(level)}};
  if (auto pattern = PatternFor(type, i.value)) {
    o["pattern"] = *pattern;
    o["pattern_type"] = "stix";
  } else if (i.type == model::IndicatorType::kText && i.value.starts_with("[")) {
    o["pattern"] = i.value;  // a STIX pattern the portal kept as text
    o["pattern_type"] = "stix";
  } else {
    // Types STIX patterns cannot express (JA3, user agents, free text) go
    // in a pattern language of our own naming, which the vocabulary allows.
    o["pattern"] = type + ":" + i.value;
    o["pattern_type"] = "threatshare";
  }
  if (!i.last_seen.empty() && i.last_seen > o["valid_from"].get<std::string>())
    o["valid_until"] = i.last_seen;
  if (i.confidence >= 0) o["confidence"] = i.confidence;
  if (!i.comment.empty()) o["description"] = i.comment;
  return o;
}

// The object's text without references to withheld ids, or nullopt when it
// cannot stand without them (a relationship or sighting about a withheld
// object, a list of refs that would be empty). Unchanged when it names none.
std::optional<std::string> Redacted(const std::string& text,
                                    const std::set<std::string>& withheld) {
  bool names_one = false;
  for (const auto& id : withheld) names_one = names_one || text.find(id) != std::string::npos;
  if (!names_one) return text;
  json o = json::parse(text, nullptr, false);
  if (!o.is_object()) return std::nullopt;
  std::vector<std::string> removed;
  for (auto& [key, value] : o.items()) {
    if (key.ends_with("_ref") && value.is_string() && withheld.count(value.get<std::string>())) {
      if (key == "source_ref" || key == "target_ref" || key == "sighting_of_ref")
        return std::nullopt;
      removed.push_back(key);
    } else if (key.ends_with("_refs") && value.is_array()) {
      json kept = json::array();
      for (auto& ref : value)
        if (!ref.is_string() || !withheld.count(ref.get<std::string>())) kept.push_back(ref);
      if (kept.empty() && !value.empty()) return std::nullopt;
      value = std::move(kept);
    }
  }
  for (const auto& key : removed) o.erase(key);
  std::string out = Dump(o);
  // A withheld id anywhere else (a description, an extension) withholds the object.
  for (const auto& id : withheld)
    if (out.find(id) != std::string::npos) return std::nullopt;
  return out;
}

class Writer {
 public:
  void Add(std::string id, std::string modified, std::string text) {
    if (!seen_.insert({id, modified}).second) return;
    out_ += first_ ? "" : ",";
    out_ += text;
    first_ = false;
  }
  void Add(const json& o) {
    Add(o["id"].get<std::string>(), o.value("modified", o.value("created", "")), Dump(o));
  }
  std::string Finish() { return out_ + "]}"; }
  void Start(const std::string& id) {
    out_ = R"({"type":"bundle","id":")" + id + R"(","objects":[)";
  }

 private:
  std::string out_;
  bool first_ = true;
  std::set<std::pair<std::string, std::string>> seen_;
};

}  // namespace

Result<std::string> WriteBundle(const ExportSet& set) {
  Writer w;
  w.Start("bundle--" + NewRandomUuid());
  const std::string portal = PortalIdentityId();
  w.Add(json{{"type", "identity"},
             {"spec_version", "2.1"},
             {"id", portal},
             {"created", kPortalCreated},
             {"modified", kPortalCreated},
             {"name", "threatshare"},
             {"identity_class", "system"}});
  w.Add(LevelExtensionDefinition(portal));
  std::set<Level> levels;
  for (const auto& ev : set.events) {
    levels.insert(ev.event.level);
    for (const auto& i : ev.indicators) levels.insert(model::EffectiveLevel(i));
  }
  for (Level l : levels) {
    w.Add(TlpMarkingObject(l));
    w.Add(LevelMarkingObject(l, portal));
  }
  // Sources ("stix:<id>") of the portal's sightings whose kept object this
  // bundle holds, in any event.
  std::set<std::string> kept_sightings;
  for (const auto& ev : set.events) {
    const std::set<std::string> withheld(ev.withheld_ids.begin(), ev.withheld_ids.end());
    for (const auto& o : ev.objects)
      if (o.type == "sighting" && (withheld.empty() || Redacted(o.json, withheld)))
        kept_sightings.insert("stix:" + o.id);
  }
  for (const auto& ev : set.events) {
    const model::Event& e = ev.event;
    const std::string creator = OrganisationIdentityId(e.provider_org_id);
    w.Add(OrganisationIdentity(e.provider_org_id, e.provider_org_name));
    json refs = json::array();
    bool has_report = false;
    const std::set<std::string> withheld(ev.withheld_ids.begin(), ev.withheld_ids.end());
    for (const auto& o : ev.objects) {
      if (o.type == kMispObjectType) continue;  // not STIX; the MISP writer's
      auto text = withheld.empty() ? std::optional(o.json) : Redacted(o.json, withheld);
      if (!text) continue;
      w.Add(o.id, o.modified, *std::move(text));
      if (o.type == "report") has_report = true;
      if (refs.empty() || refs.back() != o.id) refs.push_back(o.id);
    }
    auto covered = CoveredValues(ev);
    std::map<std::string, std::vector<const model::Sighting*>> sighted;  // by indicator id
    for (const auto& s : ev.sightings)
      if (!kept_sightings.count(s.source)) sighted[s.indicator_id].push_back(&s);
    for (const auto& i : ev.indicators) {
      auto cover = covered.find({std::string(model::IndicatorTypeName(i.type)), i.value});
      std::string stix_id = cover == covered.end() ? "" : cover->second;
      auto reports = sighted.find(i.id);
      // A sighting names an SDO: a sighted value that only an observable
      // carries gets an indicator object as well.
      if (stix_id.empty() || (reports != sighted.end() && !stix_id.starts_with("indicator--"))) {
        json o = IndicatorObject(i, creator);
        stix_id = o["id"].get<std::string>();
        refs.push_back(stix_id);
        w.Add(o);
      }
      if (reports == sighted.end()) continue;
      for (const auto* s : reports->second)
        if (s->org_id != 0) {
          auto name = ev.reporter_names.find(s->org_id);
          w.Add(
              OrganisationIdentity(s->org_id, name == ev.reporter_names.end() ? "" : name->second));
        }
      json o = SightingObject(i, stix_id, reports->second, portal);
      // A re-imported export keeps an earlier version of it.
      if (std::find(refs.begin(), refs.end(), o["id"]) == refs.end()) refs.push_back(o["id"]);
      w.Add(o);
    }
    if (has_report) continue;
    if (refs.empty()) refs.push_back(creator);  // a report lists at least one object
    json report = {{"type", "report"},
                   {"spec_version", "2.1"},
                   {"id", PortalObjectId("report", e.id)},
                   {"created", e.created},
                   {"modified", e.modified},
                   {"created_by_ref", creator},
                   {"name", e.title},
                   {"published", e.created},
                   {"report_types", {"threat-report"}},
                   {"object_refs", refs},
                   {"object_marking_refs", Markings(e.level)}};
    if (!e.description.empty()) report["description"] = e.description;
    if (!e.tags.empty()) report["labels"] = e.tags;
    w.Add(report);
  }
  return w.Finish();
}

}  // namespace ts::exchange::stix
