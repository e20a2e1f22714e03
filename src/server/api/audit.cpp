// /api/v1/audit: the audit log and its verification, for secretariat
// administrators.

#include "server/api/json_io.hpp"
#include "server/api/routes.hpp"
#include "server/app.hpp"
#include "util/parse_number.hpp"

namespace ts::server::api {
namespace {

Result<int64_t> NumberParam(const Request& req, const char* name, int64_t fallback, int64_t max) {
  auto s = req.Query(name);
  if (s.empty()) return fallback;
  auto v = ParseNumber<int64_t>(s);
  if (!v || *v < 0 || *v > max)
    return Error::Invalid(
        std::string(name) + " must be an integer from 0 to " + std::to_string(max), name);
  return *v;
}

}  // namespace

void AddAuditRoutes(Router& router) {
  router.Add("GET", "/api/v1/audit", [](Context& ctx) -> Result<Response> {
    if (!access::CanReadAudit(ctx.gate.viewer()))
      return Error::Forbidden("only secretariat administrators read the audit log");
    auto after = NumberParam(ctx.request, "after", 0, INT64_MAX);
    if (!after) return after.error();
    auto limit = NumberParam(ctx.request, "limit", 100, 1000);
    if (!limit) return limit.error();
    std::vector<model::AuditEntry> entries;
    TS_TRY(ctx.gate.Read([&](store::ReadTxn& txn) -> Status {
      entries = txn.AuditEntries(*after, std::max<int64_t>(*limit, 1));
      return {};
    }));
    // Who looked at the log is itself worth keeping.
    TS_TRY(ctx.gate.Write([&](store::WriteTxn&, access::Auditor& audit) -> Status {
      audit.Record("audit.read", "audit", "",
                   json{{"after", *after}, {"count", entries.size()}}.dump());
      return {};
    }));
    return JsonResponse({{"items", ToJsonArray(entries)}});
  });
  router.Add("GET", "/api/v1/audit/verify", [](Context& ctx) -> Result<Response> {
    if (!access::CanReadAudit(ctx.gate.viewer()))
      return Error::Forbidden("only secretariat administrators verify the audit log");
    auto v = ctx.app.audit_log().Verify(ctx.app.store());
    json out = {{"ok", v.ok}, {"entries", v.entries}, {"head_hash", v.head_hash}};
    if (!v.ok) {
      out["first_bad_seq"] = v.first_bad_seq;
      out["problem"] = v.problem;
    }
    return JsonResponse(out);
  });
}

}  // namespace ts::server::api
