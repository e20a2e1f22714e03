// /api/v1/session: log in with e-mail and password (a session cookie and a
// CSRF token), see who you are, log out.
#include <chrono>

#include <nlohmann/json.hpp>

#include "access/user_viewer.hpp"
#include "catalog/organisations.hpp"
#include "catalog/rules.hpp"
#include "catalog/users.hpp"
#include "server/api/json_io.hpp"
#include "server/api/routes.hpp"
#include "server/app.hpp"
#include "server/auth/authenticator.hpp"
#include "util/crypto.hpp"
#include "util/password.hpp"
#include "util/time.hpp"

namespace ts::server::api {
namespace {

// A hash to verify against when the account does not exist, so that a
// wrong e-mail and a wrong password take the same time.
const std::string& DummyHash() {
  static const std::string hash = HashPassword("not a real password, only for timing").value();
  return hash;
}

std::string SessionCookie(const std::string& value, int max_age, bool secure) {
  std::string c = std::string(auth::kSessionCookie) + "=" + value +
                  "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age);
  if (secure) c += "; Secure";
  return c;
}

Result<json> WhoAmI(Context& ctx) {
  const auto& v = ctx.gate.viewer();
  if (!v.is_user()) return Error::Unauthenticated("not logged in");
  auto user = catalog::FindUser(ctx.gate, std::to_string(v.user_id));
  if (!user) return user.error();
  auto org = catalog::FindOrganisation(ctx.gate, std::to_string(v.org_id));
  if (!org) return org.error();
  auto must = catalog::MustAcceptRules(ctx.gate);
  if (!must) return must.error();
  json out = {{"user", ToJson(*user)},
              {"organisation", ToJson(*org)},
              {"must_accept_rules", *must},
              {"instance_admin", access::IsInstanceAdmin(v)}};
  if (!ctx.csrf_token.empty()) out["csrf_token"] = ctx.csrf_token;
  return out;
}

Result<Response> Login(Context& ctx) {
  auto body = ParseObject(ctx.request, {"email", "password"});
  if (!body) return body.error();
  auto email = StringField(*body, "email");
  if (!email) return email.error();
  auto password = StringField(*body, "password");
  if (!password) return password.error();
  if (!*email || !*password) return Error::Invalid("email and password are required");
  auto login = catalog::CanonicalLogin(**email);
  if (!login) return login.error();

  auto& throttle = ctx.app.login_throttle();
  auto now = std::chrono::steady_clock::now();
  const std::string account_key = "account:" + *login;
  const std::string address_key = "address:" + ctx.request.remote_address;
  auto wait =
      std::max(throttle.RetryAfter(account_key, now), throttle.RetryAfter(address_key, now));
  if (wait.count() > 0) {
    auto r = ErrorResponse(Error::RateLimited("too many failed logins; try again later"));
    r.SetHeader("Retry-After", std::to_string(wait.count()));
    return r;
  }

  std::optional<model::User> user;
  std::optional<std::string> hash;
  TS_TRY(ctx.app.store().Read([&](store::ReadTxn& txn) -> Status {
    user = txn.UserByEmail(*login);
    if (user) hash = txn.PasswordHash(user->id);
    return {};
  }));
  bool ok = VerifyPassword(hash ? *hash : DummyHash(), **password) && user && !user->disabled;
  if (!ok) {
    throttle.RecordFailure(account_key, now);
    throttle.RecordFailure(address_key, now);
    TS_TRY(ctx.gate.Write([&](store::WriteTxn&, access::Auditor& audit) -> Status {
      audit.Record("session.login_failed", "user", "", json{{"email", *login}}.dump());
      return {};
    }));
    return Error::Unauthenticated("wrong e-mail or password");
  }
  throttle.RecordSuccess(account_key);

  store::SessionRecord session;
  std::string token = RandomToken(32);
  session.token_hash = Sha256Hex(token);
  session.user_id = user->id;
  session.csrf_token = RandomToken(32);
  session.created = NowUtc();
  const int max_age = ctx.app.config().session_hours * 3600;
  session.expires = FormatUtc(Now() + std::chrono::seconds(max_age));

  access::Viewer viewer;
  TS_TRY(ctx.app.store().Read([&](store::ReadTxn& txn) -> Status {
    auto v = access::ViewerForUser(txn, *user, ctx.request.remote_address);
    if (!v) return v.error();
    viewer = *v;
    return {};
  }));
  access::Gate gate(ctx.app.store(), ctx.app.audit_log(), viewer, ctx.app.config().anonymous_read);
  TS_TRY(gate.Write([&](store::WriteTxn& txn, access::Auditor& audit) -> Status {
    txn.DeleteExpiredSessions(session.created);
    txn.InsertSession(session);
    audit.Record("session.login", "user", std::to_string(user->id));
    return {};
  }));
  Context inner{ctx.request, gate, {}, ctx.app, session.csrf_token};
  auto who = WhoAmI(inner);
  if (!who) return who.error();
  auto r = JsonResponse(*who, 201);
  r.SetHeader("Set-Cookie", SessionCookie(token, max_age, ctx.request.tls));
  return r;
}

Result<Response> Logout(Context& ctx) {
  const auto& v = ctx.gate.viewer();
  if (!v.is_user()) return Error::Unauthenticated("not logged in");
  auto cookie = ctx.request.Cookie(auth::kSessionCookie);
  if (!cookie.empty()) {
    TS_TRY(ctx.gate.Write([&](store::WriteTxn& txn, access::Auditor& audit) -> Status {
      txn.DeleteSession(Sha256Hex(cookie));
      audit.Record("session.logout", "user", std::to_string(v.user_id));
      return {};
    }));
  }
  auto r = NoContent();
  r.SetHeader("Set-Cookie", SessionCookie("", 0, ctx.request.tls));
  return r;
}

}  // namespace

void AddSessionRoutes(Router& router) {
  const RouteOptions before_rules{.before_rules = true};
  router.Add("POST", "/api/v1/session", Login,
             {.anonymous = Anonymous::kAlways, .before_rules = true, .is_login = true});
  router.Add(
      "GET", "/api/v1/session",
      [](Context& ctx) -> Result<Response> {
        auto who = WhoAmI(ctx);
        if (!who) return who.error();
        return JsonResponse(*who);
      },
      before_rules);
  router.Add("DELETE", "/api/v1/session", Logout, before_rules);
}

}  // namespace ts::server::api
