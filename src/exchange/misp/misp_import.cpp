#include "exchange/misp/misp_import.hpp"

#include <algorithm>
#include <chrono>
#include <optional>

#include <nlohmann/json.hpp>

#include "exchange/misp/misp_levels.hpp"
#include "exchange/misp/misp_types.hpp"
#include "ingest/ascii.hpp"
#include "util/time.hpp"

namespace ts::exchange::misp {
namespace {

using nlohmann::json;

// A string field; MISP writes numbers and booleans as strings in some
// versions and as JSON scalars in others, so both are read.
std::string Str(const json& obj, const char* name) {
  const auto it = obj.find(name);
  if (it == obj.end() || it->is_null()) return {};
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer()) return std::to_string(it->get<int64_t>());
  if (it->is_boolean()) return it->get<bool>() ? "1" : "0";
  return {};
}

// A short identifying field kept in an indicator's origin (uuid, object
// name, object_relation): MISP's are a few dozen characters; a far longer
// one is dropped rather than stored with every indicator.
std::string Token(const json& obj, const char* name) {
  constexpr std::size_t kMaxToken = 128;
  std::string token = Str(obj, name);
  return token.size() <= kMaxToken ? token : std::string();
}

bool Flag(const json& obj, const char* name) {
  const std::string v = Str(obj, name);
  return v == "1" || v == "true";
}

std::optional<int> Int(const json& obj, const char* name) {
  const std::string v = Str(obj, name);
  if (v.empty() || v.size() > 9 || !ingest::IsAllDigits(v)) return std::nullopt;
  return std::stoi(v);
}

const json& Array(const json& obj, const char* name) {
  static const json kEmpty = json::array();
  const auto it = obj.find(name);
  return it != obj.end() && it->is_array() ? *it : kEmpty;
}

// Tag names of "Tag": [{"name": …}] and of "EventTag": [{"Tag": {…}}].
std::vector<std::string> TagNames(const json& obj) {
  std::vector<std::string> names;
  for (const auto& tag : Array(obj, "Tag"))
    if (tag.is_object() && !Str(tag, "name").empty()) names.push_back(Str(tag, "name"));
  for (const auto& link : Array(obj, "EventTag")) {
    if (!link.is_object() || !link.contains("Tag") || !link["Tag"].is_object()) continue;
    if (const std::string name = Str(link["Tag"], "name"); !name.empty()) names.push_back(name);
  }
  return names;
}

// "T1566.001" / "TA0001" inside a galaxy value or tag such as
// misp-galaxy:mitre-attack-pattern="Spearphishing Attachment - T1566.001".
std::optional<std::string> AttackIdIn(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != 'T' || (i > 0 && ingest::IsAsciiAlnum(s[i - 1]))) continue;
    std::size_t j = i + 1;
    if (j < s.size() && s[j] == 'A') ++j;
    std::size_t digits = 0;
    while (j + digits < s.size() && ingest::IsAsciiDigit(s[j + digits])) ++digits;
    if (digits != 4) continue;
    std::size_t end = j + 4;
    if (s[i + 1] != 'A' && end + 3 < s.size() && s[end] == '.' &&
        std::all_of(s.begin() + static_cast<std::ptrdiff_t>(end + 1),
                    s.begin() + static_cast<std::ptrdiff_t>(end + 4), ingest::IsAsciiDigit))
      end += 4;
    if (end < s.size() && ingest::IsAsciiAlnum(s[end])) continue;
    return std::string(s.substr(i, end - i));
  }
  return std::nullopt;
}

bool IsAttackGalaxy(std::string_view tag_or_type) {
  return tag_or_type.find("mitre-attack-pattern") != std::string_view::npos ||
         tag_or_type.find("mitre-enterprise-attack") != std::string_view::npos ||
         tag_or_type.find("mitre-mobile-attack") != std::string_view::npos ||
         tag_or_type.find("mitre-ics") != std::string_view::npos;
}

// The event tag a MISP tag becomes, or nullopt for level and TLP tags.
std::optional<std::string> EventTag(std::string_view name) {
  if (IsLevelOrTlpTag(name)) return std::nullopt;
  if (name.starts_with("misp-galaxy:") && IsAttackGalaxy(name))
    if (auto id = AttackIdIn(name)) return "attack:" + *id;
  return std::string(name);
}

std::string EpochToTime(const std::string& seconds) {
  if (seconds.empty() || seconds.size() > 12 || !ingest::IsAllDigits(seconds)) return {};
  return FormatUtc(SysTime(std::chrono::seconds(std::stoll(seconds))));
}

class EventReader {
 public:
  EventReader(ImportBatch& batch, const ParseOptions& opts) : batch_(batch), opts_(opts) {}

  void Read(const json& ev, std::size_t index) {
    uuid_ = Str(ev, "uuid");
    EventDraft draft;
    draft.key = !uuid_.empty() ? uuid_ : opts_.source_name + "#" + std::to_string(index + 1);
    draft.title = Str(ev, "info");
    if (draft.title.empty())
      draft.title = opts_.source_name.empty() ? "MISP event" : opts_.source_name;

    const std::vector<std::string> tags = TagNames(ev);
    for (const auto& tag : tags) AddTag(draft, EventTag(tag));
    ReadGalaxies(ev, draft);

    Sharing sharing{Int(ev, "distribution"), SharingGroup(ev), tags};
    LevelReading level = ReadLevel(sharing, true);
    for (auto& message : level.problems) Report(uuid_, "distribution", message);
    draft.level = level.level;
    event_level_ = level.level;

    const json& attributes = Array(ev, "Attribute");
    for (std::size_t i = 0; i < attributes.size(); ++i)
      ReadAttribute(attributes[i], "Attribute[" + std::to_string(i) + "]", std::nullopt, draft);
    const json& objects = Array(ev, "Object");
    std::vector<std::string> references;
    for (std::size_t k = 0; k < objects.size(); ++k) {
      const json& object = objects[k];
      const std::string path = "Object[" + std::to_string(k) + "]";
      if (!object.is_object()) {
        Report(uuid_, path, "an object must be a JSON object");
        continue;
      }
      if (Flag(object, "deleted")) continue;
      model::IndicatorOrigin origin{Token(object, "uuid"), Token(object, "name"), {}, {}};
      const json& inner = Array(object, "Attribute");
      for (std::size_t i = 0; i < inner.size(); ++i)
        ReadAttribute(inner[i], path + ".Attribute[" + std::to_string(i) + "]", origin, draft);
      ++batch_.objects_read;
      if (!origin.object_uuid.empty()) {
        draft.objects.push_back(
            {origin.object_uuid, std::string(kMispObjectType), Str(object, "timestamp"),
             KeptObject(object).dump(-1, ' ', false, json::error_handler_t::replace),
             std::nullopt});
        continue;
      }
      // Without a uuid the object cannot be kept: its references stay as text.
      for (const auto& ref : Array(object, "ObjectReference")) {
        if (!ref.is_object()) continue;
        references.push_back("- " + (origin.object_name.empty() ? "object" : origin.object_name) +
                             " " + Str(ref, "object_uuid") + " " + Str(ref, "relationship_type") +
                             " " + Str(ref, "referenced_uuid") +
                             (Str(ref, "comment").empty() ? "" : " (" + Str(ref, "comment") + ")"));
      }
    }
    if (!references.empty()) {
      draft.description = "MISP object references:\n";
      for (const auto& line : references) draft.description += line + "\n";
    }
    batch_.events.push_back(std::move(draft));
  }

 private:
  static std::string SharingGroup(const json& obj) {
    if (obj.contains("SharingGroup") && obj["SharingGroup"].is_object()) {
      if (std::string name = Str(obj["SharingGroup"], "name"); !name.empty()) return name;
    }
    return Str(obj, "sharing_group_id");
  }

  void Report(const std::string& id, const std::string& property, std::string message) {
    batch_.problems.push_back({id.empty() ? uuid_ : id, property, 0, std::move(message), false});
  }

  static void AddTag(EventDraft& draft, std::optional<std::string> tag) {
    if (tag && std::find(draft.tags.begin(), draft.tags.end(), *tag) == draft.tags.end())
      draft.tags.push_back(std::move(*tag));
  }

  void ReadGalaxies(const json& ev, EventDraft& draft) {
    for (const auto& galaxy : Array(ev, "Galaxy")) {
      if (!galaxy.is_object()) continue;
      const bool attack = IsAttackGalaxy(Str(galaxy, "type"));
      for (const auto& cluster : Array(galaxy, "GalaxyCluster")) {
        if (!cluster.is_object()) continue;
        std::optional<std::string> id;
        if (attack && cluster.contains("meta") && cluster["meta"].is_object()) {
          const auto& external = cluster["meta"].value("external_id", json());
          if (external.is_array() && !external.empty() && external[0].is_string())
            id = AttackIdIn(external[0].get<std::string>());
          else if (external.is_string())
            id = AttackIdIn(external.get<std::string>());
        }
        if (attack && !id) id = AttackIdIn(Str(cluster, "value"));
        if (id) {
          AddTag(draft, "attack:" + *id);
        } else if (const std::string tag = Str(cluster, "tag_name"); !tag.empty()) {
          AddTag(draft, tag);
        }
      }
    }
  }

  // The object as stored: verbatim, except that its attributes keep only
  // their identity (the values live in indicators, whose own levels decide
  // who sees them) and references drop the copies of what they point to.
  static json KeptObject(const json& object) {
    json kept = object;
    if (auto it = kept.find("Attribute"); it != kept.end()) {
      json stubs = json::array();
      if (it->is_array())
        for (const auto& attr : *it) {
          if (!attr.is_object()) continue;
          json stub = json::object();
          for (const char* key : {"uuid", "object_relation", "type"})
            if (attr.contains(key)) stub[key] = attr[key];
          stubs.push_back(std::move(stub));
        }
      *it = std::move(stubs);
    }
    if (auto it = kept.find("ObjectReference"); it != kept.end() && it->is_array())
      for (auto& ref : *it)
        if (ref.is_object()) {
          ref.erase("Object");
          ref.erase("Attribute");
        }
    return kept;
  }

  // `object` is the origin of the enclosing MISP Object, nullopt at the top
  // level.
  void ReadAttribute(const json& attr, const std::string& path,
                     const std::optional<model::IndicatorOrigin>& object, EventDraft& draft) {
    ++batch_.objects_read;
    if (!attr.is_object()) {
      Report(uuid_, path, "an attribute must be a JSON object");
      return;
    }
    if (Flag(attr, "deleted")) return;
    const std::string id = Str(attr, "uuid");
    const std::string type = Str(attr, "type");
    const std::string value = Str(attr, "value");
    if (type.empty() || value.empty()) {
      Report(id, path, "an attribute needs a type and a value");
      return;
    }
    if (type == "vulnerability") {
      if (value.size() > 4 && ingest::AsciiUppered(value.substr(0, 4)) == "CVE-")
        AddTag(draft, "cve:" + ingest::AsciiUppered(value));
      else
        Report(id, path + ".value", "vulnerability '" + value + "' is not a CVE id; skipped");
      return;
    }
    const auto values = IndicatorsOf(type, value);
    if (!values) {
      Report(id, path + ".type",
             "attribute type '" + type + "' has no indicator type here; skipped");
      return;
    }
    std::vector<std::string> tags = TagNames(attr);
    Sharing sharing{Int(attr, "distribution"), SharingGroup(attr), tags};
    LevelReading level = ReadLevel(sharing, false);
    for (auto& message : level.problems) Report(id, path + ".distribution", message);
    std::string comment = Str(attr, "comment");
    model::IndicatorOrigin origin = object.value_or(model::IndicatorOrigin{});
    if (object) origin.relation = Token(attr, "object_relation");
    origin.attribute_uuid = Token(attr, "uuid");
    std::vector<std::string> other_tags;
    for (const auto& tag : tags) {
      auto event_tag = EventTag(tag);
      if (event_tag && event_tag->starts_with("attack:"))
        AddTag(draft, event_tag);
      else if (event_tag)
        other_tags.push_back(*event_tag);
    }
    if (!other_tags.empty()) {
      comment += comment.empty() ? "tags: " : "; tags: ";
      for (std::size_t i = 0; i < other_tags.size(); ++i)
        comment += (i ? ", " : "") + other_tags[i];
    }
    auto [first_seen, last_seen] = Seen(attr, id, path);
    for (const auto& v : *values) {
      IndicatorDraft d;
      d.type = v.type;
      d.value = v.value;
      d.comment = comment;
      d.first_seen = first_seen;
      d.last_seen = last_seen;
      d.source_id = id;
      if (origin != model::IndicatorOrigin{}) d.origin = origin;
      if (level.level && (!event_level_ || !IsWiderOrEqual(*level.level, *event_level_)))
        d.level = level.level;
      draft.indicators.push_back(std::move(d));
    }
  }

  // first_seen/last_seen as given, else the span of the sightings.
  std::pair<std::string, std::string> Seen(const json& attr, const std::string& id,
                                           const std::string& path) {
    std::string first, last;
    for (auto [name, dst] : {std::pair{"first_seen", &first}, std::pair{"last_seen", &last}}) {
      const std::string raw = Str(attr, name);
      if (raw.empty()) continue;
      if (auto canonical = CanonicalTime(raw))
        *dst = *canonical;
      else
        Report(id, path + "." + name, "'" + raw + "' is not an RFC 3339 time; ignored");
    }
    std::string earliest, latest;
    for (const auto& sighting : Array(attr, "Sighting")) {
      if (!sighting.is_object() || (!Str(sighting, "type").empty() && Str(sighting, "type") != "0"))
        continue;  // 1 is a false-positive report, 2 an expiration
      const std::string at = EpochToTime(Str(sighting, "date_sighting"));
      if (at.empty()) continue;
      if (earliest.empty() || at < earliest) earliest = at;
      if (latest.empty() || at > latest) latest = at;
    }
    if (first.empty()) first = earliest;
    if (last.empty()) last = latest;
    return {first, last};
  }

  ImportBatch& batch_;
  const ParseOptions& opts_;
  std::string uuid_;
  std::optional<model::Level> event_level_;
};

bool LooksLikeEvent(const json& obj) {
  return obj.is_object() && (obj.contains("info") || obj.contains("Attribute") ||
                             obj.contains("Object") || obj.contains("Tag"));
}

// Every event object of the document, in order. Events sit at most two
// levels down ({"response": [{"Event": …}]}), so deeper nesting is not read.
void CollectEvents(const json& node, std::vector<const json*>& events, int depth = 0) {
  if (depth > 3) return;
  if (node.is_array()) {
    for (const auto& item : node) CollectEvents(item, events, depth + 1);
    return;
  }
  if (!node.is_object()) return;
  if (node.contains("Event") && node["Event"].is_object()) {
    events.push_back(&node["Event"]);
  } else if (node.contains("response")) {
    CollectEvents(node["response"], events, depth + 1);
  } else if (LooksLikeEvent(node)) {
    events.push_back(&node);
  }
}

}  // namespace

ImportBatch ParseMisp(const std::string& content, const ParseOptions& opts) {
  ImportBatch batch;
  batch.format = "misp";
  json root;
  try {
    root = json::parse(content);
  } catch (const json::parse_error& e) {
    batch.problems.push_back(
        {{}, {}, 0, "not valid JSON at byte " + std::to_string(e.byte) + ": " + e.what(), true});
    return batch;
  } catch (const json::exception& e) {  // e.g. a number too large for a double
    batch.problems.push_back({{}, {}, 0, std::string("not usable JSON: ") + e.what(), true});
    return batch;
  }
  std::vector<const json*> events;
  CollectEvents(root, events);
  if (events.empty()) {
    batch.problems.push_back(
        {{},
         {},
         0,
         "no MISP event found (expected {\"Event\": {...}} or {\"response\": [...]})",
         true});
    return batch;
  }
  EventReader reader(batch, opts);
  for (std::size_t i = 0; i < events.size(); ++i) {
    reader.Read(*events[i], i);
    if (opts.progress) opts.progress(i + 1, events.size());
  }
  return batch;
}

}  // namespace ts::exchange::misp
