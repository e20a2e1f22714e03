#include "exchange/misp/misp_export.hpp"

#include <chrono>
#include <map>
#include <set>
#include <vector>

#include <nlohmann/json.hpp>

#include "exchange/misp/misp_levels.hpp"
#include "exchange/misp/misp_object_mark.hpp"
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

// The event's MISP Objects rebuilt from the kept ones (latest version of
// each) and the indicators whose mark names them; `linked` receives the ids
// of those indicators, which are then not written as top-level attributes.
// An object none of whose indicators the viewer sees is left out, and so is
// every reference to something not written.
Json ObjectsJson(const ExportEvent& ee, std::set<std::string>& linked) {
  std::vector<std::string> order;
  std::map<std::string, const SourceObject*> latest;
  for (const auto& o : ee.objects) {
    if (o.type != kMispObjectType) continue;  // STIX objects are not MISP's
    if (!latest.count(o.id)) order.push_back(o.id);
    latest[o.id] = &o;
  }
  std::map<std::string, Json> attributes;  // object uuid → Attribute list
  std::set<std::string> written;           // uuids written anywhere
  for (const auto& i : ee.indicators) {
    auto marked = ParseMark(i.comment);
    if (!marked || !latest.count(marked->first.object_uuid)) {
      written.insert(i.id);
      continue;
    }
    auto& [mark, comment] = *marked;
    Json a = AttributeJson(i);
    if (!mark.attribute_uuid.empty() && written.insert(mark.attribute_uuid).second)
      a["uuid"] = mark.attribute_uuid;
    else
      written.insert(i.id);
    a["comment"] = comment;
    a["object_relation"] = mark.relation;
    attributes[mark.object_uuid].push_back(std::move(a));
    linked.insert(i.id);
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
  Json out = Json::array();
  for (auto& object : objects) {
    if (auto it = object.find("ObjectReference"); it != object.end() && it->is_array()) {
      Json kept = Json::array();
      for (auto& ref : *it)
        if (ref.is_object() && ref.contains("referenced_uuid") &&
            ref["referenced_uuid"].is_string() &&
            written.count(ref["referenced_uuid"].get<std::string>()))
          kept.push_back(std::move(ref));
      *it = std::move(kept);
    }
    out.push_back(std::move(object));
  }
  return out;
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
  std::set<std::string> linked;
  Json objects = ObjectsJson(ee, linked);
  Json attributes = Json::array();
  for (const auto& i : ee.indicators)
    if (!linked.count(i.id)) attributes.push_back(AttributeJson(i));
  ev["Attribute"] = attributes;
  if (!objects.empty()) ev["Object"] = std::move(objects);
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
