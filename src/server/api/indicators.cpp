// /api/v1/indicators: search across every visible event, read, change,
// delete; and /api/v1/indicators/parse, which reads pasted lines into typed,
// normalised values without storing anything.
#include "catalog/events.hpp"
#include "ingest/normalize.hpp"
#include "server/api/indicator_input.hpp"
#include "server/api/json_io.hpp"
#include "server/api/routes.hpp"
#include "util/time.hpp"

namespace ts::server::api {
namespace {

Result<Response> Search(Context& ctx) {
  auto paging = ParsePaging(ctx.request, 100, 1000);
  if (!paging) return paging.error();
  store::IndicatorFilter f;
  f.offset = paging->offset();
  f.limit = paging->per_page;
  f.event_id = std::string(ctx.request.Query("event"));
  f.text = std::string(ctx.request.Query("q"));
  if (auto t = ctx.request.Query("type"); !t.empty()) {
    f.type = model::ParseIndicatorType(t);
    if (!f.type) return Error::Invalid("unknown indicator type '" + std::string(t) + "'", "type");
  }
  if (auto v = ctx.request.Query("value"); !v.empty()) {
    // Exact search compares canonical forms, so a defanged value finds its
    // match; without a type, every reading of the value counts.
    f.typed_values = ingest::AllReadings(v, f.type);
  }
  // For hunting: effective levels (comma-separated), an event tag such as a
  // campaign, and changes since a time.
  if (auto levels = ctx.request.Query("levels"); !levels.empty()) {
    std::size_t start = 0;
    while (start <= levels.size()) {
      auto end = std::min(levels.find(',', start), levels.size());
      auto level = model::ParseLevel(levels.substr(start, end - start));
      if (!level)
        return Error::Invalid("levels must list RED, AMBER, YELLOW, GREEN or WHITE", "levels");
      f.levels.push_back(*level);
      start = end + 1;
    }
  }
  f.event_tag = std::string(ctx.request.Query("tag"));
  if (auto since = ctx.request.Query("since"); !since.empty()) {
    auto t = CanonicalTime(since);
    if (!t) return Error::Invalid("since must be an RFC 3339 time", "since");
    f.modified_since = *t;
  }
  auto page = ctx.gate.ListIndicators(f);
  if (!page) return page.error();
  return JsonResponse(PageJson(ToJsonArray(page->items), page->total, *paging));
}

Result<Response> Parse(Context& ctx) {
  auto body = ParseObject(ctx.request, {"text"});
  if (!body) return body.error();
  auto text = StringField(*body, "text");
  if (!text) return text.error();
  if (!*text) return Error::Invalid("text is required", "text");
  if ((*text)->size() > (4 << 20)) return Error::TooLarge("text must be at most 4 MiB");
  json items = json::array();
  std::size_t line_no = 0, start = 0;
  const std::string& all = **text;
  while (start <= all.size()) {
    auto end = all.find('\n', start);
    if (end == std::string::npos) end = all.size();
    std::string line = all.substr(start, end - start);
    ++line_no;
    start = end + 1;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    json item = {{"line", line_no}, {"input", line}};
    auto type = ingest::DetectType(line);
    if (!type) {
      item["error"] = "cannot tell the type";
    } else {
      item["type"] = model::IndicatorTypeName(*type);
      auto value = ingest::Normalize(*type, line);
      if (value)
        item["value"] = *value;
      else
        item["error"] = value.error().message;
    }
    items.push_back(std::move(item));
  }
  return JsonResponse({{"items", items}});
}

}  // namespace

void AddIndicatorRoutes(Router& router) {
  const RouteOptions public_read{.anonymous = Anonymous::kIfAnonymousRead};
  router.Add("GET", "/api/v1/indicators", Search, public_read);
  router.Add("POST", "/api/v1/indicators/parse", Parse);
  router.Add(
      "GET", "/api/v1/indicators/{id}",
      [](Context& ctx) -> Result<Response> {
        auto indicator = ctx.gate.GetIndicator(ctx.Param("id"));
        if (!indicator) return indicator.error();
        return JsonResponse(ToJson(*indicator));
      },
      public_read);
  router.Add("PATCH", "/api/v1/indicators/{id}", [](Context& ctx) -> Result<Response> {
    auto body = ParseObject(ctx.request, {"type", "value", "level", "first_seen", "last_seen",
                                          "confidence", "comment"});
    if (!body) return body.error();
    auto in = ReadIndicator(*body, "");
    if (!in) return in.error();
    auto indicator = catalog::UpdateIndicator(ctx.gate, ctx.Param("id"), *in);
    if (!indicator) return indicator.error();
    return JsonResponse(ToJson(*indicator));
  });
  router.Add("DELETE", "/api/v1/indicators/{id}", [](Context& ctx) -> Result<Response> {
    TS_TRY(catalog::DeleteIndicator(ctx.gate, ctx.Param("id")));
    return NoContent();
  });
}

}  // namespace ts::server::api
