// Opening a data directory for commands that work without a server: the
// configuration, the store and the audit log, acting as the system.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "access/audit_log.hpp"
#include "access/gate.hpp"
#include "server/config.hpp"
#include "store/store.hpp"

namespace ts::cli {

struct DataDir {
  server::Config config;
  std::unique_ptr<store::Store> store;
  std::unique_ptr<access::AuditLog> audit_log;

  // A gate acting as the system (recorded as "system" from "cli").
  access::Gate SystemGate() {
    return access::Gate(*store, *audit_log, access::Viewer::System(), false);
  }
};

enum class OpenMode {
  kExisting,  // the directory must hold a database already (a typo must not make a new one)
  kCreate,    // create the directory, a commented threatshare.toml and the database if missing
};

// Loads the configuration and opens the store; Error on failure.
Result<DataDir> OpenDataDir(const std::filesystem::path& dir, OpenMode mode = OpenMode::kExisting);

// A gate acting as the user with this e-mail or id (recorded from "cli"),
// or as the system when `user` is empty.
Result<access::Gate> GateAs(DataDir& data, const std::string& user);

// Prints "threatshare: error: <message>" and returns exit code 1.
int Fail(const Error& error);
int Fail(const std::string& message);

}  // namespace ts::cli
