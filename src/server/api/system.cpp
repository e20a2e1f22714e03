// /healthz (for load balancers, no details) and /metrics (Prometheus text,
// for secretariat administrators, e.g. with an API key as bearer token:
// database size and request rates say how busy members are).
#include "server/api/json_io.hpp"
#include "server/api/routes.hpp"
#include "server/app.hpp"

namespace ts::server::api {

void AddSystemRoutes(Router& router) {
  router.Add("GET", "/healthz",
             [](Context& ctx) -> Result<Response> {
               TS_TRY(ctx.app.store().Read([](store::ReadTxn& txn) -> Status {
                 txn.CurrentRules();
                 return {};
               }));
               return JsonResponse({{"status", "ok"}});
             },
             {.anonymous = Anonymous::kAlways, .before_rules = true});
  router.Add(
      "GET", "/metrics",
      [](Context& ctx) -> Result<Response> {
        // A scraper's key keeps working when new operating rules appear.
        if (!access::IsInstanceAdmin(ctx.gate.viewer()))
          return Error::Forbidden("metrics are for secretariat administrators");
        Response r;
        r.content_type = "text/plain; version=0.0.4; charset=utf-8";
        r.body = ctx.app.metrics().Render(
            {{"threatshare_database_bytes", static_cast<double>(ctx.app.store().DatabaseBytes())}});
        return r;
      },
      {.before_rules = true});
}

}  // namespace ts::server::api
