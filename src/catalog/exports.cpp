#include "catalog/exports.hpp"

#include <limits>

#include "catalog/organisations.hpp"
#include "util/time.hpp"

namespace ts::catalog {
namespace {

constexpr int64_t kPage = 500;

Status GatherSightings(access::Gate& gate, const std::string& event_id,
                       exchange::ExportEvent& out) {
  auto sighted = gate.SightingsOfEvent(event_id);
  if (!sighted) return sighted.error();
  for (auto& [indicator, sightings] : *sighted)
    for (auto& s : sightings) {
      // The gate also shows viewers their own organisation's reports; a
      // file handed on must not name a reporter who chose not to be named.
      if (!s.share_identity) s.org_id = 0;
      s.terminals.clear();
      if (s.org_id != 0 && !out.reporter_names.count(s.org_id)) {
        auto org = FindOrganisation(gate, std::to_string(s.org_id));
        if (!org) return org.error();
        out.reporter_names[s.org_id] = org->name;
      }
      out.sightings.push_back(std::move(s));
    }
  return {};
}

Result<exchange::ExportEvent> Gather(access::Gate& gate, model::Event event) {
  exchange::ExportEvent out;
  store::IndicatorFilter f;
  f.event_id = event.id;
  f.limit = std::numeric_limits<int64_t>::max();
  auto indicators = gate.ListIndicators(f);
  if (!indicators) return indicators.error();
  out.indicators = std::move(indicators->items);
  auto objects = gate.SourceObjectsOf(event.id);
  if (!objects) return objects.error();
  auto withheld = gate.WithheldSourceObjectIds(event.id);
  if (!withheld) return withheld.error();
  out.withheld_ids = *std::move(withheld);
  for (auto& o : *objects)
    out.objects.push_back({std::move(o.object_id), std::move(o.type), std::move(o.modified),
                           std::move(o.json), o.level});
  TS_TRY(GatherSightings(gate, event.id, out));
  out.event = std::move(event);
  return out;
}

}  // namespace

Result<exchange::ExportSet> CollectExport(access::Gate& gate, const std::string& event_id) {
  exchange::ExportSet set;
  set.generated = NowUtc();
  if (!event_id.empty()) {
    auto event = gate.GetEvent(event_id);
    if (!event) return event.error();
    auto gathered = Gather(gate, *std::move(event));
    if (!gathered) return gathered.error();
    set.events.push_back(*std::move(gathered));
    return set;
  }
  store::EventFilter filter;
  filter.sort = store::EventSort::kCreatedAsc;
  filter.limit = kPage;
  for (;;) {
    auto page = gate.ListEvents(filter);
    if (!page) return page.error();
    for (auto& e : page->items) {
      auto gathered = Gather(gate, std::move(e));
      if (!gathered) return gathered.error();
      set.events.push_back(*std::move(gathered));
    }
    if (static_cast<int64_t>(page->items.size()) < kPage) break;
    filter.offset += kPage;
  }
  return set;
}

}  // namespace ts::catalog
