// /api/v1/events: list with filters and paging, read, create, change,
// delete; the event's indicators; requests to widen its level.
#include "catalog/events.hpp"
#include "catalog/consent.hpp"
#include "catalog/organisations.hpp"
#include "server/api/indicator_input.hpp"
#include "server/api/json_io.hpp"
#include "server/api/routes.hpp"

namespace ts::server::api {
namespace {

Result<catalog::EventInput> ReadInput(const Request& req) {
  auto body = ParseObject(
      req, {"title", "description", "level", "category", "timing", "status", "tags", "provider"});
  if (!body) return body.error();
  catalog::EventInput in;
  for (auto [name, dst] : {std::pair{"title", &in.title}, std::pair{"description", &in.description},
                           std::pair{"level", &in.level}, std::pair{"category", &in.category},
                           std::pair{"timing", &in.timing}, std::pair{"status", &in.status}}) {
    auto v = StringField(*body, name);
    if (!v) return v.error();
    *dst = *v;
  }
  auto tags = StringListField(*body, "tags");
  if (!tags) return tags.error();
  in.tags = *tags;
  // The provider may be given as an organisation id or name.
  if (auto it = body->find("provider"); it != body->end() && !it->is_null()) {
    if (it->is_number_integer())
      in.provider = std::to_string(it->get<int64_t>());
    else if (it->is_string())
      in.provider = it->get<std::string>();
    else
      return Error::Invalid("provider must be an organisation id or name", "provider");
  }
  return in;
}

Result<store::EventFilter> ReadFilter(Context& ctx, const Paging& paging) {
  const auto& req = ctx.request;
  store::EventFilter f;
  f.offset = paging.offset();
  f.limit = paging.per_page;
  if (auto s = req.Query("level"); !s.empty()) {
    f.level = model::ParseLevel(s);
    if (!f.level)
      return Error::Invalid("level must be RED, AMBER, YELLOW, GREEN or WHITE", "level");
  }
  if (auto s = req.Query("category"); !s.empty()) {
    f.category = model::ParseCategory(s);
    if (!f.category) return Error::Invalid("category must be A, B-a, B-b, B-c or C", "category");
  }
  if (auto s = req.Query("timing"); !s.empty()) {
    f.timing = model::ParseTiming(s);
    if (!f.timing) return Error::Invalid("timing must be peacetime or alert", "timing");
  }
  if (auto s = req.Query("status"); !s.empty()) {
    f.status = model::ParseEventStatus(s);
    if (!f.status) return Error::Invalid("status must be draft, pending or published", "status");
  }
  if (auto s = req.Query("provider"); !s.empty()) {
    auto org = catalog::FindOrganisation(ctx.gate, std::string(s));
    // An unknown provider matches nothing rather than failing the search.
    f.provider_org_id = org ? org->id : -1;
  }
  f.tag = std::string(req.Query("tag"));
  f.text = std::string(req.Query("q"));
  auto sort = req.Query("sort");
  if (sort.empty() || sort == "-modified")
    f.sort = store::EventSort::kModifiedDesc;
  else if (sort == "modified")
    f.sort = store::EventSort::kModifiedAsc;
  else if (sort == "-created")
    f.sort = store::EventSort::kCreatedDesc;
  else if (sort == "created")
    f.sort = store::EventSort::kCreatedAsc;
  else if (sort == "title")
    f.sort = store::EventSort::kTitle;
  else if (sort == "level")
    f.sort = store::EventSort::kLevel;
  else
    return Error::Invalid("sort must be -modified, modified, -created, created, title or level",
                          "sort");
  return f;
}

Result<Response> List(Context& ctx) {
  auto paging = ParsePaging(ctx.request, 50, 500);
  if (!paging) return paging.error();
  auto filter = ReadFilter(ctx, *paging);
  if (!filter) return filter.error();
  auto page = ctx.gate.ListEvents(*filter);
  if (!page) return page.error();
  return JsonResponse(PageJson(ToJsonArray(page->items), page->total, *paging));
}

Result<Response> ListIndicators(Context& ctx) {
  auto paging = ParsePaging(ctx.request, 100, 1000);
  if (!paging) return paging.error();
  auto event = ctx.gate.GetEvent(ctx.Param("id"));
  if (!event) return event.error();
  store::IndicatorFilter f;
  f.event_id = event->id;
  f.offset = paging->offset();
  f.limit = paging->per_page;
  auto page = ctx.gate.ListIndicators(f);
  if (!page) return page.error();
  return JsonResponse(PageJson(ToJsonArray(page->items), page->total, *paging));
}

Result<Response> AddIndicators(Context& ctx) {
  auto inputs = ReadIndicatorInputs(ctx.request);
  if (!inputs) return inputs.error();
  auto added = catalog::AddIndicators(ctx.gate, ctx.Param("id"), inputs->items, inputs->as_list);
  if (!added) return added.error();
  return JsonResponse({{"items", ToJsonArray(*added)}}, 201);
}

Result<Response> RequestWiden(Context& ctx) {
  auto body = ParseObject(ctx.request, {"level", "reason"});
  if (!body) return body.error();
  auto level = StringField(*body, "level");
  if (!level) return level.error();
  auto reason = StringField(*body, "reason");
  if (!reason) return reason.error();
  if (!*level) return Error::Invalid("level is required", "level");
  auto r = catalog::RequestWiden(ctx.gate, ctx.Param("id"), **level, reason->value_or(""));
  if (!r) return r.error();
  return JsonResponse(ToJson(*r), 201);
}

}  // namespace

void AddEventRoutes(Router& router) {
  const RouteOptions public_read{.anonymous = Anonymous::kIfAnonymousRead};
  router.Add("GET", "/api/v1/events", List, public_read);
  router.Add("POST", "/api/v1/events", [](Context& ctx) -> Result<Response> {
    auto in = ReadInput(ctx.request);
    if (!in) return in.error();
    auto event = catalog::CreateEvent(ctx.gate, *in);
    if (!event) return event.error();
    return JsonResponse(ToJson(*event), 201);
  });
  router.Add(
      "GET", "/api/v1/events/{id}",
      [](Context& ctx) -> Result<Response> {
        auto event = ctx.gate.GetEvent(ctx.Param("id"));
        if (!event) return event.error();
        return JsonResponse(ToJson(*event));
      },
      public_read);
  router.Add("PATCH", "/api/v1/events/{id}", [](Context& ctx) -> Result<Response> {
    auto in = ReadInput(ctx.request);
    if (!in) return in.error();
    auto event = catalog::UpdateEvent(ctx.gate, ctx.Param("id"), *in);
    if (!event) return event.error();
    return JsonResponse(ToJson(*event));
  });
  router.Add("DELETE", "/api/v1/events/{id}", [](Context& ctx) -> Result<Response> {
    TS_TRY(catalog::DeleteEvent(ctx.gate, ctx.Param("id")));
    return NoContent();
  });
  router.Add("GET", "/api/v1/events/{id}/indicators", ListIndicators, public_read);
  router.Add("POST", "/api/v1/events/{id}/indicators", AddIndicators);
  router.Add("POST", "/api/v1/events/{id}/consent-requests", RequestWiden);
}

}  // namespace ts::server::api
