// MISP event JSON (as exported or returned by the REST API): one event
// ({"Event": {...}}), several ({"response": [...]} or a list), attributes
// from Event.Attribute[] and Event.Object[].Attribute[]. Composite types
// ("domain|ip", "ip-dst|port", "filename|sha256") give their huntable
// parts. The event is Event.info; the campaign is a "campaign-name"
// attribute or a threat-actor galaxy tag.
#include "hunt/indicator_formats.hpp"

namespace ts::hunt {
namespace {

using json = nlohmann::json;
using model::IndicatorType;

std::string Text(const json& object, const char* key) {
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

const json& Array(const json& object, const char* key) {
  static const json kEmpty = json::array();
  const auto it = object.find(key);
  return it != object.end() && it->is_array() ? *it : kEmpty;
}

// The value of a tag such as misp-galaxy:threat-actor="APT10".
std::string ActorOfTag(const std::string& tag) {
  constexpr std::string_view kPrefix = "misp-galaxy:threat-actor=";
  if (!tag.starts_with(kPrefix)) return {};
  std::string name = tag.substr(kPrefix.size());
  if (name.size() >= 2 && name.front() == '"' && name.back() == '"')
    name = name.substr(1, name.size() - 2);
  return name;
}

class EventReader {
 public:
  EventReader(const json& event, ReadResult& out) : event_(event), out_(out) {}

  void Read() {
    std::string name = Text(event_, "info"), campaign;
    std::vector<const json*> attributes;
    for (const json& a : Array(event_, "Attribute")) attributes.push_back(&a);
    for (const json& object : Array(event_, "Object"))
      if (object.is_object())
        for (const json& a : Array(object, "Attribute")) attributes.push_back(&a);
    for (const json* a : attributes)
      if (a->is_object() && Text(*a, "type") == "campaign-name" && campaign.empty())
        campaign = Text(*a, "value");
    for (const json& tag : Array(event_, "Tag"))
      if (tag.is_object() && campaign.empty()) campaign = ActorOfTag(Text(tag, "name"));
    origin_ = out_.origins.Intern(name, campaign);
    for (const json* a : attributes)
      if (a->is_object()) Attribute(Text(*a, "type"), Text(*a, "value"));
  }

 private:
  void Add(std::optional<IndicatorType> type, std::string_view value) {
    if (!type || value.empty()) {
      ++out_.unhuntable;
      return;
    }
    out_.indicators.push_back(
        RawIndicator{.value = out_.kept.Keep(value), .origin = origin_, .type = type});
  }

  void Attribute(const std::string& type, const std::string& value) {
    const std::size_t bar = type.find('|');
    if (bar == std::string::npos) return Add(TypeFromName(type, value), value);
    const std::size_t value_bar = value.find('|');
    const std::string first = value.substr(0, value_bar);
    const std::string second = value_bar == std::string::npos ? "" : value.substr(value_bar + 1);
    const std::string first_type = type.substr(0, bar);
    const std::string second_type = type.substr(bar + 1);
    if (type == "domain|ip") {
      Add(IndicatorType::kDomain, first);
      Add(TypeFromName("ip-dst", second), second);
    } else if (second_type == "port") {  // ip-dst|port, ip-src|port, hostname|port
      Add(TypeFromName(first_type, first), first);
    } else if (first_type == "filename") {  // filename|md5, filename|sha256, ...
      Add(TypeFromName(second_type, second), second);
    } else {
      ++out_.unhuntable;
    }
  }

  const json& event_;
  ReadResult& out_;
  std::uint32_t origin_ = OriginTable::kUnknown;  // the event's
};

}  // namespace

Status ReadMispIndicators(const json& document, ReadResult& out) {
  std::vector<const json*> events;
  auto collect = [&](const json& item) {
    if (!item.is_object()) return;
    if (const auto it = item.find("Event"); it != item.end() && it->is_object()) {
      events.push_back(&*it);
    } else if (item.contains("Attribute") || item.contains("Object")) {
      events.push_back(&item);
    }
  };
  if (document.is_array()) {
    for (const json& item : document) collect(item);
  } else if (document.is_object() && document.contains("response")) {
    for (const json& item : Array(document, "response")) collect(item);
  } else {
    collect(document);
  }
  if (events.empty())
    return Error::Invalid("neither a STIX bundle nor a MISP event (no \"Event\" object found)");
  for (const json* event : events) EventReader(*event, out).Read();
  return {};
}

}  // namespace ts::hunt
