// /api/v1/yara-rules: YARA rule files shared with a level. Saving compiles
// the text; a text that does not compile is answered 422 with every error
// and its line, so that an editor can mark them. A saved rule is run over
// the stored samples its author may see before the answer is sent; the
// answer says how many were scanned and matched.
#include "catalog/yara_rules.hpp"
#include "server/api/json_io.hpp"
#include "server/api/routes.hpp"
#include "server/api/sample_json.hpp"
#include "server/app.hpp"

namespace ts::server::api {
namespace {

Result<catalog::YaraRuleInput> ReadInput(const Request& req) {
  auto body = ParseObject(req, {"name", "text", "level"});
  if (!body) return body.error();
  catalog::YaraRuleInput in;
  for (auto [name, dst] :
       {std::pair{"name", &in.name}, std::pair{"text", &in.text}, std::pair{"level", &in.level}}) {
    auto v = StringField(*body, name);
    if (!v) return v.error();
    *dst = *v;
  }
  return in;
}

// 422 with the compiler's diagnostics when the text did not compile.
Response SaveError(const Error& error, const std::vector<catalog::YaraDiagnostic>& diagnostics) {
  bool compile_error = false;
  for (const auto& d : diagnostics) compile_error |= !d.warning;
  if (!compile_error) return ErrorResponse(error);
  json e = {{"code", CodeName(error.code)},
            {"message", error.message},
            {"field", "text"},
            {"diagnostics", YaraDiagnosticsJson(diagnostics)}};
  return JsonResponse({{"error", e}}, 422);
}

Response Saved(const catalog::YaraSaved& saved,
               const std::vector<catalog::YaraDiagnostic>& diagnostics, int status) {
  json j = YaraRuleJson(saved.rule);
  j["diagnostics"] = YaraDiagnosticsJson(diagnostics);  // warnings only here
  j["rescan"] = {{"scanned", saved.samples_scanned}, {"matched", saved.samples_matched}};
  return JsonResponse(j, status);
}

Result<Response> Create(Context& ctx) {
  auto in = ReadInput(ctx.request);
  if (!in) return in.error();
  auto blobs = store::BlobStore::Open(ctx.app.config().data_dir);
  if (!blobs) return blobs.error();
  std::vector<catalog::YaraDiagnostic> diagnostics;
  auto saved = catalog::CreateYaraRule(ctx.gate, *blobs, *in, &diagnostics);
  if (!saved) return SaveError(saved.error(), diagnostics);
  return Saved(*saved, diagnostics, 201);
}

Result<Response> Update(Context& ctx) {
  auto in = ReadInput(ctx.request);
  if (!in) return in.error();
  auto blobs = store::BlobStore::Open(ctx.app.config().data_dir);
  if (!blobs) return blobs.error();
  std::vector<catalog::YaraDiagnostic> diagnostics;
  auto saved = catalog::UpdateYaraRule(ctx.gate, *blobs, ctx.Param("id"), *in, &diagnostics);
  if (!saved) return SaveError(saved.error(), diagnostics);
  return Saved(*saved, diagnostics, 200);
}

}  // namespace

void AddYaraRoutes(Router& router) {
  const RouteOptions public_read{.anonymous = Anonymous::kIfAnonymousRead};
  router.Add(
      "GET", "/api/v1/yara-rules",
      [](Context& ctx) -> Result<Response> {
        auto rules = ctx.gate.ListYaraRules();
        if (!rules) return rules.error();
        json items = json::array();
        for (const auto& r : *rules) items.push_back(YaraRuleJson(r));
        return JsonResponse({{"items", items}, {"total", items.size()}});
      },
      public_read);
  router.Add("POST", "/api/v1/yara-rules", Create);
  router.Add(
      "GET", "/api/v1/yara-rules/{id}",
      [](Context& ctx) -> Result<Response> {
        auto rule = ctx.gate.GetYaraRule(ctx.Param("id"));
        if (!rule) return rule.error();
        return JsonResponse(YaraRuleJson(*rule));
      },
      public_read);
  router.Add("PUT", "/api/v1/yara-rules/{id}", Update);
  router.Add("DELETE", "/api/v1/yara-rules/{id}", [](Context& ctx) -> Result<Response> {
    TS_TRY(catalog::DeleteYaraRule(ctx.gate, ctx.Param("id")));
    return NoContent();
  });
}

}  // namespace ts::server::api
