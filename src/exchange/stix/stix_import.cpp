// Reads a bundle in two stages. While it arrives, each object is parsed,
// checked (rules.hpp) and reduced to an Obj: its verbatim text plus the
// few properties the mapping reads, so no parse tree outlives its object.
// Batches of objects are examined on worker threads. Finish() merges them in
// order (duplicate versions), resolves marking levels, and maps: one event
// per report with the objects it lists, one event for the objects no report
// lists, indicators from simple patterns and observables, tags from ATT&CK
// techniques and named threats, and ATT&CK reference entries.
#include "exchange/stix/stix_import.hpp"

#include <algorithm>
#include <cstdint>
#include <deque>
#include <future>
#include <iterator>
#include <set>
#include <thread>
#include <unordered_map>

#include <simdjson.h>

#include "exchange/stix/bundle_reader.hpp"
#include "exchange/stix/markings.hpp"
#include "exchange/stix/pattern.hpp"
#include "exchange/stix/rules.hpp"
#include "exchange/stix/sighting_map.hpp"
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
// Objects examined per worker task, and tasks in flight per core.
constexpr size_t kBatchObjects = 512;
constexpr size_t kBatchBytes = 1u << 20;
constexpr size_t kTasksPerCore = 4;

// What the mapping needs of one valid object.
struct Obj {
  std::string id;
  std::string type;
  std::string modified;                // version key
  std::string text;                    // minified JSON, stored verbatim
  std::optional<Level> level;          // resolved from marking refs in Finish
  std::optional<Level> defines_level;  // of a marking-definition
  std::vector<std::string> marking_refs;
  std::string created_by;
  std::vector<IndicatorDraft> indicators;  // levels set in Finish
  std::string tag;
  std::optional<SightingDraft> sighting;  // level set with the indicators'
  std::string source_tag;                 // an identity's "source:<name>"
  uint32_t next_version = UINT32_MAX;     // index of the id's next version
  bool first_version = false;             // the first of its id in the bundle
  std::optional<AttackEntry> attack;      // attack-pattern, x-mitre-tactic
  // Reports only.
  std::string name;
  std::string description;
  std::vector<std::string> labels;
  std::vector<std::string> object_refs;
};

// One element of "objects" after examination: the object when valid, and
// the problems found (a fatal one when the element is not JSON at all).
struct Examined {
  std::optional<Obj> obj;
  std::vector<Problem> problems;
};

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
      if (auto l = model::ParseLevel(StringOf(ours, "level"))) return l;
    if (ext[kTlp2ExtensionId].get_object().get(tlp) == simdjson::SUCCESS)
      if (auto l = LevelOfTlpName(StringOf(tlp, "tlp_2_0"))) return l;
  }
  object def;
  if (StringOf(m, "definition_type") == "tlp" &&
      m["definition"].get_object().get(def) == simdjson::SUCCESS) {
    std::string_view tlp = StringOf(def, "tlp");
    if (tlp == "amber") return Level::kAmber;
    return LevelOfTlpName(tlp);
  }
  return std::nullopt;
}

std::vector<std::string> Refs(object o, std::string_view key) {
  std::vector<std::string> out;
  simdjson::dom::array list;
  if (o[key].get_array().get(list) != simdjson::SUCCESS) return out;
  for (element e : list) {
    std::string_view s;
    if (e.get_string().get(s) == simdjson::SUCCESS) out.emplace_back(s);
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
    std::string_view source = StringOf(r, "source_name");
    if (source == "mitre-attack" || source == "mitre-mobile-attack" || source == "mitre-ics-attack")
      return std::string(StringOf(r, "external_id"));
  }
  return {};
}

std::optional<AttackEntry> AttackOf(object o, const std::string& id, const std::string& type) {
  if (type != "attack-pattern" && type != "x-mitre-tactic") return std::nullopt;
  std::string external = MitreId(o);
  if (external.empty()) return std::nullopt;
  AttackEntry a;
  a.external_id = external;
  a.stix_id = id;
  a.kind = type == "attack-pattern" ? "technique" : "tactic";
  a.name = Cut(StringOf(o, "name"), kMaxTitle);
  a.description = Cut(StringOf(o, "description"), kMaxDescription);
  if (type == "x-mitre-tactic") {
    a.tactics.emplace_back(StringOf(o, "x_mitre_shortname"));
  } else {
    simdjson::dom::array phases;
    if (o["kill_chain_phases"].get_array().get(phases) == simdjson::SUCCESS)
      for (element p : phases) {
        object po;
        if (p.get_object().get(po) == simdjson::SUCCESS &&
            StringOf(po, "kill_chain_name").starts_with("mitre"))
          a.tactics.emplace_back(StringOf(po, "phase_name"));
      }
  }
  bool flag = false;
  a.deprecated = (o["revoked"].get_bool().get(flag) == simdjson::SUCCESS && flag) ||
                 (o["x_mitre_deprecated"].get_bool().get(flag) == simdjson::SUCCESS && flag);
  return a;
}

// A tag for what the object names, or "".
std::string TagOf(object o, const std::string& type, const std::optional<AttackEntry>& attack) {
  if (type == "attack-pattern") return attack ? "attack:" + attack->external_id : "";
  std::string_view name = StringOf(o, "name");
  if (name.empty()) return {};
  if (type == "vulnerability" && name.starts_with("CVE-")) return "cve:" + std::string(name);
  for (std::string_view t : {"malware", "tool", "campaign", "intrusion-set", "threat-actor"})
    if (type == t) return type + ":" + std::string(name);
  return {};
}

std::vector<IndicatorDraft> IndicatorsOf(object o, const std::string& id, const std::string& type) {
  std::vector<IndicatorDraft> out;
  auto add = [&](std::string itype, std::string_view value, std::string comment) {
    IndicatorDraft d;
    d.type = std::move(itype);
    d.value = std::string(value);
    d.comment = Cut(comment, 10000);
    d.source_id = id;
    if (type == "indicator") {
      d.first_seen = std::string(StringOf(o, "valid_from"));
      d.last_seen = std::string(StringOf(o, "valid_until"));
      int64_t c = 0;
      if (o["confidence"].get_int64().get(c) == simdjson::SUCCESS)
        d.confidence = static_cast<int>(c);
    }
    out.push_back(std::move(d));
  };
  if (type == "indicator") {
    std::string_view pattern = StringOf(o, "pattern");
    std::string comment(StringOf(o, "name"));
    if (comment.empty()) comment = std::string(StringOf(o, "description"));
    auto simple =
        StringOf(o, "pattern_type") == "stix" ? SimplePatternValues(pattern) : std::nullopt;
    // A value the portal cannot read (a typo in the source) keeps the
    // whole pattern as text rather than losing it or the import.
    if (simple && !std::all_of(simple->begin(), simple->end(), Readable)) simple.reset();
    if (simple) {
      for (auto& v : *simple) add(v.indicator_type, v.value, comment);
    } else {
      add("text", pattern, comment.empty() ? "pattern of " + id : comment);
    }
    return out;
  }
  for (std::string_view prop : {"value", "name", "key", "subject"}) {
    auto itype = IndicatorTypeForPath(type + ":" + std::string(prop));
    std::string_view v = StringOf(o, prop);
    if (itype && !v.empty()) add(Readable({*itype, std::string(v)}) ? *itype : "text", v, "");
  }
  object hashes;
  if (type == "file" && o["hashes"].get_object().get(hashes) == simdjson::SUCCESS)
    for (auto [algo, value] : hashes) {
      auto itype = IndicatorTypeForPath("file:hashes.'" + std::string(algo) + "'");
      std::string_view v;
      if (itype && value.get_string().get(v) == simdjson::SUCCESS)
        add(Readable({*itype, std::string(v)}) ? *itype : "text", v, "");
    }
  return out;
}

Problem Fatal(std::string property, std::string message) {
  return {property.empty() ? "" : "bundle", std::move(property), 0, std::move(message), true};
}

// Parses, checks and reduces one element of "objects".
Examined Examine(simdjson::dom::parser& parser, size_t index, const std::string& text) {
  Examined out;
  std::string where = "objects[" + std::to_string(index) + "]";
  auto problem = [&](std::string property, std::string message) {
    out.problems.push_back({where, std::move(property), 0, std::move(message), false});
  };
  element e;
  // The reader leaves BundleReader::kPadding bytes of spare capacity.
  if (auto err = parser.parse(text.data(), text.size(), false).get(e); err) {
    Problem p = Fatal("", ParseFailure(err));
    if (err != simdjson::UTF8_ERROR && err != simdjson::DEPTH_ERROR) p.message += " in " + where;
    out.problems.push_back(std::move(p));
    return out;
  }
  object o;
  if (e.get_object().get(o) != simdjson::SUCCESS) {
    problem("", "must be a JSON object");
    return out;
  }
  std::string_view id = StringOf(o, "id");
  if (IsIdentifier(id)) where = std::string(id);
  CheckObject(o, where, out.problems);
  if (!out.problems.empty()) return out;
  Obj obj;
  obj.id = std::string(id);
  obj.type = std::string(StringOf(o, "type"));
  obj.modified = std::string(StringOf(o, "modified"));
  if (obj.modified.empty()) obj.modified = std::string(StringOf(o, "created"));
  obj.text = std::string(simdjson::minify(e));
  if (obj.type == "marking-definition") obj.defines_level = LevelOfMarkingObject(o);
  obj.marking_refs = Refs(o, "object_marking_refs");
  obj.created_by = std::string(StringOf(o, "created_by_ref"));
  obj.indicators = IndicatorsOf(o, obj.id, obj.type);
  obj.attack = AttackOf(o, obj.id, obj.type);
  obj.tag = TagOf(o, obj.type, obj.attack);
  obj.sighting = SightingFromObject(o);
  obj.source_tag = SourceTagOf(o);
  if (obj.type == "report") {
    obj.name = Cut(StringOf(o, "name"), kMaxTitle);
    obj.description = Cut(StringOf(o, "description"), kMaxDescription);
    obj.labels = Refs(o, "labels");
    obj.object_refs = Refs(o, "object_refs");
  }
  out.obj = std::move(obj);
  return out;
}

using Items = std::vector<std::pair<size_t, std::string>>;

// A parser that refuses documents nested deeper than kMaxDepth.
simdjson::dom::parser NewParser() {
  simdjson::dom::parser parser;
  if (parser.allocate(kBatchBytes, kMaxDepth) != simdjson::SUCCESS) throw std::bad_alloc();
  return parser;
}

std::vector<Examined> ExamineAll(const Items& items) {
  simdjson::dom::parser parser = NewParser();
  std::vector<Examined> out;
  out.reserve(items.size());
  for (const auto& [index, text] : items) out.push_back(Examine(parser, index, text));
  return out;
}

// The bundle's own properties: parsed, and the three it must have checked.
std::optional<Problem> CheckBundle(const BundleReader& reader) {
  simdjson::dom::parser parser = NewParser();
  std::string type, id, spec;
  bool objects_not_list = false;
  for (const auto& [key, raw] : reader.properties()) {
    simdjson::padded_string padded(raw);
    element e;
    if (auto err = parser.parse(padded).get(e); err) return Fatal("", ParseFailure(err));
    std::string_view s;
    bool is_string = e.get_string().get(s) == simdjson::SUCCESS;
    // The first of duplicate keys counts, as in a DOM lookup.
    if (key == "type" && type.empty() && is_string) type = s;
    if (key == "id" && id.empty() && is_string) id = s;
    if (key == "spec_version" && spec.empty() && is_string) spec = s;
    if (key == "objects") objects_not_list = true;
  }
  if (type != "bundle") return Fatal("type", "not a STIX bundle: type must be \"bundle\"");
  if (!IsIdentifier(id) || !id.starts_with("bundle--"))
    return Fatal("id", "must be bundle--<uuid> with an RFC 4122 UUID");
  if (!spec.empty() && spec != "2.1")
    return Fatal("spec_version",
                 "STIX " + spec + " bundles are not supported; convert them to STIX 2.1");
  if (objects_not_list && !reader.objects_list_seen())
    return Fatal("objects", "must be a list of objects");
  return std::nullopt;
}

class Mapper {
 public:
  Mapper(const ParseOptions& opts, ImportBatch& batch) : opts_(opts), batch_(batch) {}

  // Adds examined objects in bundle order.
  void Merge(std::vector<Examined> examined) {
    for (auto& ex : examined) {
      for (auto& p : ex.problems) batch_.problems.push_back(std::move(p));
      if (ex.obj) Keep(std::move(*ex.obj));
    }
  }

  void Oversized(const BundleReader::Oversized& o) {
    std::string where = IsIdentifier(o.id) ? o.id : "objects[" + std::to_string(o.index) + "]";
    Problem(where, o.property,
            "value of " + std::to_string(o.property_bytes) + " bytes; an object may hold at most " +
                std::to_string(kMaxObjectBytes >> 20) + " MiB");
  }

  void Run(size_t total) {
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
  }

 private:
  void Problem(std::string where, std::string property, std::string message) {
    batch_.problems.push_back(
        {std::move(where), std::move(property), 0, std::move(message), false});
  }

  static constexpr uint32_t kNone = UINT32_MAX;

  // An event being planned: the objects it holds (every version, by index)
  // and the ids among them (first versions), before texts are handed over.
  struct Plan {
    EventDraft ev;
    std::vector<uint32_t> members;
    std::vector<uint32_t> ids;
    bool loose = false;  // the objects no report lists
  };

  void Keep(Obj obj) {
    auto it = by_id_.find(obj.id);
    uint32_t last = kNone;
    if (it != by_id_.end())
      for (uint32_t v = it->second; v != kNone; v = objs_[v].next_version) {
        if (objs_[v].modified == obj.modified) {
          Problem(obj.id, "id",
                  obj.modified.empty()
                      ? "duplicate object: this id appears twice"
                      : "duplicate object: this id and modified " + obj.modified + " appear twice");
          return;
        }
        last = v;
      }
    if (obj.type == "x-mitre-tactic" || obj.type == "x-mitre-collection")
      is_attack_reference_ = true;
    const auto index = static_cast<uint32_t>(objs_.size());
    obj.first_version = last == kNone;
    objs_.push_back(std::move(obj));
    if (last == kNone)
      by_id_.emplace(objs_.back().id, index);  // the deque keeps the id in place
    else
      objs_[last].next_version = index;
  }

  // The latest version of an id, from its first.
  uint32_t Latest(uint32_t first) const {
    uint32_t best = first;
    for (uint32_t v = first; v != kNone; v = objs_[v].next_version)
      if (objs_[v].modified > objs_[best].modified) best = v;
    return best;
  }

  void ResolveLevels() {
    std::unordered_map<std::string_view, Level> marking_levels;
    for (const auto& o : objs_)
      if (o.defines_level) marking_levels[o.id] = *o.defines_level;
    for (auto& o : objs_) {
      std::optional<Level> exact, tlp;
      for (std::string_view ref : o.marking_refs) {
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
      for (auto& d : o.indicators) d.level = o.level;
      if (o.sighting) o.sighting->level = o.level;
    }
  }

  void CollectAttack() {
    for (const auto& [id, first] : by_id_) {
      const Obj& o = objs_[Latest(first)];
      if (o.attack) batch_.attack.push_back(*o.attack);
    }
  }

  // Adds every version of `id` (when in the bundle) and what it relies on:
  // its creator identity and its marking definitions.
  void Attach(std::string_view id, Plan& plan) {
    auto it = by_id_.find(id);
    if (it == by_id_.end()) return;
    const uint32_t first = it->second;
    if (stamp_[first] == event_no_) return;
    stamp_[first] = event_no_;
    used_[first] = true;
    plan.ids.push_back(first);
    for (uint32_t v = first; v != kNone; v = objs_[v].next_version) plan.members.push_back(v);
    for (uint32_t v = first; v != kNone; v = objs_[v].next_version) {
      if (!objs_[v].created_by.empty()) Attach(objs_[v].created_by, plan);
      for (const auto& m : objs_[v].marking_refs) Attach(m, plan);
    }
  }

  Plan NewPlan() {
    ++event_no_;
    return {};
  }

  // Fills the events' objects, indicators, sightings and tags. An object's
  // text and indicators are copied for all but their last event, which
  // takes them: most objects belong to one event.
  void Materialize(std::vector<Plan>& plans) {
    std::vector<uint32_t> uses(objs_.size()), latest_uses(objs_.size());
    for (const auto& p : plans) {
      for (uint32_t m : p.members) ++uses[m];
      for (uint32_t id : p.ids) ++latest_uses[Latest(id)];
    }
    for (auto& p : plans) {
      EventDraft& ev = p.ev;
      for (uint32_t m : p.members) {
        Obj& o = objs_[m];
        ev.objects.push_back(
            {o.id, o.type, o.modified, --uses[m] == 0 ? std::move(o.text) : o.text, o.level});
      }
      std::set<std::string> seen(ev.tags.begin(), ev.tags.end());
      for (uint32_t id : p.ids) {
        const uint32_t latest = Latest(id);
        Obj& o = objs_[latest];
        if (--latest_uses[latest] == 0)
          std::move(o.indicators.begin(), o.indicators.end(), std::back_inserter(ev.indicators));
        else
          ev.indicators.insert(ev.indicators.end(), o.indicators.begin(), o.indicators.end());
        if (o.sighting) ev.sightings.push_back(*o.sighting);
        auto tag = [&](const std::string& t) {
          if (!t.empty() && t.size() <= kMaxTag && ev.tags.size() < kMaxTags &&
              seen.insert(t).second)
            ev.tags.push_back(t);
        };
        tag(o.tag);
        // Where the event came from: the creator of its report, or of any
        // object of the loose event.
        if (!o.created_by.empty() && (p.loose || o.id == ev.key))
          if (auto c = by_id_.find(o.created_by); c != by_id_.end())
            tag(objs_[Latest(c->second)].source_tag);
      }
      batch_.events.push_back(std::move(ev));
    }
  }

  void MakeEvents() {
    used_.assign(objs_.size(), false);
    stamp_.assign(objs_.size(), 0);
    std::vector<Plan> plans;
    // Reports in order of first appearance.
    for (uint32_t i = 0; i < objs_.size(); ++i) {
      if (objs_[i].type != "report" || !objs_[i].first_version) continue;
      const Obj& r = objs_[Latest(i)];
      Plan plan = NewPlan();
      EventDraft& ev = plan.ev;
      ev.key = r.id;
      ev.title = r.name;
      ev.description = r.description;
      ev.level = r.level;
      for (const auto& label : r.labels)
        if (!label.empty() && label.size() <= kMaxTag && ev.tags.size() < kMaxTags)
          ev.tags.push_back(label);
      Attach(r.id, plan);
      for (const auto& ref : r.object_refs) Attach(ref, plan);
      plans.push_back(std::move(plan));
    }
    Plan loose = NewPlan();
    loose.loose = true;
    loose.ev.key = opts_.source_name.empty() ? "bundle" : opts_.source_name;
    loose.ev.title = Cut(opts_.source_name.empty() ? "STIX bundle" : opts_.source_name, kMaxTitle);
    loose.ev.description = "Objects of the STIX bundle that no report lists.";
    for (uint32_t i = 0; i < objs_.size(); ++i)
      if (!used_[i] && objs_[i].first_version && !IsRegenerated(objs_[i].id))
        Attach(objs_[i].id, loose);
    if (!loose.members.empty()) {
      // The event is as wide as its widest object when every object is
      // marked; otherwise the importer's default applies.
      std::optional<Level> widest;
      bool all_marked = true;
      for (uint32_t m : loose.members) {
        const Obj& o = objs_[m];
        if (o.type == "marking-definition" || o.type == "identity") continue;
        if (!o.level)
          all_marked = false;
        else if (!widest || model::IsWiderOrEqual(*o.level, *widest))
          widest = o.level;
      }
      if (all_marked) loose.ev.level = widest;
      plans.push_back(std::move(loose));
    }
    Materialize(plans);
  }

  const ParseOptions& opts_;
  ImportBatch& batch_;
  std::deque<Obj> objs_;
  std::unordered_map<std::string_view, uint32_t> by_id_;  // id → its first version
  std::vector<bool> used_;                                // by first version: some report lists it
  std::vector<uint32_t> stamp_;  // by first version: the last plan it joined
  uint32_t event_no_ = 0;
  bool is_attack_reference_ = false;
};

}  // namespace

struct BundleImport::Impl {
  Impl(ParseOptions o, size_t expected)
      : opts(std::move(o)),
        expected_bytes(expected),
        mapper(opts, batch),
        reader(
            {kMaxObjectBytes, kMaxDepth},
            [this](size_t index, std::string text) { Add(index, std::move(text)); },
            [this](const BundleReader::Oversized& big) {
              ++elements;
              Dispatch();
              Drain(0);
              mapper.Oversized(big);
            }),
        max_tasks(kTasksPerCore * std::max(1u, std::thread::hardware_concurrency())) {
    batch.format = "stix";
  }

  void Add(size_t index, std::string text) {
    ++elements;
    pending_bytes += text.size();
    pending.emplace_back(index, std::move(text));
    if (pending.size() >= kBatchObjects || pending_bytes >= kBatchBytes) Dispatch();
  }

  void Dispatch() {
    if (pending.empty()) return;
    Drain(max_tasks - 1);
    tasks.push_back(
        std::async(std::launch::async, [items = std::move(pending)] { return ExamineAll(items); }));
    pending = {};
    pending_bytes = 0;
  }

  // Merges finished work in order until at most `keep` tasks are running.
  void Drain(size_t keep) {
    while (tasks.size() > keep) {
      mapper.Merge(tasks.front().get());
      tasks.pop_front();
    }
  }

  ParseOptions opts;
  size_t expected_bytes;
  ImportBatch batch;
  Mapper mapper;
  BundleReader reader;
  size_t max_tasks;
  Items pending;
  size_t pending_bytes = 0;
  size_t elements = 0;
  size_t reported = 0;
  std::deque<std::future<std::vector<Examined>>> tasks;
};

BundleImport::BundleImport(ParseOptions opts, size_t expected_bytes)
    : impl_(std::make_unique<Impl>(std::move(opts), expected_bytes)) {}

// Running tasks own their items; destroying their futures waits for them.
BundleImport::~BundleImport() = default;

void BundleImport::Feed(std::string_view bytes) {
  auto& m = *impl_;
  // Large inputs in slices, so that workers start before the end.
  constexpr size_t kSlice = 4u << 20;
  for (size_t at = 0; at < bytes.size(); at += kSlice) {
    if (!m.reader.Feed(bytes.substr(at, kSlice))) return;
    if (m.opts.progress && m.reader.bytes_read() - m.reported >= kSlice) {
      m.reported = m.reader.bytes_read();
      m.opts.progress(m.reported, std::max(m.expected_bytes, m.reported));
    }
  }
}

ImportBatch BundleImport::Finish() {
  auto& m = *impl_;
  const bool complete = m.reader.Finish();
  m.Dispatch();
  m.Drain(0);
  ImportBatch out;
  out.format = "stix";
  // A broken document is reported alone: its first fatal problem.
  std::optional<Problem> fatal;
  for (auto& p : m.batch.problems)
    if (p.fatal) {
      fatal = std::move(p);
      break;
    }
  if (!fatal && !complete) fatal = Fatal("", m.reader.error());
  if (!fatal) fatal = CheckBundle(m.reader);
  if (fatal) {
    out.problems.push_back(std::move(*fatal));
    return out;
  }
  m.mapper.Run(m.elements);
  if (m.opts.progress) m.opts.progress(m.reader.bytes_read(), m.reader.bytes_read());
  return std::move(m.batch);
}

ImportBatch ParseBundle(std::string_view content, const ParseOptions& opts) {
  BundleImport import(opts, content.size());
  import.Feed(content);
  return import.Finish();
}

}  // namespace ts::exchange::stix
