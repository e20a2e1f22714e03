// /api/v1/orgs and /api/v1/sectors.
#include "catalog/organisations.hpp"
#include "model/sector.hpp"
#include "server/api/json_io.hpp"
#include "server/api/routes.hpp"

namespace ts::server::api {
namespace {

Result<catalog::OrganisationInput> ReadInput(const Request& req) {
  auto body = ParseObject(req, {"name", "sector", "sub_sector", "membership"});
  if (!body) return body.error();
  catalog::OrganisationInput in;
  for (auto [name, dst] :
       {std::pair{"name", &in.name}, std::pair{"sector", &in.sector},
        std::pair{"sub_sector", &in.sub_sector}, std::pair{"membership", &in.membership}}) {
    auto v = StringField(*body, name);
    if (!v) return v.error();
    *dst = *v;
  }
  return in;
}

Result<int64_t> OrgId(Context& ctx) {
  auto org = catalog::FindOrganisation(ctx.gate, ctx.Param("id"));
  if (!org) return org.error();
  return org->id;
}

}  // namespace

void AddOrganisationRoutes(Router& router) {
  router.Add("GET", "/api/v1/orgs", [](Context& ctx) -> Result<Response> {
    auto orgs = catalog::ListOrganisations(ctx.gate);
    if (!orgs) return orgs.error();
    return JsonResponse({{"items", ToJsonArray(*orgs)}});
  });
  router.Add("POST", "/api/v1/orgs", [](Context& ctx) -> Result<Response> {
    auto in = ReadInput(ctx.request);
    if (!in) return in.error();
    auto org = catalog::CreateOrganisation(ctx.gate, *in);
    if (!org) return org.error();
    return JsonResponse(ToJson(*org), 201);
  });
  router.Add("GET", "/api/v1/orgs/{id}", [](Context& ctx) -> Result<Response> {
    if (!ctx.gate.viewer().is_user()) return Error::Unauthenticated("log in to see organisations");
    auto org = catalog::FindOrganisation(ctx.gate, ctx.Param("id"));
    if (!org) return org.error();
    return JsonResponse(ToJson(*org));
  });
  router.Add("PATCH", "/api/v1/orgs/{id}", [](Context& ctx) -> Result<Response> {
    auto in = ReadInput(ctx.request);
    if (!in) return in.error();
    auto id = OrgId(ctx);
    if (!id) return id.error();
    auto org = catalog::UpdateOrganisation(ctx.gate, *id, *in);
    if (!org) return org.error();
    return JsonResponse(ToJson(*org));
  });
  router.Add("GET", "/api/v1/sectors",
             [](Context&) -> Result<Response> {
               json items = json::array();
               for (const auto& s : model::AllSectors()) {
                 json subs = json::array();
                 for (const auto& sub : s.sub_sectors)
                   subs.push_back(
                       {{"code", sub.code}, {"name_ja", sub.name_ja}, {"name_en", sub.name_en}});
                 items.push_back({{"code", s.code},
                                  {"name_ja", s.name_ja},
                                  {"name_en", s.name_en},
                                  {"sub_sectors", subs}});
               }
               return JsonResponse({{"items", items}});
             },
             {.before_rules = true});
}

}  // namespace ts::server::api
