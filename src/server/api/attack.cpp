// GET /api/v1/attack/techniques?q=&limit= lists MITRE ATT&CK reference
// data (imported from the enterprise bundle the user supplies), matching
// the id or name. Public reference data: any logged-in user may read it.
#include <cstdlib>

#include "server/api/json_io.hpp"
#include "server/api/routes.hpp"

namespace ts::server::api {
namespace {

json AttackJson(const store::AttackRow& a) {
  return {{"id", a.external_id},
          {"stix_id", a.stix_id},
          {"kind", a.kind},
          {"name", a.name},
          {"description", a.description},
          {"tactics", a.tactics},
          {"deprecated", a.deprecated}};
}

Result<Response> List(Context& ctx) {
  std::string q(ctx.request.Query("q"));
  int64_t limit = 100;
  if (auto s = ctx.request.Query("limit"); !s.empty()) {
    limit = std::atoll(std::string(s).c_str());
    if (limit < 1 || limit > 1000) return Error::Invalid("limit must be 1 to 1000", "limit");
  }
  std::vector<store::AttackRow> rows;
  TS_TRY(ctx.gate.Read([&](store::ReadTxn& txn) -> Status {
    rows = txn.AttackEntries(q, limit);
    return {};
  }));
  json items = json::array();
  for (const auto& r : rows) items.push_back(AttackJson(r));
  return JsonResponse({{"items", items}});
}

}  // namespace

void AddAttackRoutes(Router& router) {
  router.Add("GET", "/api/v1/attack/techniques", List);
}

}  // namespace ts::server::api
