#include "server/config.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <regex>
#include <string>
#include <vector>

namespace ts::server {
namespace {

namespace fs = std::filesystem;

// Gives each test an empty data folder and a clean THREATSHARE_* environment,
// restoring the caller's variables afterwards.
class ConfigTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "ts-config-test-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    for (const char* name : kVars) {
      if (const char* value = getenv(name)) saved_[name] = value;
      unsetenv(name);
    }
  }
  void TearDown() override {
    fs::remove_all(dir_);
    for (const char* name : kVars) unsetenv(name);
    for (const auto& [name, value] : saved_) setenv(name.c_str(), value.c_str(), 1);
  }

  void WriteFile(const std::string& text) {
    std::ofstream(dir_ / "threatshare.toml", std::ios::binary) << text;
  }
  static void SetEnv(const char* name, const char* value) { setenv(name, value, 1); }

  static constexpr const char* kVars[] = {
      "THREATSHARE_LISTEN",
      "THREATSHARE_THREADS",
      "THREATSHARE_TLS_CERTIFICATE",
      "THREATSHARE_TLS_PRIVATE_KEY",
      "THREATSHARE_MAX_BODY_BYTES",
      "THREATSHARE_WEB_ROOT",
      "THREATSHARE_ANONYMOUS_READ",
      "THREATSHARE_KEY_RATE_PER_SECOND",
      "THREATSHARE_KEY_RATE_BURST",
      "THREATSHARE_LOGIN_MAX_FAILURES",
      "THREATSHARE_LOGIN_WINDOW_SECONDS",
      "THREATSHARE_SESSION_HOURS",
      "THREATSHARE_SQLITE_SYNCHRONOUS",
      "THREATSHARE_READER_CONNECTIONS",
      "THREATSHARE_PUBLIC_URL",
  };
  fs::path dir_;
  std::map<std::string, std::string> saved_;
};

void ExpectDefaults(const Config& c) {
  const Config d;
  EXPECT_EQ(c.listen, d.listen);
  EXPECT_EQ(c.threads, d.threads);
  EXPECT_EQ(c.tls_certificate, d.tls_certificate);
  EXPECT_EQ(c.tls_private_key, d.tls_private_key);
  EXPECT_EQ(c.max_body_bytes, d.max_body_bytes);
  EXPECT_EQ(c.web_root, d.web_root);
  EXPECT_EQ(c.anonymous_read, d.anonymous_read);
  EXPECT_EQ(c.key_rate_per_second, d.key_rate_per_second);
  EXPECT_EQ(c.key_rate_burst, d.key_rate_burst);
  EXPECT_EQ(c.login_max_failures, d.login_max_failures);
  EXPECT_EQ(c.login_window_seconds, d.login_window_seconds);
  EXPECT_EQ(c.session_hours, d.session_hours);
  EXPECT_EQ(c.sqlite_synchronous, d.sqlite_synchronous);
  EXPECT_EQ(c.reader_connections, d.reader_connections);
  EXPECT_EQ(c.public_url, d.public_url);
}

TEST_F(ConfigTest, WithoutFileOrEnvironmentGivesDefaults) {
  auto config = LoadConfig(dir_);
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->data_dir, dir_);
  ExpectDefaults(*config);
  EXPECT_EQ(config->listen, "127.0.0.1:8443");
  EXPECT_EQ(config->max_body_bytes, 16u * 1024 * 1024);
}

TEST_F(ConfigTest, ReadsTheFile) {
  WriteFile(R"(listen = "0.0.0.0:9000"
threads = 3
tls_certificate = "/etc/ts/cert.pem"
tls_private_key = "/etc/ts/key.pem"
max_body_bytes = 1024
anonymous_read = true
key_rate_per_second = 2.5
key_rate_burst = 10    # an integer is fine for a number
sqlite_synchronous = "FULL"
public_url = "https://share.example.org"
)");
  auto config = LoadConfig(dir_);
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->listen, "0.0.0.0:9000");
  EXPECT_EQ(config->threads, 3);
  EXPECT_EQ(config->tls_certificate, "/etc/ts/cert.pem");
  EXPECT_EQ(config->tls_private_key, "/etc/ts/key.pem");
  EXPECT_EQ(config->max_body_bytes, 1024u);
  EXPECT_TRUE(config->anonymous_read);
  EXPECT_EQ(config->key_rate_per_second, 2.5);
  EXPECT_EQ(config->key_rate_burst, 10.0);
  EXPECT_EQ(config->sqlite_synchronous, "FULL");
  EXPECT_EQ(config->public_url, "https://share.example.org");
  EXPECT_EQ(config->session_hours, 12);  // untouched keys keep their defaults
}

TEST_F(ConfigTest, EnvironmentOverridesFile) {
  WriteFile("listen = \"0.0.0.0:9000\"\nthreads = 3\nanonymous_read = true\n");
  SetEnv("THREATSHARE_LISTEN", "[::1]:9443");
  SetEnv("THREATSHARE_ANONYMOUS_READ", "0");
  SetEnv("THREATSHARE_KEY_RATE_PER_SECOND", "0.5");
  SetEnv("THREATSHARE_MAX_BODY_BYTES", "2048");
  SetEnv("THREATSHARE_WEB_ROOT", "/srv/ui");
  auto config = LoadConfig(dir_);
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->listen, "[::1]:9443");
  EXPECT_FALSE(config->anonymous_read);
  EXPECT_EQ(config->key_rate_per_second, 0.5);
  EXPECT_EQ(config->max_body_bytes, 2048u);
  EXPECT_EQ(config->web_root, "/srv/ui");
  EXPECT_EQ(config->threads, 3);  // from the file, no variable set
}

TEST_F(ConfigTest, EnvironmentBooleans) {
  for (const auto& [text, expected] :
       std::map<std::string, bool>{{"true", true}, {"1", true}, {"false", false}, {"0", false}}) {
    SetEnv("THREATSHARE_ANONYMOUS_READ", text.c_str());
    auto config = LoadConfig(dir_);
    ASSERT_TRUE(config.ok()) << text;
    EXPECT_EQ(config->anonymous_read, expected) << text;
  }
  SetEnv("THREATSHARE_ANONYMOUS_READ", "yes");
  auto config = LoadConfig(dir_);
  ASSERT_FALSE(config.ok());
  EXPECT_NE(config.error().message.find("THREATSHARE_ANONYMOUS_READ"), std::string::npos);
}

TEST_F(ConfigTest, BadEnvironmentValuesNameTheVariable) {
  for (const auto& [name, value] :
       std::map<std::string, std::string>{{"THREATSHARE_THREADS", "four"},
                                          {"THREATSHARE_THREADS", "4x"},
                                          {"THREATSHARE_MAX_BODY_BYTES", "-1"},
                                          {"THREATSHARE_KEY_RATE_BURST", ""},
                                          {"THREATSHARE_SESSION_HOURS", "99999999999"}}) {
    SetEnv(name.c_str(), value.c_str());
    auto config = LoadConfig(dir_);
    ASSERT_FALSE(config.ok()) << name << "=" << value;
    EXPECT_EQ(config.error().code, Code::kInvalid);
    EXPECT_NE(config.error().message.find(name), std::string::npos) << config.error().message;
    unsetenv(name.c_str());
  }
}

TEST_F(ConfigTest, UnknownKeyNamesFileLineAndKey) {
  WriteFile("listen = \"127.0.0.1:1\"\n\nlisen = \"127.0.0.1:2\"\n");
  auto config = LoadConfig(dir_);
  ASSERT_FALSE(config.ok());
  const std::string& message = config.error().message;
  EXPECT_NE(message.find((dir_ / "threatshare.toml").string() + ":3:"), std::string::npos)
      << message;
  EXPECT_NE(message.find("\"lisen\""), std::string::npos) << message;
  EXPECT_EQ(config.error().field, "lisen");
}

TEST_F(ConfigTest, TablesAreUnknownKeys) {
  WriteFile("# settings\n[server]\nlisten = \"127.0.0.1:1\"\n");
  auto config = LoadConfig(dir_);
  ASSERT_FALSE(config.ok());
  EXPECT_NE(config.error().message.find("threatshare.toml:2:"), std::string::npos)
      << config.error().message;
  EXPECT_NE(config.error().message.find("\"server\""), std::string::npos);
}

TEST_F(ConfigTest, WrongTypeNamesLineAndKey) {
  WriteFile("listen = \"127.0.0.1:1\"\nthreads = \"four\"\n");
  auto config = LoadConfig(dir_);
  ASSERT_FALSE(config.ok());
  EXPECT_NE(config.error().message.find("threatshare.toml:2:"), std::string::npos)
      << config.error().message;
  EXPECT_NE(config.error().message.find("\"threads\""), std::string::npos);
  EXPECT_EQ(config.error().field, "threads");

  WriteFile("anonymous_read = 1\n");
  config = LoadConfig(dir_);
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.error().field, "anonymous_read");

  WriteFile("key_rate_burst = \"10\"\n");
  config = LoadConfig(dir_);
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.error().field, "key_rate_burst");

  WriteFile("threads = 99999999999\n");
  config = LoadConfig(dir_);
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.error().field, "threads");
}

TEST_F(ConfigTest, SyntaxErrorNamesFileAndLine) {
  WriteFile("listen = \"127.0.0.1:1\"\nthreads = = 3\n");
  auto config = LoadConfig(dir_);
  ASSERT_FALSE(config.ok());
  EXPECT_NE(config.error().message.find("threatshare.toml:2:"), std::string::npos)
      << config.error().message;
}

TEST_F(ConfigTest, ValuesAreValidated) {
  const std::map<std::string, std::string> cases = {
      {"sqlite_synchronous = \"OFF\"\n", "sqlite_synchronous"},
      {"tls_certificate = \"cert.pem\"\n", "tls_private_key"},
      {"login_max_failures = 0\n", "login_max_failures"},
      {"threads = -1\n", "threads"},
      {"max_body_bytes = 0\n", "max_body_bytes"},
      {"key_rate_per_second = -1\n", "key_rate_per_second"},
      {"key_rate_burst = nan\n", "key_rate_burst"},
      {"listen = \"localhost\"\n", "listen"},
      {"public_url = \"share.example.org\"\n", "public_url"},
  };
  for (const auto& [text, field] : cases) {
    WriteFile(text);
    auto config = LoadConfig(dir_);
    ASSERT_FALSE(config.ok()) << text;
    EXPECT_EQ(config.error().code, Code::kInvalid) << text;
    EXPECT_EQ(config.error().field, field) << text;
  }
}

TEST_F(ConfigTest, DefaultConfigTextListsEveryKeyWithItsDefault) {
  const std::string text = DefaultConfigText();
  // As written by `threatshare init` every key is commented out.
  WriteFile(text);
  auto config = LoadConfig(dir_);
  ASSERT_TRUE(config.ok()) << config.error().message;
  ExpectDefaults(*config);

  // Uncommented, it sets every key to the default explicitly.
  const std::regex assignment(R"(^# ([a-z_]+ = .*)$)", std::regex::multiline);
  std::string uncommented = std::regex_replace(text, assignment, "$1");
  WriteFile(uncommented);
  config = LoadConfig(dir_);
  ASSERT_TRUE(config.ok()) << config.error().message;
  ExpectDefaults(*config);
  for (const char* name : kVars) {
    const std::string key = std::string(name).substr(std::string("THREATSHARE_").size());
    std::string lower;
    for (char c : key)
      lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    EXPECT_NE(uncommented.find("\n" + lower + " = "), std::string::npos) << lower;
  }
}

TEST(ConfigParseListenTest, AcceptsHostPortAndBracketedIpv6) {
  const std::map<std::string, std::pair<std::string, uint16_t>> good = {
      {"127.0.0.1:8443", {"127.0.0.1", 8443}},
      {"localhost:80", {"localhost", 80}},
      {"0.0.0.0:65535", {"0.0.0.0", 65535}},
      {"[::1]:8443", {"::1", 8443}},
      {"[::]:0", {"::", 0}},
      {"[2001:db8::1]:443", {"2001:db8::1", 443}},
      {"share-1.example.org:1", {"share-1.example.org", 1}},
  };
  for (const auto& [text, expected] : good) {
    auto parsed = ParseListen(text);
    ASSERT_TRUE(parsed.ok()) << text << ": " << parsed.error().message;
    EXPECT_EQ(*parsed, expected) << text;
  }
}

TEST(ConfigParseListenTest, RejectsMalformedValues) {
  for (const char* text :
       {"",         "127.0.0.1",  "127.0.0.1:",       ":8443",       "::1:8443",
        "[::1]",    "[::1]8443",  "[::1]:",           "[]:80",       "[127.0.0.1]:80",
        "[::1:80",  "host:65536", "host:99999999999", "host:-1",     "host:+80",
        "host:80a", "host: 80",   "ho st:80",         "[::1]:80:80", "host:0x50"}) {
    auto parsed = ParseListen(text);
    ASSERT_FALSE(parsed.ok()) << text;
    EXPECT_EQ(parsed.error().code, Code::kInvalid);
    EXPECT_EQ(parsed.error().field, "listen");
    EXPECT_NE(parsed.error().message.find("\"" + std::string(text) + "\""), std::string::npos)
        << parsed.error().message;
  }
}

}  // namespace
}  // namespace ts::server
