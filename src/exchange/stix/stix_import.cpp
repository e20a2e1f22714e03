// Reads a bundle in three passes: parse (simdjson DOM), check every object
// (rules.hpp) and keep the valid ones verbatim, then map them: one event per
// report with the objects it lists, one event for the objects no report
// lists, indicators from simple patterns and observables, tags from ATT&CK
// techniques and named threats, and ATT&CK reference entries.
#include "exchange/stix/stix_import.hpp"

#include <algorithm>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include <simdjson.h>

#include "exchange/stix/markings.hpp"
#include "exchange/stix/pattern.hpp"
#include "exchange/stix/rules.hpp"
#include "ingest/normalize.hpp"

namespace ts::exchange::stix {
namespace {

using model::Level;
using simdjson::dom::element;
using simdjson::dom::object;

constexpr size_t kMaxDepth = 128;
constexpr size_t kMaxObjectBytes = 16u << 20;
constexpr size_t kMaxTitle = 500;
constexpr size_t kMaxDescription = 1u << 20;
constexpr size_t kMaxTag = 100;
constexpr size_t kMaxTags = 50;

struct Obj {
  std::string id;
  std::string type;
  std::string modified;  // version key
  object json;           // valid while the parser lives
  std::string text;
  std::optional<Level> level;
};

std::string_view Str(object o, std::string_view key) {
  std::string_view s;
  if (o[key].get_string().get(s) != simdjson::SUCCESS) return {};
  return s;
}

// Cuts at a UTF-8 character boundary.
std::string Cut(std::string_view s, size_t max) {
  if (s.size() <= max) return std::string(s);
  size_t n = max;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return std::string(s.substr(0, n));
}

std::string ParseFailure(simdjson::error_code e) {
  switch (e) {
    case simdjson::EMPTY:
      return "the file is empty";
    case simdjson::UTF8_ERROR:
      return "the file is not valid UTF-8";
    case simdjson::DEPTH_ERROR:
      return "JSON is nested deeper than " + std::to_string(kMaxDepth) + " levels";
    case simdjson::CAPACITY:
    case simdjson::MEMALLOC:
      return "the file is too large to parse";
    default:
      return std::string("not valid JSON (") + simdjson::error_message(e) + ")";
  }
}

std::optional<Level> LevelOfTlpName(std::string_view name) {
  if (name == "red") return Level::kRed;
  if (name == "amber+strict") return Level::kAmber;
  if (name == "amber") return Level::kYellow;
  if (name == "green") return Level::kGreen;
  if (name == "clear" || name == "white") return Level::kWhite;
  return std::nullopt;
}

// The level a marking-definition object states: our extension, the TLP 2.0
// extension, or a TLP 1.0 definition ("tlp": "amber" is our AMBER).
std::optional<Level> LevelOfMarkingObject(object m) {
  object ext;
  if (m["extensions"].get_object().get(ext) == simdjson::SUCCESS) {
    object ours, tlp;
    if (ext[kLevelExtensionId].get_object().get(ours) == simdjson::SUCCESS)
      if (auto l = model::ParseLevel(Str(ours, "level"))) return l;
    if (ext[kTlp2ExtensionId].get_object().get(tlp) == simdjson::SUCCESS)
      if (auto l = LevelOfTlpName(Str(tlp, "tlp_2_0"))) return l;
  }
  object def;
  if (Str(m, "definition_type") == "tlp" &&
      m["definition"].get_object().get(def) == simdjson::SUCCESS) {
    std::string_view tlp = Str(def, "tlp");
    if (tlp == "amber") return Level::kAmber;
    return LevelOfTlpName(tlp);
  }
  return std::nullopt;
}

std::vector<std::string_view> Refs(object o, std::string_view key) {
  std::vector<std::string_view> out;
  simdjson::dom::array list;
  if (o[key].get_array().get(list) != simdjson::SUCCESS) return out;
  for (element e : list) {
    std::string_view s;
    if (e.get_string().get(s) == simdjson::SUCCESS) out.push_back(s);
  }
  return out;
}

// Whether the portal can normalise the value as its type.
bool Readable(const PatternValue& v) {
  auto type = model::ParseIndicatorType(v.indicator_type);
  return type && ingest::Normalize(*type, v.value).ok();
}

std::string MitreId(object o) {
  simdjson::dom::array refs;
  if (o["external_references"].get_array().get(refs) != simdjson::SUCCESS) return {};
  for (element e : refs) {
    object r;
    if (e.get_object().get(r) != simdjson::SUCCESS) continue;
    std::string_view source = Str(r, "source_name");
    if (source == "mitre-attack" || source == "mitre-mobile-attack" || source == "mitre-ics-attack")
      return std::string(Str(r, "external_id"));
  }
  return {};
}

class Mapper {
 public:
  Mapper(const ParseOptions& opts, ImportBatch& batch) : opts_(opts), batch_(batch) {}

  void Run(simdjson::dom::array objects) {
    const size_t total = objects.size();
    size_t n = 0;
    for (element e : objects) {
      Keep(e, n++);
      if (opts_.progress && n % 1000 == 0) opts_.progress(n, total);
    }
    batch_.objects_read = static_cast<int64_t>(total);
    ResolveLevels();
    // Only the ATT&CK bundle itself (it defines tactics and a collection)
    // writes reference data; another bundle's attack-pattern is kept as
    // its author wrote it and becomes a tag.
    if (is_attack_reference_) {
      CollectAttack();
      return;
    }
    MakeEvents();
    if (opts_.progress) opts_.progress(total, total);
  }

 private:
  void Problem(std::string where, std::string property, std::string message) {
    batch_.problems.push_back(
        {std::move(where), std::move(property), 0, std::move(message), false});
  }

  // Checks one element of "objects" and keeps it when valid.
  void Keep(element e, size_t index) {
    std::string where = "objects[" + std::to_string(index) + "]";
    object o;
    if (e.get_object().get(o) != simdjson::SUCCESS) {
      Problem(where, "", "must be a JSON object");
      return;
    }
    std::string_view id = Str(o, "id");
    if (IsIdentifier(id)) where = std::string(id);
    size_t before = batch_.problems.size();
    CheckObject(o, where, batch_.problems);
    if (batch_.problems.size() != before) return;
    Obj obj{std::string(id), std::string(Str(o, "type")), {}, o, simdjson::minify(e), {}};
    obj.modified = std::string(Str(o, "modified"));
    if (obj.modified.empty()) obj.modified = std::string(Str(o, "created"));
    if (obj.text.size() > kMaxObjectBytes) {
      std::string_view biggest;
      size_t size = 0;
      for (auto [key, value] : o) {
        size_t s = simdjson::minify(value).size();
        if (s > size) size = s, biggest = key;
      }
      Problem(where, std::string(biggest),
              "value of " + std::to_string(size) + " bytes; an object may hold at most " +
                  std::to_string(kMaxObjectBytes >> 20) + " MiB");
      return;
    }
    auto& versions = by_id_[obj.id];
    for (size_t v : versions)
      if (objs_[v].modified == obj.modified) {
        Problem(where, "id",
                obj.modified.empty()
                    ? "duplicate object: this id appears twice"
                    : "duplicate object: this id and modified " + obj.modified + " appear twice");
        return;
      }
    versions.push_back(objs_.size());
    if (obj.type == "x-mitre-tactic" || obj.type == "x-mitre-collection")
      is_attack_reference_ = true;
    objs_.push_back(std::move(obj));
  }

  // The latest version of each id.
  const Obj& Latest(const std::vector<size_t>& versions) const {
    size_t best = versions.front();
    for (size_t v : versions)
      if (objs_[v].modified > objs_[best].modified) best = v;
    return objs_[best];
  }

  void ResolveLevels() {
    std::unordered_map<std::string_view, Level> marking_levels;
    for (const auto& o : objs_)
      if (o.type == "marking-definition")
        if (auto l = LevelOfMarkingObject(o.json)) marking_levels[o.id] = *l;
    for (auto& o : objs_) {
      std::optional<Level> exact, tlp;
      for (std::string_view ref : Refs(o.json, "object_marking_refs")) {
        std::optional<Level> l = LevelOfKnownMarking(ref);
        if (!l) {
          auto it = marking_levels.find(ref);
          if (it != marking_levels.end()) l = it->second;
        }
        if (!l) continue;
        auto& slot = IsLevelMarking(ref) ? exact : tlp;
        slot = slot ? model::Narrowest(*slot, *l) : *l;
      }
      o.level = exact ? exact : tlp;
    }
  }

  void CollectAttack() {
    for (const auto& [id, versions] : by_id_) {
      const Obj& o = Latest(versions);
      if (o.type != "attack-pattern" && o.type != "x-mitre-tactic") continue;
      std::string external = MitreId(o.json);
      if (external.empty()) continue;
      AttackEntry a;
      a.external_id = external;
      a.stix_id = o.id;
      a.kind = o.type == "attack-pattern" ? "technique" : "tactic";
      a.name = Cut(Str(o.json, "name"), kMaxTitle);
      a.description = Cut(Str(o.json, "description"), kMaxDescription);
      if (o.type == "x-mitre-tactic") {
        a.tactics.emplace_back(Str(o.json, "x_mitre_shortname"));
      } else {
        simdjson::dom::array phases;
        if (o.json["kill_chain_phases"].get_array().get(phases) == simdjson::SUCCESS)
          for (element p : phases) {
            object po;
            if (p.get_object().get(po) == simdjson::SUCCESS &&
                Str(po, "kill_chain_name").starts_with("mitre"))
              a.tactics.emplace_back(Str(po, "phase_name"));
          }
      }
      bool flag = false;
      a.deprecated =
          (o.json["revoked"].get_bool().get(flag) == simdjson::SUCCESS && flag) ||
          (o.json["x_mitre_deprecated"].get_bool().get(flag) == simdjson::SUCCESS && flag);
      batch_.attack.push_back(std::move(a));
    }
  }

  // Adds every version of `id` (when in the bundle) and what it relies on:
  // its creator identity and its marking definitions.
  void Attach(const std::string& id, EventDraft& ev, std::unordered_set<std::string>& members) {
    if (!members.insert(id).second) return;
    auto it = by_id_.find(id);
    if (it == by_id_.end()) return;
    used_.insert(id);
    std::vector<std::string> support;
    for (size_t v : it->second) {
      const Obj& o = objs_[v];
      ev.objects.push_back({o.id, o.type, o.modified, o.text, o.level});
      std::string_view creator = Str(o.json, "created_by_ref");
      if (!creator.empty()) support.emplace_back(creator);
      for (auto m : Refs(o.json, "object_marking_refs")) support.emplace_back(m);
    }
    for (const auto& s : support) Attach(s, ev, members);
  }

  void AddIndicators(const Obj& o, EventDraft& ev) {
    auto add = [&](std::string type, std::string_view value, std::string comment) {
      IndicatorDraft d;
      d.type = std::move(type);
      d.value = std::string(value);
      d.level = o.level;
      d.comment = Cut(comment, 10000);
      d.source_id = o.id;
      if (o.type == "indicator") {
        d.first_seen = std::string(Str(o.json, "valid_from"));
        d.last_seen = std::string(Str(o.json, "valid_until"));
        int64_t c = 0;
        if (o.json["confidence"].get_int64().get(c) == simdjson::SUCCESS)
          d.confidence = static_cast<int>(c);
      }
      ev.indicators.push_back(std::move(d));
    };
    if (o.type == "indicator") {
      std::string_view pattern = Str(o.json, "pattern");
      std::string comment(Str(o.json, "name"));
      if (comment.empty()) comment = std::string(Str(o.json, "description"));
      auto simple =
          Str(o.json, "pattern_type") == "stix" ? SimplePatternValues(pattern) : std::nullopt;
      // A value the portal cannot read (a typo in the source) keeps the
      // whole pattern as text rather than losing it or the import.
      if (simple && !std::all_of(simple->begin(), simple->end(), Readable)) simple.reset();
      if (simple) {
        for (auto& v : *simple) add(v.indicator_type, v.value, comment);
      } else {
        add("text", pattern, comment.empty() ? "pattern of " + o.id : comment);
      }
      return;
    }
    for (std::string_view prop : {"value", "name", "key", "subject"}) {
      auto type = IndicatorTypeForPath(o.type + ":" + std::string(prop));
      std::string_view v = Str(o.json, prop);
      if (type && !v.empty()) add(Readable({*type, std::string(v)}) ? *type : "text", v, "");
    }
    object hashes;
    if (o.type == "file" && o.json["hashes"].get_object().get(hashes) == simdjson::SUCCESS)
      for (auto [algo, value] : hashes) {
        auto type = IndicatorTypeForPath("file:hashes.'" + std::string(algo) + "'");
        std::string_view v;
        if (type && value.get_string().get(v) == simdjson::SUCCESS)
          add(Readable({*type, std::string(v)}) ? *type : "text", v, "");
      }
  }

  // A tag for what the object names, or "".
  static std::string TagOf(const Obj& o) {
    if (o.type == "attack-pattern") {
      std::string id = MitreId(o.json);
      return id.empty() ? "" : "attack:" + id;
    }
    std::string_view name = Str(o.json, "name");
    if (name.empty()) return {};
    if (o.type == "vulnerability" && name.starts_with("CVE-")) return "cve:" + std::string(name);
    for (std::string_view t : {"malware", "tool", "campaign", "intrusion-set", "threat-actor"})
      if (o.type == t) return o.type + ":" + std::string(name);
    return {};
  }

  void Finish(EventDraft& ev) {
    std::set<std::string> seen(ev.tags.begin(), ev.tags.end());
    std::set<std::string> done;
    for (const auto& so : ev.objects) {
      if (!done.insert(so.id).second) continue;
      const Obj& o = Latest(by_id_.at(so.id));
      AddIndicators(o, ev);
      std::string tag = TagOf(o);
      if (!tag.empty() && tag.size() <= kMaxTag && ev.tags.size() < kMaxTags &&
          seen.insert(tag).second)
        ev.tags.push_back(tag);
    }
  }

  void MakeEvents() {
    // Reports in order of first appearance.
    std::vector<std::string> reports;
    std::unordered_set<std::string_view> seen;
    for (const auto& o : objs_)
      if (o.type == "report" && seen.insert(o.id).second) reports.push_back(o.id);
    for (const auto& rid : reports) {
      const Obj& r = Latest(by_id_.at(rid));
      EventDraft ev;
      ev.key = rid;
      ev.title = Cut(Str(r.json, "name"), kMaxTitle);
      ev.description = Cut(Str(r.json, "description"), kMaxDescription);
      ev.level = r.level;
      for (auto label : Refs(r.json, "labels"))
        if (!label.empty() && label.size() <= kMaxTag && ev.tags.size() < kMaxTags)
          ev.tags.emplace_back(label);
      std::unordered_set<std::string> members;
      Attach(rid, ev, members);
      for (auto ref : Refs(r.json, "object_refs")) Attach(std::string(ref), ev, members);
      Finish(ev);
      batch_.events.push_back(std::move(ev));
    }
    EventDraft loose;
    loose.key = opts_.source_name.empty() ? "bundle" : opts_.source_name;
    loose.title = Cut(opts_.source_name.empty() ? "STIX bundle" : opts_.source_name, kMaxTitle);
    loose.description = "Objects of the STIX bundle that no report lists.";
    std::unordered_set<std::string> members;
    for (const auto& o : objs_)
      if (!used_.count(o.id) && !IsRegenerated(o.id)) Attach(o.id, loose, members);
    if (loose.objects.empty()) return;
    // The event is as wide as its widest object when every object is marked;
    // otherwise the importer's default applies.
    std::optional<Level> widest;
    bool all_marked = true;
    for (const auto& so : loose.objects) {
      if (so.type == "marking-definition" || so.type == "identity") continue;
      if (!so.level)
        all_marked = false;
      else if (!widest || model::IsWiderOrEqual(*so.level, *widest))
        widest = so.level;
    }
    if (all_marked) loose.level = widest;
    Finish(loose);
    batch_.events.push_back(std::move(loose));
  }

  const ParseOptions& opts_;
  ImportBatch& batch_;
  std::vector<Obj> objs_;
  std::unordered_map<std::string, std::vector<size_t>> by_id_;
  std::unordered_set<std::string> used_;
  bool is_attack_reference_ = false;
};

void Fatal(ImportBatch& b, std::string property, std::string message) {
  b.problems.push_back(
      {property.empty() ? "" : "bundle", std::move(property), 0, std::move(message), true});
}

}  // namespace

ImportBatch ParseBundle(const std::string& content, const ParseOptions& opts) {
  ImportBatch batch;
  batch.format = "stix";
  simdjson::dom::parser parser;
  if (auto err = parser.allocate(content.size() + 1, kMaxDepth); err) {
    Fatal(batch, "", ParseFailure(err));
    return batch;
  }
  element root;
  if (auto err = parser.parse(content).get(root); err) {
    Fatal(batch, "", ParseFailure(err));
    return batch;
  }
  object bundle;
  if (root.get_object().get(bundle) != simdjson::SUCCESS) {
    Fatal(batch, "", "not a STIX bundle: the file must hold one JSON object");
    return batch;
  }
  std::string_view type = Str(bundle, "type"), id = Str(bundle, "id"),
                   spec = Str(bundle, "spec_version");
  if (type != "bundle") {
    Fatal(batch, "type", "not a STIX bundle: type must be \"bundle\"");
    return batch;
  }
  if (!IsIdentifier(id) || !id.starts_with("bundle--")) {
    Fatal(batch, "id", "must be bundle--<uuid> with an RFC 4122 UUID");
    return batch;
  }
  if (!spec.empty() && spec != "2.1") {
    Fatal(batch, "spec_version",
          "STIX " + std::string(spec) + " bundles are not supported; convert them to STIX 2.1");
    return batch;
  }
  simdjson::dom::array objects;
  auto found = bundle["objects"];
  if (found.error() == simdjson::NO_SUCH_FIELD) return batch;
  if (found.get_array().get(objects) != simdjson::SUCCESS) {
    Fatal(batch, "objects", "must be a list of objects");
    return batch;
  }
  Mapper(opts, batch).Run(objects);
  return batch;
}

}  // namespace ts::exchange::stix
