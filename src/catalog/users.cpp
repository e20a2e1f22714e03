#include "catalog/users.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "util/crypto.hpp"
#include "util/parse_number.hpp"
#include "util/password.hpp"
#include "util/time.hpp"

namespace ts::catalog {
namespace {

// API keys look like "ts_<43 base64url characters>"; the prefix is shown in
// lists so that a user can tell keys apart.
constexpr std::string_view kKeyPrefix = "ts_";
constexpr std::size_t kShownPrefix = 10;

bool MaySeeUser(const access::Viewer& v, const model::User& u) {
  return access::CanManageUsersOf(v, u.org_id) || (v.is_user() && v.user_id == u.id);
}

}  // namespace

Result<std::string> CanonicalLogin(std::string_view email) {
  std::string e(email);
  std::transform(e.begin(), e.end(), e.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  auto at = e.find('@');
  if (e.size() > 254 || at == std::string::npos || at == 0 || at + 1 >= e.size() ||
      e.find('@', at + 1) != std::string::npos ||
      std::any_of(e.begin(), e.end(), [](unsigned char c) { return c <= ' ' || c == 0x7f; }))
    return Error::Invalid("'" + std::string(email) + "' is not an e-mail address", "email");
  return e;
}

Result<model::User> CreateUser(access::Gate& gate, const UserInput& in,
                               const std::string& password) {
  if (!in.org_id) return Error::Invalid("organisation is required", "org");
  if (!access::CanManageUsersOf(gate.viewer(), *in.org_id))
    return Error::Forbidden("only administrators of the organisation create its users");
  if (!in.email) return Error::Invalid("email is required", "email");
  auto email = CanonicalLogin(*in.email);
  if (!email) return email.error();
  model::User user;
  user.org_id = *in.org_id;
  user.email = *email;
  user.display_name = in.display_name.value_or("");
  auto role = model::ParseRole(in.role.value_or("member"));
  if (!role) return Error::Invalid("role must be admin, analyst, member or readonly", "role");
  user.role = *role;
  user.created = NowUtc();
  TS_TRY(CheckPasswordPolicy(password));
  auto hash = HashPassword(password);
  if (!hash) return hash.error();
  TS_TRY(gate.Write([&](store::WriteTxn& txn, access::Auditor& audit) -> Status {
    if (!txn.OrganisationById(user.org_id)) return Error::NotFound("organisation");
    if (txn.UserByEmail(user.email))
      return Error::Conflict("a user with e-mail " + user.email + " already exists", "email");
    user.id = txn.InsertUser(user, *hash);
    audit.Record(
        "user.create", "user", std::to_string(user.id),
        nlohmann::json{
            {"email", user.email}, {"org_id", user.org_id}, {"role", model::RoleName(user.role)}}
            .dump());
    if (in.accept_current_rules) {
      if (auto rules = txn.CurrentRules()) {
        txn.RecordRulesAcceptance(user.id, rules->version, NowUtc());
        user.accepted_rules_version = rules->version;
        audit.Record("rules.accept", "user", std::to_string(user.id),
                     nlohmann::json{{"version", rules->version}}.dump());
      }
    }
    return {};
  }));
  return user;
}

Result<model::User> UpdateUser(access::Gate& gate, int64_t id, const UserInput& in) {
  model::User user;
  TS_TRY(gate.Write([&](store::WriteTxn& txn, access::Auditor& audit) -> Status {
    auto found = txn.UserById(id);
    if (!found || !MaySeeUser(gate.viewer(), *found)) return Error::NotFound("user");
    if (!access::CanManageUsersOf(gate.viewer(), found->org_id))
      return Error::Forbidden("only administrators change users");
    user = *found;
    if (in.display_name) user.display_name = *in.display_name;
    if (in.role) {
      auto role = model::ParseRole(*in.role);
      if (!role) return Error::Invalid("role must be admin, analyst, member or readonly", "role");
      user.role = *role;
    }
    if (in.disabled) user.disabled = *in.disabled;
    if (in.org_id && *in.org_id != user.org_id) {
      if (!access::IsInstanceAdmin(gate.viewer()))
        return Error::Forbidden("only secretariat administrators move users between organisations");
      if (!txn.OrganisationById(*in.org_id)) return Error::NotFound("organisation");
      user.org_id = *in.org_id;
    }
    txn.UpdateUser(user);
    // A disabled or moved user must not keep acting through old sessions.
    if (user.disabled || user.org_id != found->org_id) txn.DeleteSessionsOfUser(user.id);
    audit.Record("user.update", "user", std::to_string(user.id),
                 nlohmann::json{{"role", model::RoleName(user.role)},
                                {"disabled", user.disabled},
                                {"org_id", user.org_id}}
                     .dump());
    return {};
  }));
  return user;
}

Result<model::User> FindUser(access::Gate& gate, const std::string& id_or_email) {
  std::optional<model::User> user;
  TS_TRY(gate.Read([&](store::ReadTxn& txn) -> Status {
    if (auto id = ParseNumber<int64_t>(id_or_email)) user = txn.UserById(*id);
    if (!user) {
      auto email = CanonicalLogin(id_or_email);
      if (email) user = txn.UserByEmail(*email);
    }
    return {};
  }));
  if (!user || !MaySeeUser(gate.viewer(), *user)) return Error::NotFound("user");
  return *std::move(user);
}

Result<std::vector<model::User>> ListUsers(access::Gate& gate, std::optional<int64_t> org_id) {
  const auto& v = gate.viewer();
  if (!access::IsInstanceAdmin(v)) {
    if (!v.is_user() || v.role != model::Role::kAdmin)
      return Error::Forbidden("only administrators list users");
    if (org_id && *org_id != v.org_id)
      return Error::Forbidden("administrators list their own organisation");
    org_id = v.org_id;
  }
  std::vector<model::User> users;
  TS_TRY(gate.Read([&](store::ReadTxn& txn) -> Status {
    users = txn.Users(org_id);
    return {};
  }));
  return users;
}

Status ChangePassword(access::Gate& gate, int64_t user_id, const std::string& password) {
  TS_TRY(CheckPasswordPolicy(password));
  auto hash = HashPassword(password);
  if (!hash) return hash.error();
  return gate.Write([&](store::WriteTxn& txn, access::Auditor& audit) -> Status {
    auto user = txn.UserById(user_id);
    if (!user || !MaySeeUser(gate.viewer(), *user)) return Error::NotFound("user");
    txn.SetPasswordHash(user_id, *hash);
    txn.DeleteSessionsOfUser(user_id);
    audit.Record("user.password", "user", std::to_string(user_id));
    return {};
  });
}

Result<NewApiKey> CreateApiKey(access::Gate& gate, int64_t user_id, const std::string& name) {
  if (name.size() > 200) return Error::Invalid("name must be at most 200 characters", "name");
  NewApiKey out;
  out.secret = std::string(kKeyPrefix) + RandomToken(32);
  out.key.user_id = user_id;
  out.key.name = name.empty() ? "key" : name;
  out.key.prefix = out.secret.substr(0, kShownPrefix);
  out.key.created = NowUtc();
  TS_TRY(gate.Write([&](store::WriteTxn& txn, access::Auditor& audit) -> Status {
    auto user = txn.UserById(user_id);
    if (!user || !MaySeeUser(gate.viewer(), *user)) return Error::NotFound("user");
    // A key acts as its user; an administrator minting one for someone else
    // could act in their name. Administrators list and revoke, never create.
    if (!access::CanCreateKeyFor(gate.viewer(), user_id))
      return Error::Forbidden("users create their own API keys");
    if (user->disabled) return Error::Conflict("the user is disabled");
    out.key.id = txn.InsertApiKey(out.key, Sha256Hex(out.secret));
    audit.Record(
        "key.create", "api_key", std::to_string(out.key.id),
        nlohmann::json{{"user_id", user_id}, {"name", out.key.name}, {"prefix", out.key.prefix}}
            .dump());
    return {};
  }));
  return out;
}

Status RevokeApiKey(access::Gate& gate, int64_t user_id, int64_t key_id) {
  return gate.Write([&](store::WriteTxn& txn, access::Auditor& audit) -> Status {
    auto user = txn.UserById(user_id);
    if (!user || !MaySeeUser(gate.viewer(), *user)) return Error::NotFound("API key");
    auto keys = txn.ApiKeys(user_id);
    if (std::none_of(keys.begin(), keys.end(),
                     [&](const model::ApiKey& k) { return k.id == key_id; }))
      return Error::NotFound("API key");
    txn.RevokeApiKey(key_id);
    audit.Record("key.revoke", "api_key", std::to_string(key_id));
    return {};
  });
}

Result<std::vector<model::ApiKey>> ListApiKeys(access::Gate& gate, int64_t user_id) {
  std::vector<model::ApiKey> keys;
  TS_TRY(gate.Read([&](store::ReadTxn& txn) -> Status {
    auto user = txn.UserById(user_id);
    if (!user || !MaySeeUser(gate.viewer(), *user)) return Error::NotFound("user");
    keys = txn.ApiKeys(user_id);
    return {};
  }));
  return keys;
}

}  // namespace ts::catalog
