// Maps a method and a path to a handler. Patterns are literal segments and
// `{name}` placeholders ("/api/v1/events/{id}"); the pattern doubles as the
// route label in metrics so that ids never become label values.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "access/gate.hpp"
#include "server/http.hpp"
#include "util/result.hpp"

namespace ts::server {

class App;

// Everything a handler gets: the request, the viewer's gate, the path
// parameters and the application's services.
struct Context {
  Request& request;
  access::Gate& gate;
  std::map<std::string, std::string> params;
  App& app;
  std::string csrf_token;  // of the current browser session, if any

  const std::string& Param(const std::string& name) const { return params.at(name); }
};

using RouteHandler = std::function<Result<Response>(Context&)>;

// Who may call a route without logging in.
enum class Anonymous {
  kNever,            // 401 without credentials
  kIfAnonymousRead,  // reads of WHITE items, when the instance allows it
  kAlways,           // login, health check
};

struct RouteOptions {
  Anonymous anonymous = Anonymous::kNever;
  // Allowed before the current operating rules are accepted.
  bool before_rules = false;
  // The login itself: stale credentials are ignored and no CSRF token is
  // asked for, since there is no session yet.
  bool is_login = false;
  // Takes the body as it arrives (server/http.hpp BodySink), once the
  // request has passed every check a handler call would; the handler then
  // finds the sink in request.body_sink. nullptr: the body is buffered.
  std::function<std::shared_ptr<BodySink>(Context&)> open_body_sink = nullptr;
};

class Router {
 public:
  void Add(std::string method, std::string pattern, RouteHandler handler,
           RouteOptions options = {});

  struct Match {
    const RouteHandler* handler = nullptr;
    const std::string* pattern = nullptr;
    RouteOptions options;
    std::map<std::string, std::string> params;
    std::string allowed_methods;  // when the path matched but the method did not
  };
  Match Find(std::string_view method, std::string_view path) const;

 private:
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;
    RouteHandler handler;
    RouteOptions options;
  };
  std::vector<Route> routes_;
};

}  // namespace ts::server
