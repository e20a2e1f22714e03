#include "server/app.hpp"

#include <chrono>

#include <spdlog/spdlog.h>

#include "access/gate.hpp"
#include "catalog/rules.hpp"
#include "server/api/json_io.hpp"
#include "server/api/routes.hpp"
#include "server/auth/authenticator.hpp"
#include "server/static_files.hpp"
#include "util/crypto.hpp"
#include "util/time.hpp"

namespace ts::server {
namespace {

bool IsSafeMethod(std::string_view m) {
  return m == "GET" || m == "HEAD" || m == "OPTIONS";
}

bool IsApiPath(std::string_view path) {
  return path.starts_with("/api/") || path == "/api" || path == "/healthz" || path == "/metrics";
}

const std::string kStaticRoute = "static";
const std::string kUnknownRoute = "unmatched";

}  // namespace

void App::TouchKey(int64_t key_id, const std::string& last_used) {
  // Once a minute is precise enough for "last used" and spares a write per request.
  auto last = ParseTime(last_used);
  if (last && Now() - *last < std::chrono::minutes(1)) return;
  Status st = store_->Write([&](store::WriteTxn& txn) -> Status {
    txn.TouchApiKey(key_id, NowUtc());
    return {};
  });
  if (!st.ok()) spdlog::warn("cannot record API key use: {}", st.error().message);
}

App::App(Config config, std::unique_ptr<store::Store> store)
    : config_(std::move(config)),
      store_(std::move(store)),
      audit_log_(config_.data_dir / "audit.anchor"),
      login_throttle_(config_.login_max_failures,
                      std::chrono::seconds(config_.login_window_seconds)),
      key_limiter_(config_.key_rate_per_second, config_.key_rate_burst) {
  api::AddSessionRoutes(router_);
  api::AddRulesRoutes(router_);
  api::AddOrganisationRoutes(router_);
  api::AddUserRoutes(router_);
  api::AddEventRoutes(router_);
  api::AddIndicatorRoutes(router_);
  api::AddConsentRoutes(router_);
  api::AddAuditRoutes(router_);
  api::AddFollowUpRoutes(router_);
  api::AddSystemRoutes(router_);
  api::AddMailRoutes(router_);
  api::AddSampleRoutes(router_);
  api::AddYaraRoutes(router_);
  api::AddExchangeRoutes(router_);
  api::AddAttackRoutes(router_);
  api::AddExtractRoutes(router_);
}

Response App::Handle(Request& request) {
  auto start = std::chrono::steady_clock::now();
  const std::string* route = &kUnknownRoute;
  Response response;
  if (IsApiPath(request.path) || config_.web_root.empty()) {
    response = HandleApi(request, route);
  } else if (auto file = ServeStatic(config_.web_root, request)) {
    response = std::move(*file);
    route = &kStaticRoute;
  } else {
    response = api::ErrorResponse(Error::NotFound("page"));
  }
  std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
  metrics_.ObserveRequest(request.method, *route, response.status, elapsed.count());
  return response;
}

Response App::HandleApi(Request& request, const std::string*& route) {
  auto match = router_.Find(request.method, request.path);
  if (!match.handler) {
    if (!match.allowed_methods.empty()) {
      auto r = api::ErrorResponse(
          {Code::kMethodNotAllowed, request.method + " is not allowed here", {}});
      r.SetHeader("Allow", match.allowed_methods);
      return r;
    }
    return api::ErrorResponse(Error::NotFound("endpoint"));
  }
  route = match.pattern;
  // A request whose body went to a sink was counted when the sink opened.
  auto admitted = Admit(request, match, request.body_sink == nullptr);
  if (auto* refusal = std::get_if<Response>(&admitted)) return std::move(*refusal);
  auto& identity = std::get<auth::Identity>(admitted);
  access::Gate gate(*store_, audit_log_, identity.viewer, config_.anonymous_read);
  Context ctx{request, gate, std::move(match.params), *this, identity.csrf_token};
  try {
    auto result = (*match.handler)(ctx);
    if (!result) return api::ErrorResponse(result.error());
    return std::move(*result);
  } catch (const std::exception& e) {
    spdlog::error("{} {}: {}", request.method, request.path, e.what());
    return api::ErrorResponse(Error::Internal("internal error"));
  }
}

std::shared_ptr<BodySink> App::OpenBodySink(const Request& head) {
  if (!IsApiPath(head.path)) return nullptr;
  auto match = router_.Find(head.method, head.path);
  if (!match.handler || !match.options.open_body_sink) return nullptr;
  Request request = head;
  auto admitted = Admit(request, match, true);
  auto* identity = std::get_if<auth::Identity>(&admitted);
  // A refused request is refused again, with its answer, once its body is in.
  if (!identity) return nullptr;
  access::Gate gate(*store_, audit_log_, identity->viewer, config_.anonymous_read);
  Context ctx{request, gate, std::move(match.params), *this, identity->csrf_token};
  try {
    return match.options.open_body_sink(ctx);
  } catch (const std::exception& e) {
    spdlog::error("{} {}: {}", head.method, head.path, e.what());
    return nullptr;
  }
}

std::variant<auth::Identity, Response> App::Admit(Request& request, const Router::Match& match,
                                                  bool count_use) {
  auto identity = auth::Authenticate(*store_, request);
  // Stale credentials do not lock anyone out of the login or the health check.
  if (!identity && (match.options.is_login || match.options.anonymous == Anonymous::kAlways)) {
    auth::Identity anonymous;
    anonymous.viewer = access::Viewer::Anonymous(request.remote_address);
    identity = anonymous;
  }
  if (!identity) {
    auto r = api::ErrorResponse(identity.error());
    r.SetHeader("WWW-Authenticate", "Bearer");
    return r;
  }
  if (identity->api_key_id != 0 && count_use) {
    auto now = std::chrono::steady_clock::now();
    std::string key = "key:" + std::to_string(identity->api_key_id);
    if (!key_limiter_.Take(key, now)) {
      auto r = api::ErrorResponse(Error::RateLimited("too many requests with this API key"));
      r.SetHeader("Retry-After", std::to_string(key_limiter_.RetryAfterSeconds(key, now)));
      return r;
    }
    TouchKey(identity->api_key_id, identity->api_key_last_used);
  }
  if (identity->via_session && !IsSafeMethod(request.method) && !match.options.is_login &&
      !ConstantTimeEquals(request.Header(auth::kCsrfHeader), identity->csrf_token)) {
    return api::ErrorResponse(Error::Forbidden(
        "missing or wrong CSRF token: send the X-CSRF-Token header of your session"));
  }

  if (identity->viewer.kind == access::Viewer::Kind::kAnonymous &&
      (match.options.anonymous == Anonymous::kNever ||
       (match.options.anonymous == Anonymous::kIfAnonymousRead && !config_.anonymous_read))) {
    auto r = api::ErrorResponse(Error::Unauthenticated("log in or send an API key"));
    r.SetHeader("WWW-Authenticate", "Bearer");
    return r;
  }
  if (!match.options.before_rules) {
    access::Gate gate(*store_, audit_log_, identity->viewer, config_.anonymous_read);
    auto must = catalog::MustAcceptRules(gate);
    if (!must) return api::ErrorResponse(must.error());
    if (*must) return api::ErrorResponse(Error::RulesNotAccepted());
  }
  return *std::move(identity);
}

}  // namespace ts::server
