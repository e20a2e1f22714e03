#include "exchange/misp/misp_export.hpp"

#include <chrono>
#include <map>
#include <set>
#include <vector>

#include <nlohmann/json.hpp>

#include "exchange/misp/misp_levels.hpp"
#include "exchange/misp/misp_types.hpp"
#include "util/time.hpp"

namespace ts::exchange::misp {
namespace {

using Json = nlohmann::ordered_json;

std::string Epoch(const std::string& rfc3339) {
  const auto t = ParseTime(rfc3339);
  if (!t) return "0";
  return std::to_string(
      std::chrono::duration_cast<std::chrono::seconds>(t->time_since_epoch()).count());
}

Json Tags(model::Level level) {
  return Json::array({{{"name", TlpTag(level)}}, {{"name", LevelTag(level)}}});
}

Json AttributeJson(const model::Indicator& i) {
  const MispTypeAndCategory t = MispTypeOf(i.type);
  Json a;
  a["uuid"] = i.id;
  a["type"] = t.type;
  a["category"] = t.category;
  a["value"] = i.value;
  a["to_ids"] = t.to_ids;
  a["comment"] = i.comment;
  a["timestamp"] = Epoch(i.modified.empty() ? i.created : i.modified);
  if (i.level && !IsWiderOrEqual(*i.level, i.event_level)) {
    a["distribution"] = std::to_string(DistributionOf(*i.level));
    a["Tag"] = Tags(*i.level);
  } else {
    a["distribution"] = "5";
  }
  if (!i.first_seen.empty()) a["first_seen"] = i.first_seen;
  if (!i.last_seen.empty()) a["last_seen"] = i.last_seen;
  return a;
}

// Keeps the references whose referenced uuid was written; the others
// point at something the viewer may not see, or at nothing exported.
void KeepWrittenReferences(Json& object, const std::set<std::string>& written) {
  const auto it = object.find("ObjectReference");
  if (it == object.end() || !it->is_array()) return;
  Json kept = Json::array();
  for (auto& ref : *it)
    if (ref.is_object() && ref.contains("referenced_uuid") && ref["referenced_uuid"].is_string() &&
        written.count(ref["referenced_uuid"].get<std::string>()))
      kept.push_back(std::move(ref));
  *it = std::move(kept);
}

// The event's attributes and MISP Objects. Each indicator is written under
// the uuid of the attribute it was read from (its origin), so that object
// references to it still hold, unless an earlier indicator took that uuid
// (filename|sha256 gives two), then under its own id. An indicator whose
// origin names a kept object (latest version of each) goes into that
// object's Attribute list, the others to the top level. An object none of
// whose indicators the viewer sees is left out, and so is every reference
// to something not written.
void AttributesAndObjects(const ExportEvent& ee, Json& ev) {
  std::vector<std::string> order;
  std::map<std::string, const SourceObject*> latest;
  for (const auto& o : ee.objects) {
    if (o.type != kMispObjectType) continue;  // STIX objects are not MISP's
    if (!latest.count(o.id)) order.push_back(o.id);
    latest[o.id] = &o;
  }
  static const model::IndicatorOrigin kNoOrigin;
  Json top = Json::array();
  std::map<std::string, Json> attributes;  // object uuid → Attribute list
  std::set<std::string> written;           // uuids written anywhere
  for (const auto& i : ee.indicators) {
    Json a = AttributeJson(i);
    const model::IndicatorOrigin& origin = i.origin ? *i.origin : kNoOrigin;
    if (!origin.attribute_uuid.empty() && written.insert(origin.attribute_uuid).second)
      a["uuid"] = origin.attribute_uuid;
    else
      written.insert(i.id);
    if (latest.count(origin.object_uuid)) {
      a["object_relation"] = origin.relation;
      attributes[origin.object_uuid].push_back(std::move(a));
    } else {
      top.push_back(std::move(a));
    }
  }
  std::vector<Json> objects;
  for (const auto& id : order) {
    if (!attributes.count(id)) continue;
    Json object = Json::parse(latest[id]->json, nullptr, false);
    if (!object.is_object()) continue;
    object["Attribute"] = std::move(attributes[id]);
    written.insert(id);
    objects.push_back(std::move(object));
  }
  for (auto& object : objects) KeepWrittenReferences(object, written);
  ev["Attribute"] = std::move(top);
  if (!objects.empty()) ev["Object"] = std::move(objects);
}

Json EventJson(const ExportEvent& ee) {
  const model::Event& e = ee.event;
  Json ev;
  ev["uuid"] = e.id;
  ev["info"] = e.title;
  ev["date"] = e.created.size() >= 10 ? e.created.substr(0, 10) : e.created;
  ev["timestamp"] = Epoch(e.modified.empty() ? e.created : e.modified);
  ev["published"] = e.status == model::EventStatus::kPublished;
  ev["analysis"] = "2";
  ev["threat_level_id"] = "4";
  ev["distribution"] = std::to_string(DistributionOf(e.level));
  ev["sharing_group_id"] = "0";
  ev["Orgc"] = {{"name", e.provider_org_name}};
  Json tags = Tags(e.level);
  for (const auto& tag : e.tags) tags.push_back({{"name", tag}});
  ev["Tag"] = tags;
  AttributesAndObjects(ee, ev);
  return ev;
}

}  // namespace

std::string WriteMisp(const ExportSet& set) {
  Json response = Json::array();
  for (const auto& ee : set.events) response.push_back({{"Event", EventJson(ee)}});
  // Stored text is valid UTF-8; replacing rather than throwing keeps one
  // bad byte from failing a whole export.
  return Json{{"response", response}}.dump(2, ' ', false, Json::error_handler_t::replace);
}

}  // namespace ts::exchange::misp
