#include "server/http_server.hpp"

#include <openssl/ssl.h>

#include <algorithm>
#include <cctype>
#include <condition_variable>
#include <csignal>
#include <cstdint>
#include <limits>
#include <mutex>
#include <thread>
#include <type_traits>
#include <vector>

#include <spdlog/spdlog.h>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <nlohmann/json.hpp>

#include "util/error.hpp"

namespace ts::server {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
namespace ssl = net::ssl;
using tcp = net::ip::tcp;

using PlainStream = beast::tcp_stream;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;

// After the last response of a connection we keep reading (and discarding)
// for a short while: closing a socket with unread input makes the kernel
// send a reset, which can destroy the response before the client reads it
// (typically a 413 sent while the client is still uploading).
constexpr std::chrono::seconds kLingerTimeout{2};
// Back-off after a failed accept (e.g. out of descriptors) so the loop
// does not spin.
constexpr std::chrono::milliseconds kAcceptRetryDelay{100};
constexpr std::size_t kReadChunk = 4096;

constexpr std::pair<std::string_view, std::string_view> kSecurityHeaders[] = {
    {"X-Content-Type-Options", "nosniff"},
    {"Referrer-Policy", "no-referrer"},
    {"X-Frame-Options", "DENY"},
    {"Content-Security-Policy",
     "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
     "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"},
};
constexpr std::string_view kHsts = "max-age=31536000";

Response ErrorResponse(Code code, std::string_view message) {
  Response res;
  res.status = HttpStatus(code);
  res.body = nlohmann::json{{"error", {{"code", CodeName(code)}, {"message", message}}}}.dump();
  return res;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Decodes %XX escapes ('+' too when `plus_is_space`, as in form encoding).
// Fails on a malformed escape and on NUL, which no later layer expects.
std::optional<std::string> PercentDecode(std::string_view in, bool plus_is_space) {
  std::string out;
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c == '%') {
      if (i + 2 >= in.size()) return std::nullopt;
      int hi = HexValue(in[i + 1]);
      int lo = HexValue(in[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      c = static_cast<char>(hi * 16 + lo);
      i += 2;
    } else if (c == '+' && plus_is_space) {
      c = ' ';
    }
    if (c == '\0') return std::nullopt;
    out.push_back(c);
  }
  return out;
}

// A string body whose bytes go to a BodySink instead once one is set.
struct SinkBody {
  struct value_type {
    std::string text;
    std::shared_ptr<BodySink> sink;
  };

  class reader {
   public:
    template <bool isRequest, class Fields>
    reader(http::header<isRequest, Fields>&, value_type& body) : body_(body) {}

    void init(const boost::optional<std::uint64_t>& length, beast::error_code& ec) {
      // The parser has already checked the length against the body limit.
      if (length && !body_.sink) body_.text.reserve(static_cast<std::size_t>(*length));
      ec = {};
    }

    template <class Buffers>
    std::size_t put(const Buffers& buffers, beast::error_code& ec) {
      std::size_t n = 0;
      for (auto b : beast::buffers_range_ref(buffers)) {
        std::string_view piece(static_cast<const char*>(b.data()), b.size());
        if (body_.sink)
          body_.sink->Write(piece);
        else
          body_.text.append(piece);
        n += piece.size();
      }
      ec = {};
      return n;
    }

    void finish(beast::error_code& ec) { ec = {}; }

   private:
    value_type& body_;
  };
};

bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && beast::iequals(s.substr(0, prefix.size()), prefix);
}

// Fills path and query from the request target. Returns an error message
// for the 400 answer, or nothing.
std::optional<std::string> ParseTarget(std::string_view target, Request& req) {
  std::size_t question = target.find('?');
  std::string_view path = target.substr(0, question);
  std::string_view query =
      question == std::string_view::npos ? std::string_view() : target.substr(question + 1);
  // Absolute form ("http://host/path") must be accepted from HTTP/1.1
  // clients; only the path matters here.
  for (std::string_view scheme : {"http://", "https://"}) {
    if (StartsWithIgnoreCase(path, scheme)) {
      path.remove_prefix(scheme.size());
      std::size_t slash = path.find('/');
      path = slash == std::string_view::npos ? std::string_view("/") : path.substr(slash);
      break;
    }
  }
  if (path.empty() || path.front() != '/') return "invalid request target";
  auto decoded = PercentDecode(path, false);
  if (!decoded) return "invalid percent-encoding in the request path";
  req.path = std::move(*decoded);

  while (!query.empty()) {
    std::size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.empty()) continue;
    std::size_t eq = pair.find('=');
    auto key = PercentDecode(pair.substr(0, eq), true);
    auto value = PercentDecode(
        eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1), true);
    if (!key || !value) return "invalid percent-encoding in the query string";
    req.query.emplace(std::move(*key), std::move(*value));
  }
  return std::nullopt;
}

bool IsTokenChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) ||
         std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

// Beast writes header fields verbatim, so a CR or LF from a handler would
// let it inject headers or a second response.
bool IsValidHeader(std::string_view name, std::string_view value) {
  return !name.empty() && std::all_of(name.begin(), name.end(), IsTokenChar) &&
         value.find_first_of(std::string_view("\r\n\0", 3)) == std::string_view::npos;
}

std::string PeerAddress(const tcp::socket& socket) {
  beast::error_code ec;
  auto endpoint = socket.remote_endpoint(ec);
  if (ec) return {};
  net::ip::address address = endpoint.address();
  // A dual-stack listener reports IPv4 peers as ::ffff:a.b.c.d.
  if (address.is_v6() && address.to_v6().is_v4_mapped()) {
    address = net::ip::make_address_v4(net::ip::v4_mapped, address.to_v6());
  }
  return address.to_string();
}

// One connection: reads requests one after another (which also serves
// pipelined requests in order), answers each through the Handler, and
// closes on errors, time-outs or when either side asks for it.
template <class Stream>
class Session : public std::enable_shared_from_this<Session<Stream>> {
 public:
  static constexpr bool kTls = std::is_same_v<Stream, TlsStream>;

  template <class... StreamArgs>
  Session(const ServerOptions& options, const Handler& handler, tcp::socket socket,
          StreamArgs&... stream_args)
      : options_(options),
        handler_(handler),
        remote_address_(PeerAddress(socket)),
        stream_(std::move(socket), stream_args...) {}

  void Start() {
    net::dispatch(stream_.get_executor(),
                  beast::bind_front_handler(&Session::OnStart, this->shared_from_this()));
  }

 private:
  beast::tcp_stream& Lowest() { return beast::get_lowest_layer(stream_); }

  void OnStart() {
    if constexpr (kTls) {
      Lowest().expires_after(options_.read_timeout);
      stream_.async_handshake(
          ssl::stream_base::server,
          beast::bind_front_handler(&Session::OnHandshake, this->shared_from_this()));
    } else {
      ReadRequest(false);
    }
  }

  void OnHandshake(beast::error_code ec) {
    if (ec) {
      spdlog::debug("TLS handshake with {} failed: {}", remote_address_, ec.message());
      Lowest().close();
      return;
    }
    ReadRequest(false);
  }

  // Between requests the connection may sit idle for the keep-alive
  // time-out; once a request has begun, the read time-out applies.
  void ReadRequest(bool idle) {
    parser_.emplace();
    // The largest limit of any route until the header says which route this is.
    body_limit_ = options_.max_body_bytes;
    for (const auto& r : options_.route_body_limits)
      body_limit_ = std::max(body_limit_, r.max_body_bytes);
    parser_->body_limit(body_limit_);
    parser_->header_limit(static_cast<std::uint32_t>(std::min<std::size_t>(
        options_.max_header_bytes, std::numeric_limits<std::uint32_t>::max())));
    if (idle && buffer_.size() == 0) {
      Lowest().expires_after(options_.keep_alive_timeout);
      stream_.async_read_some(
          buffer_.prepare(kReadChunk),
          beast::bind_front_handler(&Session::OnIdleRead, this->shared_from_this()));
      return;
    }
    ReadHeader();
  }

  void OnIdleRead(beast::error_code ec, std::size_t bytes) {
    buffer_.commit(bytes);
    if (ec) {
      Lowest().close();
      return;
    }
    ReadHeader();
  }

  void ReadHeader() {
    Lowest().expires_after(options_.read_timeout);
    http::async_read_header(
        stream_, buffer_, *parser_,
        beast::bind_front_handler(&Session::OnHeader, this->shared_from_this()));
  }

  void OnHeader(beast::error_code ec, std::size_t) {
    if (ec) {
      OnReadError(ec);
      return;
    }
    const auto& header = parser_->get();
    const RouteBodyLimit* route = RouteFor(header.method_string(), header.target());
    body_limit_ = route ? route->max_body_bytes : options_.max_body_bytes;
    body_timeout_ =
        route && route->body_timeout.count() > 0 ? route->body_timeout : options_.read_timeout;
    if (auto length = parser_->content_length(); length && *length > body_limit_) {
      OnReadError(http::error::body_limit);
      return;
    }
    parser_->body_limit(body_limit_);  // chunked bodies are counted as they arrive
    if (options_.open_body_sink && !parser_->is_done()) {
      Request req;
      if (!ReadHead(header, req)) parser_->get().body().sink = options_.open_body_sink(req);
    }
    // Clients that send "Expect: 100-continue" wait for this before the body.
    if (!parser_->is_done() && header.version() == 11 &&
        beast::iequals(header[http::field::expect], "100-continue")) {
      continue_.emplace(http::status::continue_, 11);
      Lowest().expires_after(options_.read_timeout);
      http::async_write(stream_, *continue_,
                        beast::bind_front_handler(&Session::OnContinue, this->shared_from_this()));
      return;
    }
    ReadBody();
  }

  void OnContinue(beast::error_code ec, std::size_t) {
    if (ec) {
      Lowest().close();
      return;
    }
    ReadBody();
  }

  void ReadBody() {
    Lowest().expires_after(body_timeout_);
    http::async_read(stream_, buffer_, *parser_,
                     beast::bind_front_handler(&Session::OnBody, this->shared_from_this()));
  }

  void OnBody(beast::error_code ec, std::size_t) {
    if (ec) {
      OnReadError(ec);
      return;
    }
    HandleRequest();
  }

  void OnReadError(beast::error_code ec) {
    if (ec == http::error::body_limit) {
      SendFinal(ErrorResponse(
          Code::kTooLarge, fmt::format("request body exceeds the limit of {} bytes", body_limit_)));
      return;
    }
    if (ec == http::error::header_limit) {
      // 431 is the precise status; the code stays one of the API's codes.
      Response res = ErrorResponse(
          Code::kTooLarge,
          fmt::format("request header exceeds the limit of {} bytes", options_.max_header_bytes));
      res.status = 431;
      SendFinal(std::move(res));
      return;
    }
    if (ec == http::error::end_of_stream) {
      Shutdown();
      return;
    }
    // Every other HTTP-category error is a syntax error in the request;
    // partial_message means the client went away mid-request.
    if (ec.category() == make_error_code(http::error::bad_method).category() &&
        ec != http::error::partial_message) {
      SendFinal(
          ErrorResponse(Code::kInvalid, fmt::format("malformed HTTP request: {}", ec.message())));
      return;
    }
    Lowest().close();
  }

  // The request as the application sees it, without its body; the message
  // of the error answer when the target cannot be read.
  std::optional<std::string> ReadHead(const http::request_header<>& message, Request& req) const {
    req.method = std::string(message.method_string());
    req.target = std::string(message.target());
    if (auto problem = ParseTarget(req.target, req)) return problem;
    req.headers.reserve(std::distance(message.begin(), message.end()));
    for (const auto& field : message) {
      std::string name(field.name_string());
      std::transform(name.begin(), name.end(), name.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      req.headers.emplace_back(std::move(name), std::string(field.value()));
    }
    req.remote_address = remote_address_;
    req.tls = kTls;
    return std::nullopt;
  }

  void HandleRequest() {
    auto message = parser_->release();
    const bool head = message.method() == http::verb::head;
    Request req;
    if (auto problem = ReadHead(message, req)) {
      Send(ErrorResponse(Code::kInvalid, *problem), false, head, message.version());
      return;
    }
    req.body = std::move(message.body().text);
    req.body_sink = std::move(message.body().sink);

    Response res;
    try {
      res = handler_(req);
    } catch (const std::exception& e) {
      spdlog::error("handler failed on {} {:?}: {}", req.method, req.path, e.what());
      res = ErrorResponse(Code::kInternal, "internal error");
    } catch (...) {
      spdlog::error("handler failed on {} {:?}: unknown exception", req.method, req.path);
      res = ErrorResponse(Code::kInternal, "internal error");
    }
    Send(std::move(res), message.keep_alive(), head, message.version());
  }

  // Answers a request that could not be read properly; the connection
  // state is unknown afterwards, so it is closed.
  void SendFinal(Response res) { Send(std::move(res), false, false, 11); }

  void Send(Response res, bool keep_alive, bool head, unsigned version) {
    if (res.status < 200 || res.status > 599) {
      spdlog::error("handler returned invalid status {}", res.status);
      res = ErrorResponse(Code::kInternal, "internal error");
    }
    response_ = {};
    response_.version(version);
    response_.result(static_cast<unsigned>(res.status));
    for (const auto& [name, value] : res.headers) {
      if (!IsValidHeader(name, value)) {
        spdlog::error("dropping response header {:?} with invalid characters", name);
        continue;
      }
      response_.insert(name, value);
    }
    if (!res.content_type.empty() && response_.count(http::field::content_type) == 0) {
      response_.set(http::field::content_type, res.content_type);
    }
    for (const auto& [name, value] : kSecurityHeaders) {
      if (response_.count(name) == 0) response_.set(name, value);
    }
    if (kTls && response_.count(http::field::strict_transport_security) == 0) {
      response_.set(http::field::strict_transport_security, kHsts);
    }
    // Framing belongs to the transport, not the handler.
    response_.erase(http::field::transfer_encoding);
    response_.erase(http::field::content_length);
    // RFC 9110 §8.6: these statuses carry neither a body nor its length.
    const bool bodyless = res.status == 204 || res.status == 304;
    if (!bodyless) {
      response_.content_length(res.body.size());
      if (!head) response_.body() = std::move(res.body);
    }
    response_.keep_alive(keep_alive);

    Lowest().expires_after(options_.read_timeout);
    http::async_write(
        stream_, response_,
        beast::bind_front_handler(&Session::OnWrite, this->shared_from_this(), keep_alive));
  }

  void OnWrite(bool keep_alive, beast::error_code ec, std::size_t) {
    if (ec) {
      Lowest().close();
      return;
    }
    if (!keep_alive) {
      Shutdown();
      return;
    }
    ReadRequest(true);
  }

  void Shutdown() {
    Lowest().expires_after(kLingerTimeout);
    if constexpr (kTls) {
      stream_.async_shutdown(
          [self = this->shared_from_this()](beast::error_code) { self->Lowest().close(); });
    } else {
      beast::error_code ec;
      Lowest().socket().shutdown(tcp::socket::shutdown_send, ec);
      Drain({}, 0);
    }
  }

  // Discards input until the client closes or the linger time-out expires.
  void Drain(beast::error_code ec, std::size_t) {
    buffer_.clear();
    if (ec) {
      Lowest().close();
      return;
    }
    stream_.async_read_some(buffer_.prepare(kReadChunk),
                            beast::bind_front_handler(&Session::Drain, this->shared_from_this()));
  }

  const RouteBodyLimit* RouteFor(std::string_view method, std::string_view target) const {
    std::string_view path = target.substr(0, target.find('?'));
    for (const auto& r : options_.route_body_limits)
      if (method == r.method && path == r.path) return &r;
    return nullptr;
  }

  const ServerOptions& options_;
  std::size_t body_limit_ = 0;  // of the request being read
  std::chrono::seconds body_timeout_{0};
  const Handler& handler_;
  const std::string remote_address_;
  Stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<SinkBody>> parser_;
  std::optional<http::response<http::empty_body>> continue_;
  http::response<http::string_body> response_;
};

std::string DisplayAddress(const std::string& address, uint16_t port) {
  if (address.find(':') != std::string::npos) return fmt::format("[{}]:{}", address, port);
  return fmt::format("{}:{}", address, port);
}

}  // namespace

struct HttpServer::Impl {
  ServerOptions options;
  Handler handler;

  std::optional<ssl::context> ssl_context;
  // The io_context owns every pending operation and so every session;
  // destroying it in Stop() closes the connections.
  std::optional<net::io_context> ioc;
  std::optional<tcp::acceptor> acceptor;
  std::optional<net::steady_timer> accept_retry;
  std::optional<net::signal_set> signals;
  std::vector<std::thread> threads;
  uint16_t port = 0;

  // Serialises Start() and Stop() so that a second Stop() returns only once
  // the first has finished.
  std::mutex lifecycle_mu;
  // Guards running, signalled and signals; `cv` wakes WaitForShutdownSignal.
  std::mutex mu;
  std::condition_variable cv;
  bool running = false;
  bool signalled = false;

  Status LoadTls() {
    const TlsFiles& files = *options.tls;
    ssl::context context(ssl::context::tls_server);
    context.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                        ssl::context::no_sslv3 | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 |
                        ssl::context::single_dh_use);
    if (SSL_CTX_set_min_proto_version(context.native_handle(), TLS1_2_VERSION) != 1) {
      return Error::Internal("cannot restrict TLS to version 1.2 and later");
    }
    beast::error_code ec;
    context.use_certificate_chain_file(files.certificate_chain_file, ec);
    if (ec) {
      return Error::Internal(fmt::format("cannot load TLS certificate chain {}: {}",
                                         files.certificate_chain_file, ec.message()));
    }
    context.use_private_key_file(files.private_key_file, ssl::context::pem, ec);
    if (ec) {
      return Error::Internal(
          fmt::format("cannot load TLS private key {}: {}", files.private_key_file, ec.message()));
    }
    ssl_context.emplace(std::move(context));
    return {};
  }

  Status Listen() {
    const std::string where = DisplayAddress(options.address, options.port);
    beast::error_code ec;
    tcp::resolver resolver(*ioc);
    auto endpoints = resolver.resolve(options.address, std::to_string(options.port),
                                      tcp::resolver::passive | tcp::resolver::numeric_service, ec);
    if (!ec && endpoints.empty()) ec = net::error::host_not_found;
    if (ec) return Error::Internal(fmt::format("cannot listen on {}: {}", where, ec.message()));
    tcp::endpoint endpoint = endpoints.begin()->endpoint();
    acceptor.emplace(*ioc);
    acceptor->open(endpoint.protocol(), ec);
    if (!ec) acceptor->set_option(net::socket_base::reuse_address(true), ec);
    if (!ec) acceptor->bind(endpoint, ec);
    if (!ec) acceptor->listen(net::socket_base::max_listen_connections, ec);
    if (ec) return Error::Internal(fmt::format("cannot listen on {}: {}", where, ec.message()));
    port = acceptor->local_endpoint().port();
    return {};
  }

  Status Start() {
    std::lock_guard lifecycle_lock(lifecycle_mu);
    {
      std::lock_guard lock(mu);
      if (running) return Error::Internal("the server is already running");
    }
    if (options.tls) TS_TRY(LoadTls());
    const int thread_count =
        options.threads > 0 ? options.threads
                            : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    ioc.emplace(thread_count);
    if (Status listening = Listen(); !listening) {
      acceptor.reset();
      ioc.reset();
      ssl_context.reset();
      return listening;
    }
    accept_retry.emplace(*ioc);
    {
      std::lock_guard lock(mu);
      running = true;
      signalled = false;
    }
    Accept();
    for (int i = 0; i < thread_count; ++i) threads.emplace_back([this] { RunLoop(); });
    spdlog::info("listening on {}{}", DisplayAddress(options.address, port),
                 ssl_context ? " (TLS)" : "");
    return {};
  }

  void RunLoop() {
    // A throwing completion handler must not take the whole server down.
    for (;;) {
      try {
        ioc->run();
        return;
      } catch (const std::exception& e) {
        spdlog::error("uncaught exception on an I/O thread: {}", e.what());
      }
    }
  }

  void Accept() {
    acceptor->async_accept(
        net::make_strand(*ioc), [this](beast::error_code ec, tcp::socket socket) {
          if (ec == net::error::operation_aborted) return;
          if (ec) {
            spdlog::warn("accept failed: {}", ec.message());
            accept_retry->expires_after(kAcceptRetryDelay);
            accept_retry->async_wait([this](beast::error_code wait_ec) {
              if (!wait_ec) Accept();
            });
            return;
          }
          beast::error_code ignored;
          // Responses go out in one write; Nagle would only delay them.
          socket.set_option(tcp::no_delay(true), ignored);
          if (ssl_context) {
            std::make_shared<Session<TlsStream>>(options, handler, std::move(socket), *ssl_context)
                ->Start();
          } else {
            std::make_shared<Session<PlainStream>>(options, handler, std::move(socket))->Start();
          }
          Accept();
        });
  }

  // Must not be called from a handler: it joins the I/O threads.
  void Stop() {
    std::lock_guard lifecycle_lock(lifecycle_mu);
    {
      std::lock_guard lock(mu);
      if (!running) return;
      running = false;
    }
    cv.notify_all();
    ioc->stop();
    for (auto& thread : threads) thread.join();
    threads.clear();
    {
      std::lock_guard lock(mu);
      signals.reset();
    }
    accept_retry.reset();
    acceptor.reset();
    ioc.reset();
    ssl_context.reset();
    spdlog::info("server stopped");
  }

  void WaitForShutdownSignal() {
    {
      std::unique_lock lock(mu);
      if (!running) return;
      signals.emplace(*ioc, SIGINT, SIGTERM);
      signals->async_wait([this](beast::error_code ec, int signal_number) {
        if (ec) return;
        spdlog::info("received signal {}, shutting down", signal_number);
        {
          std::lock_guard signal_lock(mu);
          signalled = true;
        }
        cv.notify_all();
      });
      cv.wait(lock, [this] { return signalled || !running; });
    }
    Stop();
  }
};

HttpServer::HttpServer(ServerOptions options, Handler handler) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  impl_->handler = std::move(handler);
}

HttpServer::~HttpServer() {
  Stop();
}

Status HttpServer::Start() {
  return impl_->Start();
}

uint16_t HttpServer::port() const {
  return impl_->port;
}

void HttpServer::Stop() {
  impl_->Stop();
}

void HttpServer::WaitForShutdownSignal() {
  impl_->WaitForShutdownSignal();
}

}  // namespace ts::server
