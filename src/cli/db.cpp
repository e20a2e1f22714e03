// threatshare db …: integrity checks on a data directory.
#include <iostream>

#include "cli/commands.hpp"
#include "cli/data_dir.hpp"

namespace ts::cli {
namespace {

int VerifyAudit(const std::string& dir, bool reset_anchor) {
  auto data = OpenDataDir(dir);
  if (!data) return Fail(data.error());
  auto v = reset_anchor ? data->audit_log->ResetAnchor(*data->store)
                        : data->audit_log->Verify(*data->store);
  if (!v.ok) {
    std::cerr << "threatshare: audit log FAILED verification at entry " << v.first_bad_seq << ": "
              << v.problem << "\n";
    return 1;
  }
  std::cout << "audit log ok: " << v.entries << " entries, head " << v.head_hash << "\n";
  return 0;
}

int Check(const std::string& dir) {
  auto data = OpenDataDir(dir);
  if (!data) return Fail(data.error());
  if (auto st = data->store->CheckIntegrity(); !st.ok()) {
    std::cerr << "threatshare: database integrity check failed:\n" << st.error().message;
    return 1;
  }
  std::cout << "database ok\n";
  return 0;
}

}  // namespace

void AddDbCommands(CLI::App& app, Action& action) {
  auto dir = std::make_shared<std::string>();
  auto reset_anchor = std::make_shared<bool>(false);
  auto* db = app.add_subcommand("db", "Check a data directory");
  db->require_subcommand(1);
  auto* verify = db->add_subcommand("verify-audit", "Recompute the audit hash chain");
  verify->add_option("--data", *dir, "Data directory")->required();
  verify->add_flag("--reset-anchor", *reset_anchor,
                   "Check the chain alone and anchor its head (after restoring a backup without "
                   "audit.anchor)");
  verify->callback([dir, reset_anchor, &action] {
    action = [dir, reset_anchor] { return VerifyAudit(*dir, *reset_anchor); };
  });
  auto* check = db->add_subcommand("check", "Run the database integrity check");
  check->add_option("--data", *dir, "Data directory")->required();
  check->callback([dir, &action] { action = [dir] { return Check(*dir); }; });
}

}  // namespace ts::cli
