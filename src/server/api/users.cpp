// /api/v1/users and /api/v1/keys.

#include "catalog/users.hpp"
#include "server/api/json_io.hpp"
#include "server/api/routes.hpp"
#include "util/parse_number.hpp"

namespace ts::server::api {
namespace {

Result<int64_t> ParseId(std::string_view s, const char* what) {
  auto id = ParseNumber<int64_t>(s);
  if (!id || *id <= 0) return Error::NotFound(what);
  return *id;
}

Result<catalog::UserInput> ReadInput(const json& body) {
  catalog::UserInput in;
  auto org = IntField(body, "org_id");
  if (!org) return org.error();
  in.org_id = *org;
  for (auto [name, dst] :
       {std::pair{"email", &in.email}, std::pair{"display_name", &in.display_name},
        std::pair{"role", &in.role}}) {
    auto v = StringField(body, name);
    if (!v) return v.error();
    *dst = *v;
  }
  auto disabled = BoolField(body, "disabled");
  if (!disabled) return disabled.error();
  in.disabled = *disabled;
  return in;
}

// The user whose keys a request is about: ?user=ID, or the viewer.
Result<int64_t> KeyOwner(Context& ctx) {
  if (!ctx.gate.viewer().is_user()) return Error::Unauthenticated("log in to manage API keys");
  auto param = ctx.request.Query("user");
  if (param.empty()) return ctx.gate.viewer().user_id;
  return ParseId(param, "user");
}

}  // namespace

void AddUserRoutes(Router& router) {
  router.Add("GET", "/api/v1/users", [](Context& ctx) -> Result<Response> {
    std::optional<int64_t> org;
    if (auto p = ctx.request.Query("org"); !p.empty()) {
      auto id = ParseId(p, "organisation");
      if (!id) return id.error();
      org = *id;
    }
    auto users = catalog::ListUsers(ctx.gate, org);
    if (!users) return users.error();
    return JsonResponse({{"items", ToJsonArray(*users)}});
  });
  router.Add("POST", "/api/v1/users", [](Context& ctx) -> Result<Response> {
    auto body = ParseObject(ctx.request, {"org_id", "email", "display_name", "role", "password"});
    if (!body) return body.error();
    auto in = ReadInput(*body);
    if (!in) return in.error();
    auto password = StringField(*body, "password");
    if (!password) return password.error();
    if (!*password) return Error::Invalid("password is required", "password");
    if (!in->org_id) in->org_id = ctx.gate.viewer().org_id;
    auto user = catalog::CreateUser(ctx.gate, *in, **password);
    if (!user) return user.error();
    return JsonResponse(ToJson(*user), 201);
  });
  router.Add("GET", "/api/v1/users/{id}", [](Context& ctx) -> Result<Response> {
    auto id = ParseId(ctx.Param("id"), "user");
    if (!id) return id.error();
    auto user = catalog::FindUser(ctx.gate, std::to_string(*id));
    if (!user) return user.error();
    return JsonResponse(ToJson(*user));
  });
  router.Add("PATCH", "/api/v1/users/{id}", [](Context& ctx) -> Result<Response> {
    auto id = ParseId(ctx.Param("id"), "user");
    if (!id) return id.error();
    auto body = ParseObject(ctx.request, {"org_id", "display_name", "role", "disabled"});
    if (!body) return body.error();
    auto in = ReadInput(*body);
    if (!in) return in.error();
    auto user = catalog::UpdateUser(ctx.gate, *id, *in);
    if (!user) return user.error();
    return JsonResponse(ToJson(*user));
  });
  router.Add("POST", "/api/v1/users/{id}/password", [](Context& ctx) -> Result<Response> {
    auto id = ParseId(ctx.Param("id"), "user");
    if (!id) return id.error();
    auto body = ParseObject(ctx.request, {"password"});
    if (!body) return body.error();
    auto password = StringField(*body, "password");
    if (!password) return password.error();
    if (!*password) return Error::Invalid("password is required", "password");
    TS_TRY(catalog::ChangePassword(ctx.gate, *id, **password));
    return NoContent();
  });

  router.Add("GET", "/api/v1/keys", [](Context& ctx) -> Result<Response> {
    auto owner = KeyOwner(ctx);
    if (!owner) return owner.error();
    auto keys = catalog::ListApiKeys(ctx.gate, *owner);
    if (!keys) return keys.error();
    return JsonResponse({{"items", ToJsonArray(*keys)}});
  });
  router.Add("POST", "/api/v1/keys", [](Context& ctx) -> Result<Response> {
    auto owner = KeyOwner(ctx);
    if (!owner) return owner.error();
    auto body = ParseObject(ctx.request, {"name"});
    if (!body) return body.error();
    auto name = StringField(*body, "name");
    if (!name) return name.error();
    auto key = catalog::CreateApiKey(ctx.gate, *owner, name->value_or(""));
    if (!key) return key.error();
    json out = ToJson(key->key);
    out["key"] = key->secret;  // the only time it is shown
    return JsonResponse(out, 201);
  });
  router.Add("DELETE", "/api/v1/keys/{id}", [](Context& ctx) -> Result<Response> {
    auto owner = KeyOwner(ctx);
    if (!owner) return owner.error();
    auto id = ParseId(ctx.Param("id"), "API key");
    if (!id) return id.error();
    TS_TRY(catalog::RevokeApiKey(ctx.gate, *owner, *id));
    return NoContent();
  });
}

}  // namespace ts::server::api
