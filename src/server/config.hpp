// Server configuration. Sources, later ones winning: built-in defaults, the
// file DATA_DIR/threatshare.toml, environment variables THREATSHARE_<KEY>
// (the key upper-cased, e.g. THREATSHARE_LISTEN), then command-line flags,
// which the caller applies after LoadConfig and checks with ValidateConfig.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>

#include "util/result.hpp"

namespace ts::server {

struct Config {
  std::filesystem::path data_dir;         // the folder given to LoadConfig, never a key
  std::string listen = "127.0.0.1:8443";  // host:port, [v6]:port allowed
  int threads = 0;                        // 0 = one per core
  std::string tls_certificate;            // PEM path, empty = no TLS
  std::string tls_private_key;
  std::size_t max_body_bytes = 16 * 1024 * 1024;
  // Largest sample upload (POST /api/v1/samples), in bytes.
  std::size_t samples_max_size = 256 * 1024 * 1024;
  std::string web_root;             // static UI folder; empty = none
  bool anonymous_read = false;      // WHITE items readable without login
  double key_rate_per_second = 20;  // per API key; 0 = unlimited
  double key_rate_burst = 100;
  int login_max_failures = 5;
  int login_window_seconds = 900;
  int session_hours = 12;
  std::string sqlite_synchronous = "NORMAL";  // NORMAL or FULL
  int reader_connections = 4;
  std::string public_url;  // printed by serve for users, e.g. behind a proxy
};

// Reads dir/threatshare.toml if present, then applies THREATSHARE_* environment
// variables, then ValidateConfig. Unknown keys and wrong types in the file are
// errors naming file, line and key; bad environment values name the variable.
// Booleans from the environment are true/false/1/0. data_dir is set to dir.
Result<Config> LoadConfig(const std::filesystem::path& dir);

// Checks ranges and consistency (e.g. both TLS files or neither); the error's
// field is the offending key.
Status ValidateConfig(const Config& config);

// Splits "host:port" / "[v6]:port" into host (without brackets) and port;
// port 0 lets the system pick one. Error::Invalid naming the value otherwise.
Result<std::pair<std::string, uint16_t>> ParseListen(std::string_view listen);

// A commented default threatshare.toml listing every key with its default,
// written by `threatshare init`.
std::string DefaultConfigText();

}  // namespace ts::server
