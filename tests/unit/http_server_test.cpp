#include "server/http_server.hpp"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <stdlib.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <nlohmann/json.hpp>

namespace ts::server {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
namespace ssl = net::ssl;
namespace fs = std::filesystem;
using tcp = net::ip::tcp;
using nlohmann::json;
using ::testing::HasSubstr;
using namespace std::chrono_literals;

constexpr std::string_view kCsp =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

// Echoes the request as JSON; a few paths exercise special behaviour.
Response TestHandler(Request& req) {
  Response res;
  if (req.path == "/throw") throw std::runtime_error("boom");
  if (req.path == "/frame") res.SetHeader("X-Frame-Options", "SAMEORIGIN");
  if (req.path == "/inject") res.SetHeader("X-Bad", "a\r\nSet-Cookie: stolen=1");
  if (req.path == "/no-content") {
    res.status = 204;
    return res;
  }
  json query = json::array();
  for (const auto& [key, value] : req.query) query.push_back({key, value});
  res.body = json{
      {"method", req.method},
      {"target", req.target},
      {"path", req.path},
      {"query", query},
      {"body", req.body},
      {"remote", req.remote_address},
      {"tls", req.tls},
      {"x_test", req.Header("x-test")},
      {"x_test_upper", req.Header("X-Test")},
      {"first_x", req.Query("x")},
      {"session", req.Cookie("session")},
      {"header_names", [&] {
         json names = json::array();
         for (const auto& header : req.headers) names.push_back(header.first);
         return names;
       }()}}.dump();
  return res;
}

// A client on its own io_context whose reads time out, so that a server
// that fails to answer or to close makes the test fail instead of hang.
template <class Stream>
class Client {
 public:
  using Response = http::response<http::string_body>;

  template <class... Args>
  explicit Client(uint16_t port, Args&... args) : stream_(ioc_, args...) {
    beast::get_lowest_layer(stream_).connect(
        tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
  }

  Stream& stream() { return stream_; }
  net::io_context& ioc() { return ioc_; }

  void Write(std::string_view raw) {
    beast::error_code result;
    net::async_write(stream_, net::buffer(raw),
                     [&](beast::error_code ec, std::size_t) { result = ec; });
    Run();
    ASSERT_FALSE(result) << result.message();
  }

  // Reads one response; `head` for the answer to a HEAD request.
  beast::error_code Read(Response& res, bool head = false) {
    http::response_parser<http::string_body> parser;
    parser.skip(head);
    beast::error_code result;
    http::async_read(stream_, buffer_, parser,
                     [&](beast::error_code ec, std::size_t) { result = ec; });
    Run();
    res = parser.release();
    return result;
  }

  Response Exchange(std::string_view raw) {
    Write(raw);
    Response res;
    beast::error_code ec = Read(res);
    EXPECT_FALSE(ec) << ec.message();
    return res;
  }

  // True when the server closes the connection (no further bytes arrive).
  bool ClosedByServer() {
    if (buffer_.size() != 0) return false;
    char byte;
    beast::error_code result;
    stream_.async_read_some(net::buffer(&byte, 1),
                            [&](beast::error_code ec, std::size_t) { result = ec; });
    Run();
    return result == net::error::eof || result == net::error::connection_reset ||
           result == ssl::error::stream_truncated;
  }

  void Run() {
    beast::get_lowest_layer(stream_).expires_after(10s);
    ioc_.restart();
    ioc_.run();
  }

 private:
  net::io_context ioc_;
  Stream stream_;
  beast::flat_buffer buffer_;
};

using PlainClient = Client<beast::tcp_stream>;

class HttpServerTest : public ::testing::Test {
 protected:
  void StartServer(ServerOptions options = {}, Handler handler = TestHandler) {
    options.address = "127.0.0.1";
    options.port = 0;
    options.threads = 2;
    server_ = std::make_unique<HttpServer>(std::move(options), std::move(handler));
    Status started = server_->Start();
    ASSERT_TRUE(started.ok()) << started.error().message;
    ASSERT_NE(server_->port(), 0);
  }

  std::unique_ptr<HttpServer> server_;
};

json ErrorBody(std::string_view code, std::string_view message) {
  return json{{"error", {{"code", code}, {"message", message}}}};
}

TEST_F(HttpServerTest, EchoesMethodPathQueryAndBody) {
  StartServer();
  PlainClient client(server_->port());
  auto res = client.Exchange(
      "POST /echo/a%20b%2Fc+d?x=1+2&y=%26z%3D&flag&&x=3&e%C3%A9=%C3%A9 HTTP/1.1\r\n"
      "Host: localhost\r\nX-Test: Value\r\nCookie: a=1; session=abc; b=2\r\n"
      "Content-Length: 5\r\n\r\nhello");
  ASSERT_EQ(res.result_int(), 200);
  EXPECT_EQ(res[http::field::content_type], "application/json");
  json body = json::parse(res.body());
  EXPECT_EQ(body["method"], "POST");
  EXPECT_EQ(body["target"], "/echo/a%20b%2Fc+d?x=1+2&y=%26z%3D&flag&&x=3&e%C3%A9=%C3%A9");
  // '+' is a space only in the query.
  EXPECT_EQ(body["path"], "/echo/a b/c+d");
  EXPECT_EQ(body["query"], json::parse(R"([["e\u00e9","\u00e9"],["flag",""],["x","1 2"],)"
                                       R"(["x","3"],["y","&z="]])"));
  EXPECT_EQ(body["first_x"], "1 2");
  EXPECT_EQ(body["body"], "hello");
  EXPECT_EQ(body["remote"], "127.0.0.1");
  EXPECT_EQ(body["tls"], false);
  EXPECT_EQ(body["x_test"], "Value");
  EXPECT_EQ(body["x_test_upper"], "Value");
  EXPECT_EQ(body["session"], "abc");
  EXPECT_EQ(body["header_names"], json::parse(R"(["host","x-test","cookie","content-length"])"));
}

TEST_F(HttpServerTest, AcceptsAbsoluteFormTarget) {
  StartServer();
  PlainClient client(server_->port());
  auto res = client.Exchange("GET http://localhost/a%2Fb?q=1 HTTP/1.1\r\nHost: localhost\r\n\r\n");
  ASSERT_EQ(res.result_int(), 200);
  json body = json::parse(res.body());
  EXPECT_EQ(body["path"], "/a/b");
  EXPECT_EQ(body["first_x"], "");
}

TEST_F(HttpServerTest, KeepAliveServesTwoRequestsOnOneConnection) {
  StartServer();
  PlainClient client(server_->port());
  auto first = client.Exchange("GET /one HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(json::parse(first.body())["path"], "/one");
  EXPECT_TRUE(first.keep_alive());
  auto second = client.Exchange("GET /two HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(json::parse(second.body())["path"], "/two");

  // Pipelined: both requests in one write, answered in order.
  client.Write(
      "GET /three HTTP/1.1\r\nHost: x\r\n\r\n"
      "POST /four HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nhi");
  PlainClient::Response third, fourth;
  ASSERT_FALSE(client.Read(third));
  ASSERT_FALSE(client.Read(fourth));
  EXPECT_EQ(json::parse(third.body())["path"], "/three");
  EXPECT_EQ(json::parse(fourth.body())["body"], "hi");
}

TEST_F(HttpServerTest, ConnectionCloseIsHonoured) {
  StartServer();
  PlainClient client(server_->port());
  auto res = client.Exchange("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(res.result_int(), 200);
  EXPECT_FALSE(res.keep_alive());
  EXPECT_TRUE(client.ClosedByServer());
}

TEST_F(HttpServerTest, Http10ClosesUnlessKeepAliveAsked) {
  StartServer();
  {
    PlainClient client(server_->port());
    auto res = client.Exchange("GET /old HTTP/1.0\r\n\r\n");
    EXPECT_EQ(res.version(), 10);
    EXPECT_EQ(json::parse(res.body())["path"], "/old");
    EXPECT_TRUE(client.ClosedByServer());
  }
  PlainClient client(server_->port());
  auto res = client.Exchange("GET /a HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
  EXPECT_TRUE(res.keep_alive());
  auto again = client.Exchange("GET /b HTTP/1.0\r\n\r\n");
  EXPECT_EQ(json::parse(again.body())["path"], "/b");
  EXPECT_TRUE(client.ClosedByServer());
}

TEST_F(HttpServerTest, OversizedBodyGets413AndClose) {
  ServerOptions options;
  options.max_body_bytes = 16;
  StartServer(options);
  const json expected = ErrorBody("too_large", "request body exceeds the limit of 16 bytes");
  {
    PlainClient client(server_->port());
    auto res = client.Exchange(
        "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n0123456789012345678901234");
    EXPECT_EQ(res.result_int(), 413);
    EXPECT_EQ(json::parse(res.body()), expected);
    EXPECT_FALSE(res.keep_alive());
    EXPECT_TRUE(client.ClosedByServer());
  }
  {
    // Chunked: the size is only known while reading.
    PlainClient client(server_->port());
    auto res = client.Exchange(
        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
        "a\r\n0123456789\r\na\r\n0123456789\r\n0\r\n\r\n");
    EXPECT_EQ(res.result_int(), 413);
    EXPECT_EQ(json::parse(res.body()), expected);
    EXPECT_TRUE(client.ClosedByServer());
  }
  // At the limit is fine.
  PlainClient client(server_->port());
  auto res =
      client.Exchange("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 16\r\n\r\n0123456789abcdef");
  EXPECT_EQ(res.result_int(), 200);
}

TEST_F(HttpServerTest, OversizedHeaderGets431) {
  ServerOptions options;
  options.max_header_bytes = 1024;
  StartServer(options);
  PlainClient client(server_->port());
  auto res =
      client.Exchange("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(2000, 'a') + "\r\n\r\n");
  EXPECT_EQ(res.result_int(), 431);
  EXPECT_EQ(json::parse(res.body())["error"]["code"], "too_large");
  EXPECT_TRUE(client.ClosedByServer());
}

TEST_F(HttpServerTest, GarbageRequestGets400) {
  StartServer();
  for (std::string_view garbage :
       {"GARBAGE\r\n\r\n", "GET / HTTP/9.9\r\n\r\n", "G@T / HTTP/1.1\r\n\r\n",
        "GET / HTTP/1.1\r\nBad Header\r\n\r\n"}) {
    PlainClient client(server_->port());
    auto res = client.Exchange(garbage);
    EXPECT_EQ(res.result_int(), 400) << garbage;
    json body = json::parse(res.body());
    EXPECT_EQ(body["error"]["code"], "invalid") << garbage;
    EXPECT_THAT(body["error"]["message"].get<std::string>(), HasSubstr("malformed HTTP request"));
    EXPECT_TRUE(client.ClosedByServer()) << garbage;
  }
}

TEST_F(HttpServerTest, BadPercentEncodingGets400) {
  StartServer();
  for (std::string_view target : {"/a%zz", "/a%4", "/a%", "/a%00b", "/ok?q=%g1", "/ok?q=%00"}) {
    PlainClient client(server_->port());
    auto res = client.Exchange("GET " + std::string(target) + " HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_EQ(res.result_int(), 400) << target;
    EXPECT_EQ(json::parse(res.body())["error"]["code"], "invalid") << target;
  }
}

TEST_F(HttpServerTest, AddsSecurityHeadersAndContentLength) {
  StartServer();
  PlainClient client(server_->port());
  auto res = client.Exchange("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(res["X-Content-Type-Options"], "nosniff");
  EXPECT_EQ(res["Referrer-Policy"], "no-referrer");
  EXPECT_EQ(res["X-Frame-Options"], "DENY");
  EXPECT_EQ(res["Content-Security-Policy"], kCsp);
  EXPECT_EQ(res[http::field::content_length], std::to_string(res.body().size()));
  EXPECT_EQ(res.count(http::field::server), 0u);
  EXPECT_EQ(res.count(http::field::strict_transport_security), 0u);

  // A header the handler set wins over the default.
  auto framed = client.Exchange("GET /frame HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(framed.count("X-Frame-Options"), 1u);
  EXPECT_EQ(framed["X-Frame-Options"], "SAMEORIGIN");
}

TEST_F(HttpServerTest, DropsHeadersWithLineBreaks) {
  StartServer();
  PlainClient client(server_->port());
  auto res = client.Exchange("GET /inject HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(res.result_int(), 200);
  EXPECT_EQ(res.count("X-Bad"), 0u);
  EXPECT_EQ(res.count(http::field::set_cookie), 0u);
}

TEST_F(HttpServerTest, HandlerExceptionGives500) {
  StartServer();
  PlainClient client(server_->port());
  auto res = client.Exchange("GET /throw HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(res.result_int(), 500);
  EXPECT_EQ(json::parse(res.body()), ErrorBody("internal", "internal error"));
  EXPECT_EQ(res["X-Frame-Options"], "DENY");
  // The connection survives.
  auto next = client.Exchange("GET /after HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(next.result_int(), 200);
}

TEST_F(HttpServerTest, HeadSendsHeadersWithoutBody) {
  StartServer();
  PlainClient client(server_->port());
  auto get = client.Exchange("GET /page HTTP/1.1\r\nHost: x\r\n\r\n");
  std::string get_body = get.body();
  // HEAD's reported length is the one GET would send (the target differs
  // only in the method echoed, "HEAD" vs "GET", hence +1).
  client.Write("HEAD /page HTTP/1.1\r\nHost: x\r\n\r\nGET /next HTTP/1.1\r\nHost: x\r\n\r\n");
  PlainClient::Response head, next;
  ASSERT_FALSE(client.Read(head, true));
  EXPECT_EQ(head.result_int(), 200);
  EXPECT_EQ(head[http::field::content_length], std::to_string(get_body.size() + 1));
  EXPECT_EQ(head["X-Content-Type-Options"], "nosniff");
  EXPECT_TRUE(head.body().empty());
  // Had the server sent a body after the HEAD headers, this would not parse
  // as the next response.
  ASSERT_FALSE(client.Read(next));
  EXPECT_EQ(json::parse(next.body())["path"], "/next");
}

TEST_F(HttpServerTest, NoContentHasNoLengthOrBody) {
  StartServer();
  PlainClient client(server_->port());
  auto res = client.Exchange("GET /no-content HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(res.result_int(), 204);
  EXPECT_EQ(res.count(http::field::content_length), 0u);
  auto next = client.Exchange("GET /next HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(next.result_int(), 200);
}

TEST_F(HttpServerTest, AnswersExpectContinue) {
  StartServer();
  PlainClient client(server_->port());
  client.Write("PUT /up HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n");
  PlainClient::Response interim;
  ASSERT_FALSE(client.Read(interim));
  EXPECT_EQ(interim.result_int(), 100);
  auto res = client.Exchange("data");
  EXPECT_EQ(res.result_int(), 200);
  EXPECT_EQ(json::parse(res.body())["body"], "data");
}

TEST_F(HttpServerTest, ReadAndKeepAliveTimeoutsCloseConnections) {
  ServerOptions options;
  options.read_timeout = 1s;
  options.keep_alive_timeout = 1s;
  StartServer(options);
  auto start = std::chrono::steady_clock::now();
  PlainClient stalled(server_->port());
  stalled.Write("GET / HTTP/1.1\r\nHost: x\r\n");  // never finished
  EXPECT_TRUE(stalled.ClosedByServer());

  PlainClient idle(server_->port());
  auto res = idle.Exchange("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(res.result_int(), 200);
  EXPECT_TRUE(idle.ClosedByServer());
  EXPECT_LT(std::chrono::steady_clock::now() - start, 8s);
}

TEST_F(HttpServerTest, BindFailureNamesTheAddress) {
  StartServer();
  ServerOptions options;
  options.address = "127.0.0.1";
  options.port = server_->port();
  HttpServer second(options, TestHandler);
  Status status = second.Start();
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, Code::kInternal);
  EXPECT_EQ(
      status.error().message,
      "cannot listen on 127.0.0.1:" + std::to_string(server_->port()) + ": Address already in use");
}

TEST_F(HttpServerTest, ListensOnIpv6Loopback) {
  ServerOptions options;
  options.address = "::1";
  options.port = 0;
  options.threads = 1;
  HttpServer server(options, TestHandler);
  if (!server.Start().ok()) GTEST_SKIP() << "no IPv6 loopback here";
  net::io_context ioc;
  beast::tcp_stream stream(ioc);
  stream.connect(tcp::endpoint(net::ip::make_address("::1"), server.port()));
  http::request<http::empty_body> req{http::verb::get, "/", 11};
  http::write(stream, req);
  beast::flat_buffer buffer;
  http::response<http::string_body> res;
  http::read(stream, buffer, res);
  EXPECT_EQ(json::parse(res.body())["remote"], "::1");
}

TEST_F(HttpServerTest, StopUnblocksWaitClosesConnectionsAndIsIdempotent) {
  StartServer();
  PlainClient client(server_->port());
  auto res = client.Exchange("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_TRUE(res.keep_alive());

  std::thread waiter([this] { server_->WaitForShutdownSignal(); });
  std::this_thread::sleep_for(100ms);
  server_->Stop();
  waiter.join();
  server_->Stop();
  EXPECT_TRUE(client.ClosedByServer());

  beast::error_code ec;
  net::io_context ioc;
  tcp::socket socket(ioc);
  socket.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), server_->port()), ec);
  EXPECT_TRUE(ec) << "still accepting after Stop()";
}

// --- TLS -------------------------------------------------------------------

struct PkeyFree {
  void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};
struct X509Free {
  void operator()(X509* p) const { X509_free(p); }
};

// Writes a fresh self-signed P-256 certificate and key as PEM files.
void WriteSelfSigned(const fs::path& cert_file, const fs::path& key_file) {
  std::unique_ptr<EVP_PKEY, PkeyFree> key(EVP_EC_gen("P-256"));
  ASSERT_TRUE(key);
  std::unique_ptr<X509, X509Free> cert(X509_new());
  ASSERT_TRUE(cert);
  ASSERT_EQ(X509_set_version(cert.get(), 2), 1);
  ASSERT_EQ(ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), 1), 1);
  ASSERT_TRUE(X509_gmtime_adj(X509_getm_notBefore(cert.get()), -60));
  ASSERT_TRUE(X509_gmtime_adj(X509_getm_notAfter(cert.get()), 3600));
  ASSERT_EQ(X509_set_pubkey(cert.get(), key.get()), 1);
  X509_NAME* name = X509_get_subject_name(cert.get());
  ASSERT_EQ(
      X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                                 reinterpret_cast<const unsigned char*>("localhost"), -1, -1, 0),
      1);
  ASSERT_EQ(X509_set_issuer_name(cert.get(), name), 1);
  ASSERT_GT(X509_sign(cert.get(), key.get(), EVP_sha256()), 0);

  std::unique_ptr<FILE, int (*)(FILE*)> cert_out(std::fopen(cert_file.c_str(), "w"), &std::fclose);
  ASSERT_TRUE(cert_out);
  ASSERT_EQ(PEM_write_X509(cert_out.get(), cert.get()), 1);
  std::unique_ptr<FILE, int (*)(FILE*)> key_out(std::fopen(key_file.c_str(), "w"), &std::fclose);
  ASSERT_TRUE(key_out);
  ASSERT_EQ(PEM_write_PrivateKey(key_out.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr),
            1);
}

class HttpServerTlsTest : public HttpServerTest {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "ts-tls-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    WriteSelfSigned(dir_ / "cert.pem", dir_ / "key.pem");
  }
  void TearDown() override {
    server_.reset();
    fs::remove_all(dir_);
  }
  ServerOptions TlsOptions() {
    ServerOptions options;
    options.tls = TlsFiles{(dir_ / "cert.pem").string(), (dir_ / "key.pem").string()};
    return options;
  }

  fs::path dir_;
};

TEST_F(HttpServerTlsTest, ServesOverTlsWithHsts) {
  StartServer(TlsOptions());
  ssl::context context(ssl::context::tls_client);
  context.set_verify_mode(ssl::verify_none);
  Client<beast::ssl_stream<beast::tcp_stream>> client(server_->port(), context);
  beast::error_code handshake_ec;
  client.stream().async_handshake(ssl::stream_base::client,
                                  [&](beast::error_code ec) { handshake_ec = ec; });
  client.Run();
  ASSERT_FALSE(handshake_ec) << handshake_ec.message();
  EXPECT_GE(SSL_version(client.stream().native_handle()), TLS1_2_VERSION);

  auto res = client.Exchange("GET /secure?x=1 HTTP/1.1\r\nHost: localhost\r\n\r\n");
  EXPECT_EQ(res.result_int(), 200);
  EXPECT_EQ(res[http::field::strict_transport_security], "max-age=31536000");
  EXPECT_EQ(res["X-Frame-Options"], "DENY");
  json body = json::parse(res.body());
  EXPECT_EQ(body["tls"], true);
  EXPECT_EQ(body["path"], "/secure");
  // Keep-alive works over TLS too.
  auto again = client.Exchange("GET /again HTTP/1.1\r\nHost: localhost\r\n\r\n");
  EXPECT_EQ(json::parse(again.body())["path"], "/again");
}

TEST_F(HttpServerTlsTest, PlainHttpToTlsPortIsDropped) {
  StartServer(TlsOptions());
  PlainClient client(server_->port());
  client.Write("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
  PlainClient::Response res;
  EXPECT_TRUE(client.Read(res));
}

TEST_F(HttpServerTlsTest, MissingFilesAreNamed) {
  ServerOptions options = TlsOptions();
  options.tls->certificate_chain_file = (dir_ / "nope.pem").string();
  HttpServer server(options, TestHandler);
  Status status = server.Start();
  ASSERT_FALSE(status.ok());
  EXPECT_THAT(status.error().message, HasSubstr((dir_ / "nope.pem").string()));

  options = TlsOptions();
  options.tls->private_key_file = (dir_ / "cert.pem").string();  // not a key
  HttpServer wrong_key(options, TestHandler);
  status = wrong_key.Start();
  ASSERT_FALSE(status.ok());
  EXPECT_THAT(status.error().message, HasSubstr("private key " + (dir_ / "cert.pem").string()));
}

}  // namespace
}  // namespace ts::server
