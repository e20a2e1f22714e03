// /api/v1/consent-requests: what the viewer's organisation asked for or
// must decide, and the decision.
#include "catalog/consent.hpp"
#include "server/api/json_io.hpp"
#include "server/api/routes.hpp"

namespace ts::server::api {
namespace {

Result<Response> Decide(Context& ctx, bool approve) {
  std::string comment;
  if (!ctx.request.body.empty()) {
    auto body = ParseObject(ctx.request, {"comment"});
    if (!body) return body.error();
    auto c = StringField(*body, "comment");
    if (!c) return c.error();
    comment = c->value_or("");
  }
  auto r = catalog::DecideConsent(ctx.gate, ctx.Param("id"), approve, comment);
  if (!r) return r.error();
  return JsonResponse(ToJson(*r));
}

}  // namespace

void AddConsentRoutes(Router& router) {
  router.Add("GET", "/api/v1/consent-requests", [](Context& ctx) -> Result<Response> {
    auto state = ctx.request.Query("state");
    auto items = catalog::ListConsentRequests(ctx.gate, std::string(state));
    if (!items) return items.error();
    return JsonResponse({{"items", ToJsonArray(*items)}});
  });
  router.Add("GET", "/api/v1/consent-requests/{id}", [](Context& ctx) -> Result<Response> {
    auto r = catalog::GetConsentRequest(ctx.gate, ctx.Param("id"));
    if (!r) return r.error();
    return JsonResponse(ToJson(*r));
  });
  router.Add("POST", "/api/v1/consent-requests/{id}/approve",
             [](Context& ctx) { return Decide(ctx, true); });
  router.Add("POST", "/api/v1/consent-requests/{id}/reject",
             [](Context& ctx) { return Decide(ctx, false); });
}

}  // namespace ts::server::api
