// An asynchronous HTTP/1.1 server (Boost.Beast) with optional TLS. It runs
// one I/O thread per configured thread, parses requests with size limits and
// time-outs, hands each complete request to the Handler on the I/O thread and
// writes back what it returns. Keep-alive and pipelining follow HTTP/1.1.
// Transport-level failures (body over the limit, header too large, malformed
// request line) are answered here with a JSON error body.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "server/http.hpp"
#include "util/result.hpp"

namespace ts::server {

struct TlsFiles {
  std::string certificate_chain_file;  // PEM
  std::string private_key_file;        // PEM
};

// A larger body limit for one route, e.g. sample uploads, and the time its
// body may take to arrive (0: read_timeout).
struct RouteBodyLimit {
  std::string method;  // "POST"
  std::string path;    // exact path, without the query
  std::size_t max_body_bytes = 0;
  std::chrono::seconds body_timeout{0};
};

// Called once a request's header is read, with everything but the body; a
// sink it returns receives the body as it arrives, and the handler then
// gets the request with `body_sink` set. nullptr: the body is buffered.
using BodySinkOpener = std::function<std::shared_ptr<BodySink>(const Request&)>;

struct ServerOptions {
  std::string address = "127.0.0.1";
  uint16_t port = 8443;  // 0 picks a free port; see HttpServer::port()
  int threads = 0;       // 0 means one per core
  std::size_t max_body_bytes = 16 * 1024 * 1024;
  std::size_t max_header_bytes = 16 * 1024;
  std::vector<RouteBodyLimit> route_body_limits;  // override max_body_bytes per route
  std::chrono::seconds read_timeout{30};
  std::chrono::seconds keep_alive_timeout{60};
  std::optional<TlsFiles> tls;
  BodySinkOpener open_body_sink;  // may be empty
};

using Handler = std::function<Response(Request&)>;

class HttpServer {
 public:
  HttpServer(ServerOptions options, Handler handler);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds, listens and starts the I/O threads. Errors name the address.
  Status Start();
  // The bound port (useful when options.port was 0). Valid after Start().
  uint16_t port() const;
  // Stops accepting, closes connections and joins the threads. Idempotent.
  void Stop();
  // Blocks until Stop() is called from another thread or a SIGINT/SIGTERM
  // arrives, then stops.
  void WaitForShutdownSignal();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ts::server
