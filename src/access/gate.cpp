#include "access/gate.hpp"

#include <limits>
#include <set>

#include <nlohmann/json.hpp>

namespace ts::access {

void Auditor::Record(std::string action, std::string object_type, std::string object_id,
                     std::string detail) {
  last_ = log_.Append(txn_, viewer_, std::move(action), std::move(object_type),
                      std::move(object_id), std::move(detail));
  if (!has_last_) first_seq_ = last_.seq;
  has_last_ = true;
}

Status Gate::Write(const std::function<Status(store::WriteTxn&, Auditor&)>& fn) {
  std::optional<model::AuditEntry> last;
  int64_t first_seq = 0;
  Status st = store_.Write([&](store::WriteTxn& txn) -> Status {
    Auditor auditor(audit_, txn, viewer_);
    Status inner = fn(txn, auditor);
    if (inner.ok() && auditor.last()) {
      last = *auditor.last();
      first_seq = auditor.first_seq();
    }
    return inner;
  });
  if (st.ok() && last) audit_.Committed(first_seq, *last);
  return st;
}

void Gate::AuditRead(std::string action, std::string object_type, std::string object_id,
                     std::string detail) {
  // A read that cannot be audited must not be served: throwing makes the
  // request fail with an internal error.
  Status st = Write([&](store::WriteTxn&, Auditor& a) -> Status {
    a.Record(std::move(action), std::move(object_type), std::move(object_id), std::move(detail));
    return {};
  });
  if (!st.ok()) throw std::runtime_error("audit log unavailable: " + st.error().message);
}

Result<model::Event> Gate::GetEvent(const std::string& id) {
  std::optional<model::Event> event;
  TS_TRY(store_.Read([&](store::ReadTxn& txn) -> Status {
    event = txn.EventById(scope(), id);
    return {};
  }));
  if (!event) return Error::NotFound("event");
  if (IsAuditedRead(event->level)) AuditRead("event.read", "event", event->id, {});
  return *std::move(event);
}

Result<store::Page<model::Event>> Gate::ListEvents(const store::EventFilter& filter) {
  store::Page<model::Event> page;
  TS_TRY(store_.Read([&](store::ReadTxn& txn) -> Status {
    page = txn.Events(scope(), filter);
    return {};
  }));
  nlohmann::json ids = nlohmann::json::array();
  for (const auto& e : page.items)
    if (IsAuditedRead(e.level)) ids.push_back(e.id);
  if (!ids.empty()) AuditRead("event.list", "event", "", nlohmann::json{{"ids", ids}}.dump());
  return page;
}

Result<model::Indicator> Gate::GetIndicator(const std::string& id) {
  std::optional<model::Indicator> indicator;
  TS_TRY(store_.Read([&](store::ReadTxn& txn) -> Status {
    indicator = txn.IndicatorById(scope(), id);
    return {};
  }));
  if (!indicator) return Error::NotFound("indicator");
  if (IsAuditedRead(model::EffectiveLevel(*indicator)))
    AuditRead("indicator.read", "indicator", indicator->id, {});
  return *std::move(indicator);
}

Result<store::Page<model::Indicator>> Gate::ListIndicators(const store::IndicatorFilter& filter) {
  store::Page<model::Indicator> page;
  TS_TRY(store_.Read([&](store::ReadTxn& txn) -> Status {
    page = txn.Indicators(scope(), filter);
    return {};
  }));
  nlohmann::json ids = nlohmann::json::array();
  for (const auto& i : page.items) {
    if (IsAuditedRead(model::EffectiveLevel(i))) ids.push_back(i.id);
  }
  if (!ids.empty())
    AuditRead("indicator.list", "indicator", filter.event_id, nlohmann::json{{"ids", ids}}.dump());
  return page;
}

Result<std::vector<model::Sighting>> Gate::SightingsOf(const std::string& indicator_id) {
  auto indicator = GetIndicator(indicator_id);
  if (!indicator) return indicator.error();
  std::vector<model::Sighting> sightings;
  TS_TRY(store_.Read([&](store::ReadTxn& txn) -> Status {
    sightings = txn.Sightings(indicator_id);
    return {};
  }));
  RedactReporters(sightings);
  return sightings;
}

Result<std::vector<std::pair<model::Indicator, std::vector<model::Sighting>>>>
Gate::SightingsOfEvent(const std::string& event_id) {
  auto event = GetEvent(event_id);
  if (!event) return event.error();
  store::IndicatorFilter f;
  f.event_id = event->id;
  f.limit = std::numeric_limits<int64_t>::max();
  auto indicators = ListIndicators(f);
  if (!indicators) return indicators.error();
  std::vector<std::pair<model::Indicator, std::vector<model::Sighting>>> out;
  TS_TRY(store_.Read([&](store::ReadTxn& txn) -> Status {
    for (auto& i : indicators->items) {
      auto sightings = txn.Sightings(i.id);
      if (sightings.empty()) continue;
      RedactReporters(sightings);
      out.emplace_back(std::move(i), std::move(sightings));
    }
    return {};
  }));
  return out;
}

void Gate::RedactReporters(std::vector<model::Sighting>& sightings) const {
  for (auto& s : sightings) {
    if (CanSeeReporter(viewer_, s.org_id, s.share_identity)) continue;
    s.org_id = 0;
    s.terminals.clear();
  }
}

Result<std::vector<store::UseRow>> Gate::ListUses(const store::UseFilter& filter) {
  std::vector<store::UseRow> rows;
  TS_TRY(store_.Read([&](store::ReadTxn& txn) -> Status {
    rows = txn.Uses(scope(), filter);
    return {};
  }));
  nlohmann::json audited = nlohmann::json::array();
  for (auto& r : rows) {
    if (!CanSeeReporter(viewer_, r.use.org_id, r.use.share_identity)) {
      r.use.org_id = 0;
      r.use.user_id = 0;
      r.use.comment.clear();
    }
  }
  std::set<std::string> events;
  for (const auto& r : rows) events.insert(r.use.event_id);
  // The report reveals which events were used: audit those that are RED or AMBER.
  TS_TRY(store_.Read([&](store::ReadTxn& txn) -> Status {
    for (const auto& id : events)
      if (auto e = txn.EventById(scope(), id); e && IsAuditedRead(e->level)) audited.push_back(id);
    return {};
  }));
  if (!audited.empty()) AuditRead("use.list", "event", "", nlohmann::json{{"ids", audited}}.dump());
  return rows;
}

}  // namespace ts::access
