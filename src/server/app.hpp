// The portal as one request handler: authentication, CSRF, rate limits, the
// operating-rules gate, routing to the REST handlers, static files, metrics.
// Transport (server/http_server.hpp) calls Handle for every request.
#pragma once

#include <memory>
#include <variant>

#include "access/audit_log.hpp"
#include "server/auth/authenticator.hpp"
#include "server/auth/rate_limit.hpp"
#include "server/auth/throttle.hpp"
#include "server/config.hpp"
#include "server/http.hpp"
#include "server/metrics.hpp"
#include "server/router.hpp"
#include "store/store.hpp"

namespace ts::server {

class App {
 public:
  App(Config config, std::unique_ptr<store::Store> store);

  Response Handle(Request& request);
  // For ServerOptions::open_body_sink: the route's sink when it takes its
  // body as it arrives and the request would be admitted.
  std::shared_ptr<BodySink> OpenBodySink(const Request& head);

  const Config& config() const { return config_; }
  store::Store& store() { return *store_; }
  access::AuditLog& audit_log() { return audit_log_; }
  auth::LoginThrottle& login_throttle() { return login_throttle_; }
  Metrics& metrics() { return metrics_; }

 private:
  Response HandleApi(Request& request, const std::string*& route);
  // Authentication, rate limits, CSRF and the rules gate for a matched
  // route: the identity, or the refusal to send. `count_use` takes from the
  // API key's rate limit and records its use.
  std::variant<auth::Identity, Response> Admit(Request& request, const Router::Match& match,
                                               bool count_use);
  void TouchKey(int64_t key_id, const std::string& last_used);

  Config config_;
  std::unique_ptr<store::Store> store_;
  access::AuditLog audit_log_;
  auth::LoginThrottle login_throttle_;
  auth::RateLimiter key_limiter_;
  Metrics metrics_;
  Router router_;
};

}  // namespace ts::server
