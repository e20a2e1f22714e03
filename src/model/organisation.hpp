// Organisations and their users: the parties that provide and receive items.
#pragma once

#include <cstdint>
#include <string>

#include "model/membership.hpp"
#include "model/role.hpp"

namespace ts::model {

struct Organisation {
  int64_t id = 0;
  std::string name;
  std::string sector;      // code from model/sector.hpp, e.g. "power"
  std::string sub_sector;  // code, or empty
  Membership membership = Membership::kParticipant;
  std::string created;  // RFC 3339 UTC
};

struct User {
  int64_t id = 0;
  int64_t org_id = 0;
  std::string email;  // lower-cased
  std::string display_name;
  Role role = Role::kMember;
  bool disabled = false;
  int accepted_rules_version = 0;  // 0: none accepted yet
  std::string created;
};

// An API key as stored: only the SHA-256 of the secret is kept.
struct ApiKey {
  int64_t id = 0;
  int64_t user_id = 0;
  std::string name;
  std::string prefix;  // first characters of the key, to recognise it in lists
  std::string created;
  std::string last_used;
  bool revoked = false;
};

}  // namespace ts::model
