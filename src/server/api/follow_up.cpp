// Sightings and uses reported back by members, and the follow-up report:
//   POST /api/v1/sightings                 report sightings (e.g. from threatshare hunt --report)
//   GET  /api/v1/indicators/{id}/sightings who saw an indicator, how often and when
//   GET  /api/v1/events/{id}/sightings     the same for each visible indicator of an event
//   POST /api/v1/events/{id}/uses          what the viewer's organisation did with an event
//   GET  /api/v1/events/{id}/uses
//   GET  /api/v1/reports/use               use per event, per provider and per period
#include <map>
#include <set>

#include "catalog/follow_up.hpp"
#include "catalog/organisations.hpp"
#include "server/api/json_io.hpp"
#include "server/api/routes.hpp"
#include "util/time.hpp"

namespace ts::server::api {
namespace {

json SightingJson(const model::Sighting& s) {
  json terminals = json::parse(s.terminals.empty() ? "null" : s.terminals, nullptr, false);
  return {{"id", s.id},
          {"indicator_id", s.indicator_id},
          {"org_id", s.org_id == 0 ? json(nullptr) : json(s.org_id)},
          {"first_seen", s.first_seen},
          {"last_seen", s.last_seen},
          {"count", s.count},
          {"terminals", terminals.is_discarded() ? json(nullptr) : terminals},
          {"source", s.source},
          {"created", s.created}};
}

// Totals over all reports of one indicator: counts and times, never who.
json SightingSummary(const std::string& indicator_id, const std::vector<model::Sighting>& items) {
  int64_t count = 0;
  std::string first, last;
  for (const auto& s : items) {
    count += s.count;
    if (first.empty() || s.first_seen < first) first = s.first_seen;
    if (last.empty() || s.last_seen > last) last = s.last_seen;
  }
  json reports = json::array();
  for (const auto& s : items) reports.push_back(SightingJson(s));
  return {{"indicator_id", indicator_id},
          {"count", count},
          {"reports", items.size()},
          {"first_seen", first.empty() ? json(nullptr) : json(first)},
          {"last_seen", last.empty() ? json(nullptr) : json(last)},
          {"items", reports}};
}

Result<catalog::SightingInput> ReadSighting(const json& obj, const std::string& field) {
  if (!obj.is_object()) return Error::Invalid("each sighting must be a JSON object", field);
  static const std::set<std::string> kFields = {"indicator_id", "type",  "value",    "first_seen",
                                                "last_seen",    "count", "terminals"};
  for (const auto& [key, v] : obj.items())
    if (!kFields.count(key))
      return Error::Invalid("unknown field '" + key + "'", field + "." + key);
  catalog::SightingInput in;
  for (auto [name, dst] : {std::pair{"indicator_id", &in.indicator_id}, std::pair{"type", &in.type},
                           std::pair{"value", &in.value}}) {
    auto v = StringField(obj, name);
    if (!v) return Error::Invalid(v.error().message, field + "." + name);
    *dst = *v;
  }
  for (auto [name, dst] :
       {std::pair{"first_seen", &in.first_seen}, std::pair{"last_seen", &in.last_seen}}) {
    auto v = StringField(obj, name);
    if (!v) return Error::Invalid(v.error().message, field + "." + name);
    if (!*v) return Error::Invalid(std::string(name) + " is required", field + "." + name);
    *dst = **v;
  }
  auto count = IntField(obj, "count");
  if (!count) return Error::Invalid(count.error().message, field + ".count");
  in.count = count->value_or(1);
  if (auto it = obj.find("terminals"); it != obj.end() && !it->is_null()) {
    if (!it->is_array()) return Error::Invalid("terminals must be an array", field + ".terminals");
    in.terminals = it->dump();
  }
  return in;
}

Result<Response> Report(Context& ctx) {
  auto body = ParseObject(ctx.request, {"sightings", "share_identity", "source"});
  if (!body) return body.error();
  auto share = BoolField(*body, "share_identity");
  if (!share) return share.error();
  auto source = StringField(*body, "source");
  if (!source) return source.error();
  std::string src = source->value_or("manual");
  if (src != "manual" && src != "hunt")
    return Error::Invalid("source must be manual or hunt", "source");
  auto it = body->find("sightings");
  if (it == body->end() || !it->is_array())
    return Error::Invalid("sightings must be an array", "sightings");
  std::vector<catalog::SightingInput> inputs;
  for (std::size_t n = 0; n < it->size(); ++n) {
    auto in = ReadSighting((*it)[n], "sightings[" + std::to_string(n) + "]");
    if (!in) return in.error();
    inputs.push_back(*std::move(in));
  }
  auto result = catalog::ReportSightings(ctx.gate, inputs, share->value_or(false), src);
  if (!result) return result.error();
  return JsonResponse({{"recorded", result->recorded}, {"unmatched", result->unmatched}}, 201);
}

json UseJson(const store::UseRow& r) {
  return {{"id", r.use.id},
          {"event_id", r.use.event_id},
          {"event_title", r.event_title},
          {"provider", {{"id", r.provider_org_id}, {"name", r.provider_name}}},
          {"org_id", r.use.org_id == 0 ? json(nullptr) : json(r.use.org_id)},
          {"action", model::UseActionName(r.use.action)},
          {"comment", r.use.comment},
          {"created", r.use.created}};
}

json ActionCounts() {
  json counts = json::object();
  for (auto a : model::kAllUseActions) counts[std::string(model::UseActionName(a))] = 0;
  return counts;
}

Result<Response> UseReport(Context& ctx) {
  const auto& req = ctx.request;
  store::UseFilter f;
  for (auto [name, dst] : {std::pair{"from", &f.from}, std::pair{"to", &f.to}}) {
    auto s = req.Query(name);
    if (s.empty()) continue;
    auto t = CanonicalTime(s);
    if (!t) return Error::Invalid(std::string(name) + " must be an RFC 3339 time", name);
    *dst = *t;
  }
  if (auto p = req.Query("provider"); !p.empty()) {
    // An id or a name, as in the event list; an unknown provider matches nothing.
    auto org = catalog::FindOrganisation(ctx.gate, std::string(p));
    f.provider_org_id = org ? org->id : -1;
  }
  auto period = catalog::ParsePeriod(req.Query("period").empty() ? "month" : req.Query("period"));
  if (!period)
    return Error::Invalid("period must be month, quarter, half or fiscal-year", "period");
  auto rows = ctx.gate.ListUses(f);
  if (!rows) return rows.error();
  std::map<std::string, json> by_event, by_provider, by_period;
  json totals = ActionCounts();
  for (const auto& r : *rows) {
    const std::string action(model::UseActionName(r.use.action));
    auto& e = by_event[r.event_title + '\x1f' + r.use.event_id];  // ordered by title
    if (e.is_null())
      e = {{"event_id", r.use.event_id},
           {"title", r.event_title},
           {"provider_org_id", r.provider_org_id},
           {"counts", ActionCounts()}};
    auto& p = by_provider[r.provider_name];
    if (p.is_null())
      p = {{"provider", {{"id", r.provider_org_id}, {"name", r.provider_name}}},
           {"counts", ActionCounts()}};
    std::string label = catalog::PeriodLabel(*period, r.use.created);
    auto& q = by_period[label];
    if (q.is_null()) q = {{"period", label}, {"counts", ActionCounts()}};
    for (json* j : {&e, &p, &q}) (*j)["counts"][action] = (*j)["counts"][action].get<int64_t>() + 1;
    totals[action] = totals[action].get<int64_t>() + 1;
  }
  auto values = [](const std::map<std::string, json>& m) {
    json out = json::array();
    for (const auto& [k, v] : m) out.push_back(v);
    return out;
  };
  return JsonResponse({{"totals", totals},
                       {"by_event", values(by_event)},
                       {"by_provider", values(by_provider)},
                       {"by_period", values(by_period)}});
}

}  // namespace

void AddFollowUpRoutes(Router& router) {
  router.Add("POST", "/api/v1/sightings", Report);
  router.Add("GET", "/api/v1/indicators/{id}/sightings", [](Context& ctx) -> Result<Response> {
    auto items = ctx.gate.SightingsOf(ctx.Param("id"));
    if (!items) return items.error();
    return JsonResponse(SightingSummary(ctx.Param("id"), *items));
  });
  router.Add("GET", "/api/v1/events/{id}/sightings", [](Context& ctx) -> Result<Response> {
    auto sightings = ctx.gate.SightingsOfEvent(ctx.Param("id"));
    if (!sightings) return sightings.error();
    json items = json::array();
    for (const auto& [indicator, reports] : *sightings) {
      json summary = SightingSummary(indicator.id, reports);
      summary["type"] = model::IndicatorTypeName(indicator.type);
      summary["value"] = indicator.value;
      items.push_back(std::move(summary));
    }
    return JsonResponse({{"items", items}});
  });
  router.Add("POST", "/api/v1/events/{id}/uses", [](Context& ctx) -> Result<Response> {
    auto body = ParseObject(ctx.request, {"action", "comment", "share_identity"});
    if (!body) return body.error();
    auto action = StringField(*body, "action");
    if (!action) return action.error();
    auto comment = StringField(*body, "comment");
    if (!comment) return comment.error();
    auto share = BoolField(*body, "share_identity");
    if (!share) return share.error();
    if (!*action) return Error::Invalid("action is required", "action");
    auto use = catalog::RecordUse(ctx.gate, ctx.Param("id"), **action, comment->value_or(""),
                                  share->value_or(false));
    if (!use) return use.error();
    return JsonResponse(
        {{"id", use->id}, {"action", model::UseActionName(use->action)}, {"created", use->created}},
        201);
  });
  router.Add("GET", "/api/v1/events/{id}/uses", [](Context& ctx) -> Result<Response> {
    auto event = ctx.gate.GetEvent(ctx.Param("id"));
    if (!event) return event.error();
    store::UseFilter f;
    f.event_id = event->id;
    auto rows = ctx.gate.ListUses(f);
    if (!rows) return rows.error();
    json items = json::array();
    for (const auto& r : *rows) items.push_back(UseJson(r));
    return JsonResponse({{"items", items}});
  });
  router.Add("GET", "/api/v1/reports/use", UseReport);
}

}  // namespace ts::server::api
