#include "cli/data_dir.hpp"

#include <fstream>
#include <iostream>

#include "access/user_viewer.hpp"
#include "catalog/users.hpp"

namespace ts::cli {

Result<DataDir> OpenDataDir(const std::filesystem::path& dir, OpenMode mode) {
  std::error_code ec;
  if (mode == OpenMode::kExisting && !std::filesystem::exists(dir / "threatshare.db", ec))
    return Error::Invalid("no threatshare data directory at " + dir.string() +
                          " (create one with: threatshare init --data " + dir.string() + ")");
  if (mode == OpenMode::kCreate) {
    std::filesystem::create_directories(dir, ec);
    if (ec) return Error::Invalid("cannot create " + dir.string() + ": " + ec.message());
    const auto config_file = dir / "threatshare.toml";
    if (!std::filesystem::exists(config_file, ec)) {
      std::ofstream out(config_file);
      out << server::DefaultConfigText();
      if (!out) return Error::Invalid("cannot write " + config_file.string());
    }
  }
  auto config = server::LoadConfig(dir);
  if (!config) return config.error();
  store::SqliteOptions options;
  options.synchronous = config->sqlite_synchronous;
  options.reader_connections = config->reader_connections;
  auto store = store::OpenSqliteStore(dir, options);
  if (!store) return store.error();
  DataDir d;
  d.config = *std::move(config);
  d.store = *std::move(store);
  d.audit_log = std::make_unique<access::AuditLog>(dir / "audit.anchor");
  return d;
}

Result<access::Gate> GateAs(DataDir& data, const std::string& user) {
  auto system = data.SystemGate();
  if (user.empty()) return system;
  auto found = catalog::FindUser(system, user);
  if (!found) return Error::Invalid("no user '" + user + "'", "user");
  std::optional<access::Viewer> viewer;
  TS_TRY(data.store->Read([&](store::ReadTxn& txn) -> Status {
    auto v = access::ViewerForUser(txn, *found, "cli");
    if (!v) return v.error();
    viewer = *v;
    return {};
  }));
  return access::Gate(*data.store, *data.audit_log, *viewer, false);
}

int Fail(const Error& error) {
  std::cerr << "threatshare: error: " << error.message;
  if (!error.field.empty() && error.message.find(error.field) == std::string::npos)
    std::cerr << " (" << error.field << ")";
  std::cerr << "\n";
  return 1;
}

int Fail(const std::string& message) {
  return Fail(Error::Invalid(message));
}

}  // namespace ts::cli
