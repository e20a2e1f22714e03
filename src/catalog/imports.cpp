#include "catalog/imports.hpp"

#include <algorithm>
#include <future>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "catalog/organisations.hpp"
#include "exchange/stix/portal_ids.hpp"
#include "ingest/normalize.hpp"
#include "util/crypto.hpp"
#include "util/time.hpp"

namespace ts::catalog {
namespace {

using exchange::Problem;
using model::Level;

constexpr size_t kMaxTitle = 500;
constexpr size_t kMaxTag = 100;
constexpr size_t kMaxTags = 50;

struct PreparedEvent {
  std::string key;
  model::Event event;
  std::vector<model::Indicator> indicators;
  // Stored straight from the batch: copying every object's JSON here would
  // double the memory and the allocations of a large import.
  const std::vector<exchange::SourceObject>* objects = nullptr;
  // (source id, type and value) of the indicators that a sighting in the
  // batch names, to find them once stored.
  std::vector<std::pair<std::string, std::pair<model::IndicatorType, std::string>>> sighted;
};

// An item's own level is kept only when narrower than its event's.
std::optional<Level> OwnLevel(std::optional<Level> item, Level event) {
  if (!item || model::IsWiderOrEqual(*item, event)) return std::nullopt;
  return item;
}

std::string Trim(std::string_view s) {
  auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  auto e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

class Preparer {
 public:
  Preparer(const ImportOptions& opts, std::vector<Problem>& problems,
           const std::set<std::string>& sighted)
      : opts_(opts), problems_(problems), sighted_(sighted) {}

  PreparedEvent Event(const exchange::EventDraft& d) {
    PreparedEvent p;
    p.key = d.key;
    auto& e = p.event;
    e.id = NewUuid();
    e.title = Trim(d.title).substr(0, kMaxTitle);
    if (e.title.empty()) e.title = d.key.empty() ? "Imported event" : d.key;
    e.description = d.description;
    e.level = d.level.value_or(opts_.default_level);
    if (!d.category.empty()) {
      if (auto c = model::ParseCategory(d.category))
        e.category = *c;
      else
        Fail(d.key, "category", "unknown category '" + d.category + "'");
    }
    if (!d.timing.empty()) {
      if (auto t = model::ParseTiming(d.timing))
        e.timing = *t;
      else
        Fail(d.key, "timing", "unknown timing '" + d.timing + "'");
    }
    std::set<std::string> tags;
    for (const auto& raw : d.tags) {
      std::string tag = Trim(raw);
      if (!tag.empty() && tag.size() <= kMaxTag && tags.size() < kMaxTags) tags.insert(tag);
    }
    e.tags.assign(tags.begin(), tags.end());
    e.status = model::EventStatus::kPublished;
    std::set<std::pair<model::IndicatorType, std::string>> seen;
    p.indicators.reserve(d.indicators.size());
    for (const auto& in : d.indicators) {
      auto i = Indicator(in, e);
      if (i && sighted_.count(in.source_id))
        p.sighted.push_back({in.source_id, {i->type, i->value}});
      if (i && seen.insert({i->type, i->value}).second) p.indicators.push_back(*std::move(i));
    }
    p.objects = &d.objects;
    return p;
  }

 private:
  void Fail(const std::string& where, std::string property, std::string message) {
    problems_.push_back({where, std::move(property), 0, std::move(message), false});
  }

  std::optional<model::Indicator> Indicator(const exchange::IndicatorDraft& in,
                                            const model::Event& e) {
    const std::string where = in.source_id.empty() ? e.title : in.source_id;
    std::optional<model::IndicatorType> type;
    if (in.type.empty()) {
      type = ingest::DetectType(in.value);
      if (!type) {
        Fail(where, "value", "cannot tell the type of '" + in.value.substr(0, 100) + "'");
        return std::nullopt;
      }
    } else {
      type = model::ParseIndicatorType(in.type);
      if (!type) {
        Fail(where, "type", "unknown indicator type '" + in.type + "'");
        return std::nullopt;
      }
    }
    auto value = ingest::Normalize(*type, in.value);
    if (!value) {
      Fail(where, *type == model::IndicatorType::kText ? "pattern" : "value",
           std::string(model::IndicatorTypeName(*type)) + " '" + in.value.substr(0, 100) +
               "': " + value.error().message);
      return std::nullopt;
    }
    model::Indicator i;
    i.id = NewUuid();
    i.event_id = e.id;
    i.type = *type;
    i.value = *std::move(value);
    i.level = OwnLevel(in.level, e.level);
    if (auto t = CanonicalTime(in.first_seen)) i.first_seen = *t;
    if (auto t = CanonicalTime(in.last_seen)) i.last_seen = *t;
    if (!i.first_seen.empty() && !i.last_seen.empty() && i.last_seen < i.first_seen)
      i.last_seen.clear();
    if (in.confidence >= 0 && in.confidence <= 100) i.confidence = in.confidence;
    i.comment = in.comment.substr(0, 10000);
    i.origin = in.origin;
    i.event_level = e.level;
    return i;
  }

  const ImportOptions& opts_;
  std::vector<Problem>& problems_;
  const std::set<std::string>& sighted_;
};

// Tags "attack:<id>" must name a known technique once reference data
// exists; unknown ones are problems and are left out (best effort).
void CheckAttackTags(store::ReadTxn& txn, std::vector<PreparedEvent>& events,
                     std::vector<Problem>& problems) {
  if (txn.AttackEntries("", 1).empty()) return;
  for (auto& p : events)
    std::erase_if(p.event.tags, [&](const std::string& tag) {
      if (!tag.starts_with("attack:") || txn.AttackEntryById(tag.substr(7))) return false;
      problems.push_back({p.key, "tags", 0, "unknown ATT&CK id in tag '" + tag + "'", false});
      return true;
    });
}

// The stored indicators of one event that a sighting names, by its source id.
using SightedIndicators = std::map<std::string, std::vector<model::Indicator>>;

void FindSighted(const access::Gate& gate, store::WriteTxn& txn, const PreparedEvent& p,
                 SightedIndicators& out) {
  for (const auto& [source, typed] : p.sighted) {
    store::IndicatorFilter f;
    f.event_id = p.event.id;
    f.typed_values = {{typed}};
    f.limit = 1;
    for (auto& i : txn.Indicators(gate.scope(), f).items) out[source].push_back(std::move(i));
  }
}

// Records the batch's sightings as the provider's own, anonymous ones.
// Skipped, the object staying verbatim only: a sighting marked narrower
// than the indicator (a portal sighting has no level of its own, so it
// would show to everyone who sees the indicator), this portal's own
// summary of the indicator coming back in a re-imported export, and a
// sighting already recorded by an earlier import of the same object.
int64_t StoreSightings(store::WriteTxn& txn, const exchange::ImportBatch& batch,
                       const SightedIndicators& sighted, int64_t org_id, const std::string& now,
                       nlohmann::json& indicator_ids) {
  int64_t added = 0;
  for (const auto& ev : batch.events)
    for (const auto& d : ev.sightings) {
      auto targets = sighted.find(d.sighting_of);
      auto first = CanonicalTime(d.first_seen), last = CanonicalTime(d.last_seen);
      if (targets == sighted.end() || !first || !last || *last < *first) continue;
      const std::string source = "stix:" + d.source_id;
      for (const auto& i : targets->second) {
        if (d.level && !model::IsWiderOrEqual(*d.level, model::EffectiveLevel(i))) continue;
        if (d.source_id == exchange::stix::AggregateSightingId(i.id)) continue;
        auto earlier = txn.Sightings(i.id);
        if (std::any_of(earlier.begin(), earlier.end(), [&](const model::Sighting& s) {
              return s.org_id == org_id && s.source == source;
            }))
          continue;
        model::Sighting s;
        s.id = NewUuid();
        s.indicator_id = i.id;
        s.org_id = org_id;
        s.first_seen = *first;
        s.last_seen = *last;
        s.count = d.count;
        s.source = source;
        s.created = now;
        txn.InsertSighting(s);
        indicator_ids.push_back(i.id);
        ++added;
      }
    }
  return added;
}

}  // namespace

Result<ImportReport> StoreBatch(access::Gate& gate, const exchange::ImportBatch& batch,
                                const ImportOptions& opts) {
  const auto& v = gate.viewer();
  if (!v.is_system() && !access::CanSubmit(v))
    return Error::Forbidden("your role does not allow creating events");
  int64_t provider_id = v.org_id;
  if (!opts.provider.empty()) {
    auto provider = FindOrganisation(gate, opts.provider);
    if (!provider)
      return Error::Invalid("unknown provider organisation '" + opts.provider + "'", "provider");
    provider_id = provider->id;
  } else if (v.is_system() && !batch.events.empty()) {
    return Error::Invalid("the providing organisation is required when the system imports",
                          "provider");
  }
  if (v.is_user() && provider_id != v.org_id)
    return Error::Forbidden("imports are stored with your own organisation as the provider");

  ImportReport report;
  report.format = batch.format;
  report.objects_read = batch.objects_read;
  report.problems = batch.problems;
  if (batch.HasFatal()) return report;

  std::set<std::string> sighted;
  for (const auto& d : batch.events)
    for (const auto& s : d.sightings) sighted.insert(s.sighting_of);
  // Normalising every indicator is most of the preparation, and events are
  // independent: the second half is prepared on another thread.
  const size_t n = batch.events.size(), half = (n + 1) / 2;
  std::vector<PreparedEvent> events(n);
  std::vector<Problem> later_problems;
  auto prepare = [&](std::vector<Problem>& problems, size_t from, size_t to) {
    Preparer preparer(opts, problems, sighted);
    for (size_t i = from; i < to; ++i) events[i] = preparer.Event(batch.events[i]);
  };
  auto second = std::async(std::launch::async, prepare, std::ref(later_problems), half, n);
  prepare(report.problems, 0, half);
  second.get();
  report.problems.insert(report.problems.end(), later_problems.begin(), later_problems.end());
  TS_TRY(gate.Read([&](store::ReadTxn& txn) -> Status {
    CheckAttackTags(txn, events, report.problems);
    return {};
  }));
  if (!report.problems.empty() && !opts.best_effort) return report;

  int64_t total = 0, done = 0;
  for (const auto& p : events)
    total += static_cast<int64_t>(p.objects->size() + p.indicators.size());
  const std::string now = NowUtc();
  TS_TRY(gate.Write([&](store::WriteTxn& txn, access::Auditor& audit) -> Status {
    store::SourceObjectRow row;  // reused: its strings keep their capacity
    SightedIndicators sighted_indicators;
    for (auto& p : events) {
      auto& e = p.event;
      const Level imported_level = e.level;
      e.provider_org_id = e.submitter_org_id = provider_id;
      e.submitter_user_id = v.user_id;
      e.created = e.modified = now;
      // A report imported before gains the new versions instead of a twin.
      std::optional<model::Event> earlier;
      if (!p.key.empty() && p.key.find("--") != std::string::npos)
        for (const auto& id : txn.EventsWithReport(gate.scope(), p.key)) {
          auto found = txn.EventById(gate.scope(), id);
          if (found && access::CanEditEvent(v, *found)) {
            earlier = *found;
            break;
          }
        }
      if (earlier) {
        e = *earlier;
        e.modified = now;
        txn.UpdateEvent(e);
        ++report.events_updated;
      } else {
        txn.InsertEvent(e);
        ++report.events_created;
      }
      int64_t added = 0, kept = 0;
      for (auto& i : p.indicators) {
        if (earlier && txn.IndicatorExists(e.id, i.type, i.value, "")) continue;
        i.event_id = e.id;
        i.level = OwnLevel(i.level, e.level);
        i.created = i.modified = now;
        txn.InsertIndicator(i);
        ++added;
      }
      FindSighted(gate, txn, p, sighted_indicators);
      row.event_id = e.id;
      for (const auto& o : *p.objects) {
        row.object_id = o.id;
        row.type = o.type;
        row.modified = o.modified;
        row.json = o.json;
        // Narrower than both the imported event and the one it joins.
        row.level = OwnLevel(OwnLevel(o.level, imported_level), e.level);
        if (txn.InsertSourceObject(row)) ++kept;
      }
      report.indicators_added += added;
      report.objects_kept += kept;
      report.event_ids.push_back(e.id);
      audit.Record(
          earlier ? "event.import_update" : "event.import", "event", e.id,
          nlohmann::json{
              {"format", batch.format}, {"source", p.key}, {"indicators", added}, {"objects", kept}}
              .dump());
      done += static_cast<int64_t>(p.objects->size() + p.indicators.size());
      if (opts.progress) opts.progress(done, total);
    }
    nlohmann::json sighted_ids = nlohmann::json::array();
    report.sightings_added =
        StoreSightings(txn, batch, sighted_indicators, provider_id, now, sighted_ids);
    if (report.sightings_added > 0)
      audit.Record("sighting.import", "sighting", "",
                   nlohmann::json{{"format", batch.format}, {"indicators", sighted_ids}}.dump());
    for (const auto& a : batch.attack)
      txn.UpsertAttackEntry(
          {a.external_id, a.stix_id, a.kind, a.name, a.description, a.tactics, a.deprecated});
    report.attack_entries = static_cast<int64_t>(batch.attack.size());
    if (!batch.attack.empty())
      audit.Record("attack.import", "attack", "",
                   nlohmann::json{{"entries", batch.attack.size()}}.dump());
    return {};
  }));
  report.stored = true;
  return report;
}

nlohmann::json ImportReportJson(const ImportReport& r) {
  nlohmann::json problems = nlohmann::json::array();
  for (const auto& p : r.problems) {
    nlohmann::json j = {{"message", p.message}, {"fatal", p.fatal}};
    if (!p.object_id.empty()) j["object_id"] = p.object_id;
    if (!p.property.empty()) j["property"] = p.property;
    if (p.line > 0) j["line"] = p.line;
    problems.push_back(std::move(j));
  }
  return {{"format", r.format},
          {"stored", r.stored},
          {"objects_read", r.objects_read},
          {"objects_kept", r.objects_kept},
          {"events_created", r.events_created},
          {"events_updated", r.events_updated},
          {"indicators_added", r.indicators_added},
          {"sightings_added", r.sightings_added},
          {"attack_entries", r.attack_entries},
          {"event_ids", r.event_ids},
          {"problems", problems}};
}

}  // namespace ts::catalog
