#include "exchange/misp/misp_export.hpp"

#include <chrono>

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
  Json attributes = Json::array();
  for (const auto& i : ee.indicators) attributes.push_back(AttributeJson(i));
  ev["Attribute"] = attributes;
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
