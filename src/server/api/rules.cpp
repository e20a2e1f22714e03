// /api/v1/rules: the operating rules, their versions, publication and acceptance.
#include "catalog/rules.hpp"
#include "server/api/json_io.hpp"
#include "server/api/routes.hpp"

namespace ts::server::api {
namespace {

Result<Response> Current(Context& ctx) {
  auto rules = catalog::CurrentRules(ctx.gate);
  if (!rules) return rules.error();
  json out = ToJson(*rules);
  out["accepted"] = ctx.gate.viewer().accepted_rules_version >= rules->version;
  return JsonResponse(out);
}

Result<Response> History(Context& ctx) {
  auto history = catalog::RulesHistory(ctx.gate);
  if (!history) return history.error();
  return JsonResponse({{"items", ToJsonArray(*history)}});
}

Result<Response> Publish(Context& ctx) {
  auto body = ParseObject(ctx.request, {"text"});
  if (!body) return body.error();
  auto text = StringField(*body, "text");
  if (!text) return text.error();
  if (!*text) return Error::Invalid("text is required", "text");
  auto rules = catalog::PublishRules(ctx.gate, **text);
  if (!rules) return rules.error();
  return JsonResponse(ToJson(*rules), 201);
}

Result<Response> Accept(Context& ctx) {
  auto body = ParseObject(ctx.request, {"version"});
  if (!body) return body.error();
  auto version = IntField(*body, "version");
  if (!version) return version.error();
  if (!*version)
    return Error::Invalid("version is required: accept the version you have read", "version");
  TS_TRY(catalog::AcceptRules(ctx.gate, static_cast<int>(**version)));
  return JsonResponse({{"accepted", **version}});
}

}  // namespace

void AddRulesRoutes(Router& router) {
  const RouteOptions before_rules{.before_rules = true};
  router.Add("GET", "/api/v1/rules", Current, before_rules);
  router.Add("GET", "/api/v1/rules/versions", History, before_rules);
  router.Add("POST", "/api/v1/rules/accept", Accept, before_rules);
  router.Add("POST", "/api/v1/rules", Publish);
}

}  // namespace ts::server::api
