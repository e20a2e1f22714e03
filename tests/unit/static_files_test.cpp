#include "server/static_files.hpp"

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "server/http_server.hpp"

namespace ts::server {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

void WriteFile(const fs::path& path, const std::string& content) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

std::string HeaderOf(const Response& res, std::string_view name) {
  for (const auto& [key, value] : res.headers) {
    if (key == name) return value;
  }
  return {};
}

Request Get(std::string path, std::string method = "GET") {
  Request req;
  req.method = std::move(method);
  req.target = path;
  req.path = std::move(path);
  return req;
}

// A temporary folder holding the web root `root/` and, beside it, a file
// that must never be reachable from it.
class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "ts-static-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    base_ = pattern;
    root_ = base_ / "root";
    WriteFile(base_ / "secret.txt", "top secret");
    WriteFile(root_ / "index.html", "<!doctype html><title>app</title>");
    WriteFile(root_ / "assets" / "app-abc123.js", "console.log('app');");
    WriteFile(root_ / ".env", "DOTFILE");
    fs::create_symlink(base_ / "secret.txt", root_ / "escape.txt");
    fs::create_symlink(root_ / "assets" / "app-abc123.js", root_ / "inner.js");
  }
  void TearDown() override { fs::remove_all(base_); }

  fs::path base_;
  fs::path root_;
};

TEST_F(StaticFilesTest, ServesIndexAtRootWithEtag) {
  auto res = ServeStatic(root_, Get("/"));
  ASSERT_TRUE(res.has_value());
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->body, "<!doctype html><title>app</title>");
  EXPECT_EQ(res->content_type, "text/html; charset=utf-8");
  EXPECT_EQ(HeaderOf(*res, "Cache-Control"), "no-cache");
  EXPECT_THAT(HeaderOf(*res, "ETag"), ::testing::MatchesRegex("\".+\""));
}

TEST_F(StaticFilesTest, AssetsAreImmutable) {
  auto res = ServeStatic(root_, Get("/assets/app-abc123.js"));
  ASSERT_TRUE(res.has_value());
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->body, "console.log('app');");
  EXPECT_EQ(res->content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(HeaderOf(*res, "Cache-Control"), "public, max-age=31536000, immutable");
}

TEST_F(StaticFilesTest, ContentTypesByExtension) {
  const std::pair<std::string, std::string> cases[] = {
      {"a.html", "text/html; charset=utf-8"},
      {"a.js", "text/javascript; charset=utf-8"},
      {"a.mjs", "text/javascript; charset=utf-8"},
      {"a.css", "text/css; charset=utf-8"},
      {"a.json", "application/json"},
      {"a.js.map", "application/json"},
      {"a.svg", "image/svg+xml"},
      {"a.png", "image/png"},
      {"a.ico", "image/x-icon"},
      {"a.woff2", "font/woff2"},
      {"a.txt", "text/plain; charset=utf-8"},
      {"a.webmanifest", "application/manifest+json"},
      {"A.PNG", "image/png"},
      {"a.bin", "application/octet-stream"},
  };
  for (const auto& [name, type] : cases) {
    WriteFile(root_ / name, "x");
    auto res = ServeStatic(root_, Get("/" + name));
    ASSERT_TRUE(res.has_value()) << name;
    EXPECT_EQ(res->status, 200) << name;
    EXPECT_EQ(res->content_type, type) << name;
  }
}

TEST_F(StaticFilesTest, PathsWithoutExtensionFallBackToIndex) {
  for (const char* path : {"/events/42", "/assets/", "/assets", "/settings/", "/.env"}) {
    auto res = ServeStatic(root_, Get(path));
    ASSERT_TRUE(res.has_value()) << path;
    EXPECT_EQ(res->status, 200) << path;
    EXPECT_EQ(res->body, "<!doctype html><title>app</title>") << path;
    EXPECT_EQ(HeaderOf(*res, "Cache-Control"), "no-cache") << path;
  }
}

TEST_F(StaticFilesTest, MissingFileWithExtensionIs404) {
  auto res = ServeStatic(root_, Get("/assets/app-def456.js"));
  ASSERT_TRUE(res.has_value());
  EXPECT_EQ(res->status, 404);
  EXPECT_EQ(res->body, R"({"error":{"code":"not_found","message":"file not found"}})");
}

TEST_F(StaticFilesTest, LeavesApiAndOtherMethodsToTheRouter) {
  WriteFile(root_ / "api" / "v1" / "events.json", "shadow");
  EXPECT_FALSE(ServeStatic(root_, Get("/api/v1/events")).has_value());
  EXPECT_FALSE(ServeStatic(root_, Get("/api/v1/events.json")).has_value());
  EXPECT_FALSE(ServeStatic(root_, Get("/api")).has_value());
  EXPECT_FALSE(ServeStatic(root_, Get("/index.html", "POST")).has_value());
  EXPECT_FALSE(ServeStatic(root_, Get("/", "DELETE")).has_value());
}

TEST_F(StaticFilesTest, NoIndexMeansNoFallback) {
  fs::remove(root_ / "index.html");
  EXPECT_FALSE(ServeStatic(root_, Get("/events/42")).has_value());
  EXPECT_FALSE(ServeStatic(root_, Get("/")).has_value());
  EXPECT_FALSE(ServeStatic(base_ / "missing-root", Get("/")).has_value());
}

TEST_F(StaticFilesTest, TraversalIsRefused) {
  for (std::string path : {std::string("/../secret.txt"), std::string("/assets/../../secret.txt"),
                           std::string("/./index.html"), std::string("/..\\secret.txt"),
                           std::string("/a\0b.txt", 8), std::string("../secret.txt")}) {
    auto res = ServeStatic(root_, Get(path));
    ASSERT_TRUE(res.has_value()) << path;
    EXPECT_EQ(res->status, 400) << path;
    EXPECT_THAT(res->body, HasSubstr("\"invalid\"")) << path;
  }
  // Not decoded here (the server decodes), so it is just an odd file name.
  auto encoded = ServeStatic(root_, Get("/%2e%2e/secret.txt"));
  ASSERT_TRUE(encoded.has_value());
  EXPECT_EQ(encoded->status, 404);
}

TEST_F(StaticFilesTest, SymlinksMustStayInsideRoot) {
  auto escape = ServeStatic(root_, Get("/escape.txt"));
  ASSERT_TRUE(escape.has_value());
  EXPECT_EQ(escape->status, 404);
  EXPECT_THAT(escape->body, Not(HasSubstr("top secret")));

  auto inner = ServeStatic(root_, Get("/inner.js"));
  ASSERT_TRUE(inner.has_value());
  EXPECT_EQ(inner->status, 200);
  EXPECT_EQ(inner->body, "console.log('app');");
}

TEST_F(StaticFilesTest, DotfilesAreNotServed) {
  auto res = ServeStatic(root_, Get("/.env"));
  ASSERT_TRUE(res.has_value());
  EXPECT_THAT(res->body, Not(HasSubstr("DOTFILE")));
}

TEST_F(StaticFilesTest, IfNoneMatchGives304) {
  auto first = ServeStatic(root_, Get("/index.html"));
  ASSERT_TRUE(first.has_value());
  const std::string etag = HeaderOf(*first, "ETag");
  ASSERT_FALSE(etag.empty());

  for (const std::string& condition : {etag, "W/" + etag, "\"other\", " + etag, std::string("*")}) {
    Request req = Get("/index.html");
    req.headers.emplace_back("if-none-match", condition);
    auto res = ServeStatic(root_, req);
    ASSERT_TRUE(res.has_value());
    EXPECT_EQ(res->status, 304) << condition;
    EXPECT_TRUE(res->body.empty());
    EXPECT_EQ(HeaderOf(*res, "ETag"), etag);
  }

  Request stale = Get("/index.html");
  stale.headers.emplace_back("if-none-match", "\"other\"");
  auto res = ServeStatic(root_, stale);
  ASSERT_TRUE(res.has_value());
  EXPECT_EQ(res->status, 200);

  // A new build changes the tag.
  WriteFile(root_ / "index.html", "<!doctype html><title>app v2</title>");
  auto rebuilt = ServeStatic(root_, Get("/index.html"));
  ASSERT_TRUE(rebuilt.has_value());
  EXPECT_NE(HeaderOf(*rebuilt, "ETag"), etag);
}

TEST_F(StaticFilesTest, HeadIsServed) {
  auto res = ServeStatic(root_, Get("/assets/app-abc123.js", "HEAD"));
  ASSERT_TRUE(res.has_value());
  EXPECT_EQ(res->status, 200);
}

// Through the real server, which percent-decodes before ServeStatic sees
// the path: encoded dot segments and NUL must still be refused.
TEST_F(StaticFilesTest, EncodedTraversalThroughServerIsRefused) {
  namespace beast = boost::beast;
  namespace http = beast::http;
  using tcp = boost::asio::ip::tcp;

  ServerOptions options;
  options.port = 0;
  options.threads = 1;
  const fs::path root = root_;
  HttpServer server(options, [root](Request& req) {
    if (auto res = ServeStatic(root, req)) return *res;
    return Response{404, "application/json", "{}", {}};
  });
  ASSERT_TRUE(server.Start().ok());

  auto fetch = [&](const std::string& target) {
    boost::asio::io_context ioc;
    tcp::socket socket(ioc);
    socket.connect({boost::asio::ip::make_address("127.0.0.1"), server.port()});
    http::request<http::empty_body> req{http::verb::get, target, 11};
    req.set(http::field::host, "localhost");
    req.keep_alive(false);
    http::write(socket, req);
    beast::flat_buffer buffer;
    http::response<http::string_body> res;
    http::read(socket, buffer, res);
    return res;
  };

  for (const char* target : {"/%2e%2e/secret.txt", "/assets/%2E%2E/%2e%2e/secret.txt",
                             "/%2e%2e%2fsecret.txt", "/index.html%00.png"}) {
    auto res = fetch(target);
    EXPECT_EQ(res.result_int(), 400) << target;
    EXPECT_THAT(res.body(), Not(HasSubstr("top secret"))) << target;
  }
  auto asset = fetch("/assets/app-abc123.js");
  EXPECT_EQ(asset.result_int(), 200);
  EXPECT_EQ(asset[http::field::cache_control], "public, max-age=31536000, immutable");
  EXPECT_EQ(asset.body(), "console.log('app');");
}

}  // namespace
}  // namespace ts::server
