// threatshare admin …: organisations, users, keys and rules on a data
// directory, without a running server (the server may run meanwhile: SQLite
// serialises the writes). create-org and publish-rules may start a new data
// directory; the others need an existing one, so that a mistyped path fails.
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "catalog/organisations.hpp"
#include "catalog/rules.hpp"
#include "catalog/users.hpp"
#include "cli/commands.hpp"
#include "cli/data_dir.hpp"
#include "server/api/json_io.hpp"

namespace ts::cli {
namespace {

struct AdminFlags {
  std::string data, name, sector, sub_sector, membership, org, email, role, user, file,
      what = "all";
  bool accept_rules = false;
  bool json = false;
  int64_t key_id = 0;
};

// The password from standard input: its first line, without the newline.
Result<std::string> ReadPassword() {
  std::string line;
  if (!std::getline(std::cin, line)) return Error::Invalid("no password on standard input");
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

int CreateOrg(const AdminFlags& f) {
  auto data = OpenDataDir(f.data, OpenMode::kCreate);
  if (!data) return Fail(data.error());
  auto gate = data->SystemGate();
  catalog::OrganisationInput in{f.name, f.sector, f.sub_sector, f.membership};
  if (f.sub_sector.empty()) in.sub_sector.reset();
  auto org = catalog::CreateOrganisation(gate, in);
  if (!org) return Fail(org.error());
  std::cout << org->id << "\n";
  return 0;
}

int CreateUser(const AdminFlags& f) {
  auto data = OpenDataDir(f.data);
  if (!data) return Fail(data.error());
  auto gate = data->SystemGate();
  auto org = catalog::FindOrganisation(gate, f.org);
  if (!org) return Fail("no organisation named '" + f.org + "'");
  auto password = ReadPassword();
  if (!password) return Fail(password.error());
  catalog::UserInput in;
  in.org_id = org->id;
  in.email = f.email;
  in.role = f.role;
  if (!f.name.empty()) in.display_name = f.name;
  in.accept_current_rules = f.accept_rules;
  auto user = catalog::CreateUser(gate, in, *password);
  if (!user) return Fail(user.error());
  std::cout << user->id << "\n";
  return 0;
}

int CreateKey(const AdminFlags& f) {
  auto data = OpenDataDir(f.data);
  if (!data) return Fail(data.error());
  auto gate = data->SystemGate();
  auto user = catalog::FindUser(gate, f.user);
  if (!user) return Fail("no user '" + f.user + "'");
  auto key = catalog::CreateApiKey(gate, user->id, f.name.empty() ? "cli" : f.name);
  if (!key) return Fail(key.error());
  std::cout << key->secret << "\n";
  return 0;
}

int RevokeKey(const AdminFlags& f) {
  auto data = OpenDataDir(f.data);
  if (!data) return Fail(data.error());
  auto gate = data->SystemGate();
  auto user = catalog::FindUser(gate, f.user);
  if (!user) return Fail("no user '" + f.user + "'");
  if (auto st = catalog::RevokeApiKey(gate, user->id, f.key_id); !st.ok()) return Fail(st.error());
  return 0;
}

int SetRole(const AdminFlags& f) {
  auto data = OpenDataDir(f.data);
  if (!data) return Fail(data.error());
  auto gate = data->SystemGate();
  auto user = catalog::FindUser(gate, f.user);
  if (!user) return Fail("no user '" + f.user + "'");
  catalog::UserInput in;
  in.role = f.role;
  auto updated = catalog::UpdateUser(gate, user->id, in);
  if (!updated) return Fail(updated.error());
  return 0;
}

int PublishRules(const AdminFlags& f) {
  auto data = OpenDataDir(f.data, OpenMode::kCreate);
  if (!data) return Fail(data.error());
  std::ifstream in(f.file);
  if (!in) return Fail("cannot read " + f.file);
  std::stringstream text;
  text << in.rdbuf();
  auto gate = data->SystemGate();
  auto rules = catalog::PublishRules(gate, text.str());
  if (!rules) return Fail(rules.error());
  std::cout << rules->version << "\n";
  return 0;
}

int List(const AdminFlags& f) {
  auto data = OpenDataDir(f.data);
  if (!data) return Fail(data.error());
  auto gate = data->SystemGate();
  auto orgs = catalog::ListOrganisations(gate);
  if (!orgs) return Fail(orgs.error());
  auto users = catalog::ListUsers(gate, std::nullopt);
  if (!users) return Fail(users.error());
  if (f.json) {
    nlohmann::json out = {{"organisations", server::api::ToJsonArray(*orgs)},
                          {"users", server::api::ToJsonArray(*users)}};
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  if (f.what == "all" || f.what == "orgs") {
    std::cout << fmt::format("{:>4}  {:<12} {:<12} {}\n", "ID", "MEMBERSHIP", "SECTOR", "NAME");
    for (const auto& o : *orgs)
      std::cout << fmt::format("{:>4}  {:<12} {:<12} {}\n", o.id,
                               model::MembershipName(o.membership), o.sector, o.name);
  }
  if (f.what == "all") std::cout << "\n";
  if (f.what == "all" || f.what == "users") {
    std::cout << fmt::format("{:>4}  {:>4}  {:<9} {:<6} {}\n", "ID", "ORG", "ROLE", "RULES",
                             "EMAIL");
    for (const auto& u : *users)
      std::cout << fmt::format("{:>4}  {:>4}  {:<9} {:<6} {}{}\n", u.id, u.org_id,
                               model::RoleName(u.role), u.accepted_rules_version, u.email,
                               u.disabled ? " (disabled)" : "");
  }
  return 0;
}

}  // namespace

void AddAdminCommands(CLI::App& app, Action& action) {
  auto f = std::make_shared<AdminFlags>();
  auto* admin = app.add_subcommand("admin", "Administer organisations, users, keys and rules");
  admin->require_subcommand(1);
  auto add = [&](const char* name, const char* help, int (*run)(const AdminFlags&)) {
    auto* cmd = admin->add_subcommand(name, help);
    cmd->add_option("--data", f->data, "Data directory")->required();
    cmd->callback([f, run, &action] { action = [f, run] { return run(*f); }; });
    return cmd;
  };
  auto* org = add("create-org", "Create an organisation; prints its id", CreateOrg);
  org->add_option("--name", f->name, "Name")->required();
  org->add_option("--sector", f->sector, "Sector code or Japanese name, e.g. power or 電力")
      ->required();
  org->add_option("--sub-sector", f->sub_sector, "Sub-sector code or Japanese name");
  org->add_option("--membership", f->membership, "secretariat|analyst|participant|observer|related")
      ->required();

  auto* user = add("create-user", "Create a user (password on stdin); prints its id", CreateUser);
  user->add_option("--org", f->org, "Organisation name or id")->required();
  user->add_option("--email", f->email, "E-mail address (the login)")->required();
  user->add_option("--role", f->role, "admin|analyst|member|readonly")->required();
  user->add_option("--name", f->name, "Display name");
  user->add_flag("--accept-rules", f->accept_rules, "Record acceptance of the current rules");

  auto* key = add("create-key", "Create an API key; prints the key alone", CreateKey);
  key->add_option("--user", f->user, "User e-mail or id")->required();
  key->add_option("--name", f->name, "What the key is for");

  auto* revoke = add("revoke-key", "Revoke an API key", RevokeKey);
  revoke->add_option("--user", f->user, "User e-mail or id")->required();
  revoke->add_option("--id", f->key_id, "Key id (see GET /api/v1/keys)")->required();

  auto* role = add("set-role", "Change a user's role", SetRole);
  role->add_option("--user", f->user, "User e-mail or id")->required();
  role->add_option("--role", f->role, "admin|analyst|member|readonly")->required();

  auto* rules = add("publish-rules", "Publish a new version of the operating rules", PublishRules);
  rules->add_option("--file", f->file, "Markdown file with the rules text")->required();

  auto* list = add("list", "List organisations and users", List);
  list->add_option("what", f->what, "all|orgs|users")
      ->check(CLI::IsMember({"all", "orgs", "users"}));
  list->add_flag("--json", f->json, "JSON output");
}

}  // namespace ts::cli
