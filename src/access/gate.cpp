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

Result<std::vector<store::SourceObjectRow>> Gate::SourceObjectsOf(const std::string& event_id) {
  auto event = GetEvent(event_id);
  if (!event) return event.error();
  std::vector<store::SourceObjectRow> rows;
  TS_TRY(store_.Read([&](store::ReadTxn& txn) -> Status {
    rows = txn.SourceObjects(scope(), event->id);
    return {};
  }));
  return rows;
}

Result<std::vector<std::string>> Gate::WithheldSourceObjectIds(const std::string& event_id) {
  std::vector<std::string> withheld;
  TS_TRY(store_.Read([&](store::ReadTxn& txn) -> Status {
    if (!txn.EventById(scope(), event_id)) return Error::NotFound("event");
    std::set<std::string> visible;
    for (auto& r : txn.SourceObjects(scope(), event_id)) visible.insert(std::move(r.object_id));
    const Scope everything = ScopeFactory::For(Viewer::System(), false);
    for (auto& r : txn.SourceObjects(everything, event_id))
      if (!visible.count(r.object_id)) withheld.push_back(std::move(r.object_id));
    return {};
  }));
  return withheld;
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

Result<store::SampleView> Gate::GetSample(const std::string& sha256) {
  std::optional<store::SampleView> view;
  TS_TRY(store_.Read([&](store::ReadTxn& txn) -> Status {
    auto content = txn.SampleBySha256(scope(), sha256);
    if (!content) return {};
    view.emplace();
    view->content = *std::move(content);
    view->submissions = txn.SampleSubmissions(scope(), sha256);
    // A link to an event the viewer cannot see would reveal that it exists.
    for (auto& s : view->submissions)
      if (!s.event_id.empty() && !txn.EventById(scope(), s.event_id)) s.event_id.clear();
    view->children = txn.SampleChildren(scope(), sha256);
    view->parents = txn.SampleParents(scope(), sha256);
    view->matches = txn.YaraMatches(scope(), sha256);
    return {};
  }));
  if (!view || view->submissions.empty()) return Error::NotFound("sample");
  if (IsAuditedRead(view->level())) AuditRead("sample.read", "sample", sha256, {});
  return *std::move(view);
}

Result<store::Page<store::SampleRow>> Gate::ListSamples(const store::SampleFilter& filter) {
  store::Page<store::SampleRow> page;
  TS_TRY(store_.Read([&](store::ReadTxn& txn) -> Status {
    page = txn.Samples(scope(), filter);
    return {};
  }));
  nlohmann::json ids = nlohmann::json::array();
  for (const auto& row : page.items)
    if (IsAuditedRead(row.level)) ids.push_back(row.content.sha256);
  if (!ids.empty()) AuditRead("sample.list", "sample", "", nlohmann::json{{"ids", ids}}.dump());
  return page;
}

Result<model::YaraRule> Gate::GetYaraRule(const std::string& id) {
  std::optional<model::YaraRule> rule;
  TS_TRY(store_.Read([&](store::ReadTxn& txn) -> Status {
    rule = txn.YaraRuleById(scope(), id);
    return {};
  }));
  if (!rule) return Error::NotFound("YARA rule");
  if (IsAuditedRead(rule->level)) AuditRead("yara_rule.read", "yara_rule", rule->id, {});
  return *std::move(rule);
}

Result<std::vector<model::YaraRule>> Gate::ListYaraRules() {
  std::vector<model::YaraRule> rules;
  TS_TRY(store_.Read([&](store::ReadTxn& txn) -> Status {
    rules = txn.YaraRules(scope());
    return {};
  }));
  nlohmann::json ids = nlohmann::json::array();
  for (const auto& r : rules)
    if (IsAuditedRead(r.level)) ids.push_back(r.id);
  if (!ids.empty())
    AuditRead("yara_rule.list", "yara_rule", "", nlohmann::json{{"ids", ids}}.dump());
  return rules;
}

}  // namespace ts::access
