// Users and their API keys. Organisation administrators manage their own
// organisation's users; secretariat administrators manage everyone.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "access/gate.hpp"
#include "model/organisation.hpp"

namespace ts::catalog {

struct UserInput {
  std::optional<int64_t> org_id;
  std::optional<std::string> email;
  std::optional<std::string> display_name;
  std::optional<std::string> role;
  std::optional<bool> disabled;
  bool accept_current_rules = false;  // scripted set-ups only (CLI)
};

Result<model::User> CreateUser(access::Gate& gate, const UserInput& in,
                               const std::string& password);
Result<model::User> UpdateUser(access::Gate& gate, int64_t id, const UserInput& in);
Result<model::User> FindUser(access::Gate& gate, const std::string& id_or_email);
// All users the viewer may manage: their organisation's, or everyone's.
Result<std::vector<model::User>> ListUsers(access::Gate& gate, std::optional<int64_t> org_id);
Status ChangePassword(access::Gate& gate, int64_t user_id, const std::string& password);

struct NewApiKey {
  model::ApiKey key;
  std::string secret;  // shown once, never stored
};
// Creates a key for user_id: the viewer themselves (or any user, from the CLI).
Result<NewApiKey> CreateApiKey(access::Gate& gate, int64_t user_id, const std::string& name);
Status RevokeApiKey(access::Gate& gate, int64_t user_id, int64_t key_id);
Result<std::vector<model::ApiKey>> ListApiKeys(access::Gate& gate, int64_t user_id);

// Lower-cases and checks an e-mail address for use as a login.
Result<std::string> CanonicalLogin(std::string_view email);

}  // namespace ts::catalog
