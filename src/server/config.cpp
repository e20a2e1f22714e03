#include "server/config.hpp"
#include "util/parse_number.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <toml++/toml.h>
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <sstream>
#include <system_error>
#include <variant>

namespace ts::server {
namespace {

using Member = std::variant<std::string Config::*, int Config::*, std::size_t Config::*,
                            double Config::*, bool Config::*>;

struct Key {
  std::string_view name;
  Member member;
  std::string_view help;
};

// Every key of the file; the environment variables and the default file text
// are derived from this table so that the three cannot drift apart.
constexpr Key kKeys[] = {
    {"listen", &Config::listen, "Address to listen on: host:port or [ipv6]:port."},
    {"threads", &Config::threads, "I/O threads; 0 means one per CPU core."},
    {"tls_certificate", &Config::tls_certificate,
     "TLS certificate chain (PEM file); empty serves plain HTTP."},
    {"tls_private_key", &Config::tls_private_key, "TLS private key (PEM file)."},
    {"max_body_bytes", &Config::max_body_bytes, "Largest accepted request body, in bytes."},
    {"samples_max_size", &Config::samples_max_size,
     "Largest sample accepted by upload (POST /api/v1/samples), in bytes."},
    {"web_root", &Config::web_root, "Folder with the static web UI; empty serves none."},
    {"anonymous_read", &Config::anonymous_read,
     "Let visitors read WHITE items without logging in."},
    {"key_rate_per_second", &Config::key_rate_per_second,
     "Requests per second allowed per API key; 0 means unlimited."},
    {"key_rate_burst", &Config::key_rate_burst, "Requests an API key may make at once."},
    {"login_max_failures", &Config::login_max_failures,
     "Failed logins allowed within login_window_seconds before waiting."},
    {"login_window_seconds", &Config::login_window_seconds,
     "Window in which failed logins are counted, in seconds."},
    {"session_hours", &Config::session_hours, "Lifetime of a login session, in hours."},
    {"sqlite_synchronous", &Config::sqlite_synchronous,
     "SQLite durability: NORMAL, or FULL to also survive power loss."},
    {"reader_connections", &Config::reader_connections, "Read-only database connections."},
    {"public_url", &Config::public_url, "Base URL shown to users; empty derives it from listen."},
};

const Key* FindKey(std::string_view name) {
  for (const Key& key : kKeys)
    if (key.name == name) return &key;
  return nullptr;
}

template <typename... F>
struct Overloaded : F... {
  using F::operator()...;
};
template <typename... F>
Overloaded(F...) -> Overloaded<F...>;

std::string Quote(std::string_view s) {
  return "\"" + std::string(s) + "\"";
}

// "path:line:column: " for messages about the file.
std::string Where(const std::filesystem::path& file, const toml::source_region& source) {
  return file.string() + ":" + std::to_string(source.begin.line) + ":" +
         std::to_string(source.begin.column) + ": ";
}

Status SetFromToml(Config& config, const Key& key, const toml::node& node,
                   const std::filesystem::path& file) {
  const auto wrong = [&](std::string_view expected) {
    return Error::Invalid(
        Where(file, node.source()) + Quote(key.name) + " must be " + std::string(expected),
        std::string(key.name));
  };
  const auto integer = [&](int64_t min, int64_t max) -> Result<int64_t> {
    const auto* value = node.as_integer();
    if (!value) return wrong("an integer");
    if (value->get() < min || value->get() > max) {
      return wrong("between " + std::to_string(min) + " and " + std::to_string(max));
    }
    return value->get();
  };
  return std::visit(Overloaded{
                        [&](std::string Config::*m) -> Status {
                          const auto* value = node.as_string();
                          if (!value) return wrong("a string");
                          config.*m = value->get();
                          return {};
                        },
                        [&](int Config::*m) -> Status {
                          auto value = integer(std::numeric_limits<int>::min(),
                                               std::numeric_limits<int>::max());
                          if (!value) return value.error();
                          config.*m = static_cast<int>(*value);
                          return {};
                        },
                        [&](std::size_t Config::*m) -> Status {
                          auto value = integer(0, std::numeric_limits<int64_t>::max());
                          if (!value) return value.error();
                          config.*m = static_cast<std::size_t>(*value);
                          return {};
                        },
                        [&](double Config::*m) -> Status {
                          // TOML distinguishes 20 from 20.0; people should not have to.
                          if (const auto* i = node.as_integer()) {
                            config.*m = static_cast<double>(i->get());
                          } else if (const auto* f = node.as_floating_point()) {
                            config.*m = f->get();
                          } else {
                            return wrong("a number");
                          }
                          return {};
                        },
                        [&](bool Config::*m) -> Status {
                          const auto* value = node.as_boolean();
                          if (!value) return wrong("true or false");
                          config.*m = value->get();
                          return {};
                        },
                    },
                    key.member);
}

Status ApplyFile(Config& config, const std::filesystem::path& file) {
  toml::table table;
  try {
    table = toml::parse_file(file.string());
  } catch (const toml::parse_error& e) {
    return Error::Invalid(Where(file, e.source()) + std::string(e.description()));
  }
  for (const auto& [name, node] : table) {
    const Key* key = FindKey(name.str());
    if (!key) {
      return Error::Invalid(Where(file, name.source()) + "unknown key " + Quote(name.str()),
                            std::string(name.str()));
    }
    TS_TRY(SetFromToml(config, *key, node, file));
  }
  return {};
}

std::string EnvName(std::string_view key) {
  std::string name = "THREATSHARE_";
  for (char c : key) name.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  return name;
}

Status SetFromEnv(Config& config, const Key& key, const std::string& var, std::string_view text) {
  const auto wrong = [&](std::string_view expected) {
    return Error::Invalid(var + " must be " + std::string(expected) + ", not " + Quote(text),
                          std::string(key.name));
  };
  return std::visit(Overloaded{
                        [&](std::string Config::*m) -> Status {
                          config.*m = std::string(text);
                          return {};
                        },
                        [&](int Config::*m) -> Status {
                          if (!ParseNumber(text, config.*m)) return wrong("an integer");
                          return {};
                        },
                        [&](std::size_t Config::*m) -> Status {
                          if (!ParseNumber(text, config.*m)) return wrong("a non-negative integer");
                          return {};
                        },
                        [&](double Config::*m) -> Status {
                          if (!ParseNumber(text, config.*m)) return wrong("a number");
                          return {};
                        },
                        [&](bool Config::*m) -> Status {
                          if (text == "true" || text == "1") {
                            config.*m = true;
                          } else if (text == "false" || text == "0") {
                            config.*m = false;
                          } else {
                            return wrong("true, false, 1 or 0");
                          }
                          return {};
                        },
                    },
                    key.member);
}

Status ApplyEnvironment(Config& config) {
  for (const Key& key : kKeys) {
    const std::string var = EnvName(key.name);
    if (const char* value = std::getenv(var.c_str())) {
      TS_TRY(SetFromEnv(config, key, var, value));
    }
  }
  return {};
}

// Renders a default value as TOML; strings as basic (double-quoted) strings,
// which more people recognise than toml++'s default literal strings.
std::string TomlLiteral(const Config& config, const Member& member) {
  std::ostringstream out;
  std::visit(Overloaded{
                 [&](std::string Config::*m) {
                   out << toml::toml_formatter{toml::value<std::string>(config.*m),
                                               toml::format_flags::none};
                 },
                 [&](int Config::*m) { out << config.*m; },
                 [&](std::size_t Config::*m) { out << config.*m; },
                 [&](double Config::*m) { out << toml::value<double>(config.*m); },
                 [&](bool Config::*m) { out << (config.*m ? "true" : "false"); },
             },
             member);
  return out.str();
}

bool IsHostnameChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-';
}

}  // namespace

Result<Config> LoadConfig(const std::filesystem::path& dir) {
  Config config;
  config.data_dir = dir;
  const std::filesystem::path file = dir / "threatshare.toml";
  std::error_code ec;
  const bool present = std::filesystem::exists(file, ec);
  if (ec) return Error::Invalid(file.string() + ": " + ec.message());
  if (present) TS_TRY(ApplyFile(config, file));
  TS_TRY(ApplyEnvironment(config));
  TS_TRY(ValidateConfig(config));
  return config;
}

Status ValidateConfig(const Config& config) {
  TS_TRY(ParseListen(config.listen));
  const auto invalid = [](std::string_view key, std::string_view rule) {
    return Error::Invalid(std::string(key) + " must be " + std::string(rule), std::string(key));
  };
  if (config.threads < 0) return invalid("threads", "0 or more");
  if (config.tls_certificate.empty() != config.tls_private_key.empty()) {
    return invalid(config.tls_certificate.empty() ? "tls_certificate" : "tls_private_key",
                   "set together with the other TLS file, or both left empty");
  }
  if (config.max_body_bytes < 1) return invalid("max_body_bytes", "at least 1");
  if (config.samples_max_size < 1) return invalid("samples_max_size", "at least 1");
  if (!std::isfinite(config.key_rate_per_second) || config.key_rate_per_second < 0) {
    return invalid("key_rate_per_second", "a number of 0 or more");
  }
  if (!std::isfinite(config.key_rate_burst) || config.key_rate_burst < 1) {
    return invalid("key_rate_burst", "a number of 1 or more");
  }
  if (config.login_max_failures < 1) return invalid("login_max_failures", "at least 1");
  if (config.login_window_seconds < 1) return invalid("login_window_seconds", "at least 1");
  if (config.session_hours < 1) return invalid("session_hours", "at least 1");
  if (config.sqlite_synchronous != "NORMAL" && config.sqlite_synchronous != "FULL") {
    return invalid("sqlite_synchronous", "\"NORMAL\" or \"FULL\"");
  }
  if (config.reader_connections < 1) return invalid("reader_connections", "at least 1");
  if (!config.public_url.empty() && !config.public_url.starts_with("http://") &&
      !config.public_url.starts_with("https://")) {
    return invalid("public_url", "empty or start with http:// or https://");
  }
  return {};
}

Result<std::pair<std::string, uint16_t>> ParseListen(std::string_view listen) {
  const auto invalid = [&] {
    return Error::Invalid("listen address " + Quote(listen) +
                              " must be host:port or [ipv6]:port with a port from 0 to 65535",
                          "listen");
  };
  std::string host;
  std::string_view port;
  if (listen.starts_with('[')) {
    const auto close = listen.find(']');
    if (close == std::string_view::npos || listen.substr(close + 1, 1) != ":") return invalid();
    host = listen.substr(1, close - 1);
    port = listen.substr(close + 2);
    in6_addr address;
    if (inet_pton(AF_INET6, host.c_str(), &address) != 1) return invalid();
  } else {
    // A bare IPv6 address has several colons and fails the host check below.
    const auto colon = listen.rfind(':');
    if (colon == std::string_view::npos) return invalid();
    host = listen.substr(0, colon);
    port = listen.substr(colon + 1);
    if (host.empty() || !std::all_of(host.begin(), host.end(), IsHostnameChar)) return invalid();
  }
  unsigned value = 0;
  if (!ParseNumber(port, value) || value > 65535) return invalid();
  return std::pair{std::move(host), static_cast<uint16_t>(value)};
}

std::string DefaultConfigText() {
  const Config defaults;
  std::string text =
      "# threatshare server configuration.\n"
      "# Every key is optional; the values shown are the defaults. Environment\n"
      "# variables THREATSHARE_<KEY> (e.g. THREATSHARE_LISTEN) override this file,\n"
      "# and command-line flags override both.\n";
  for (const Key& key : kKeys) {
    text += "\n# " + std::string(key.help) + "\n# " + std::string(key.name) + " = " +
            TomlLiteral(defaults, key.member) + "\n";
  }
  return text;
}

}  // namespace ts::server
