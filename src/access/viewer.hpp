// Who is asking: the identity every read and write is decided for. Made by
// the server's authentication from a session or an API key, by the CLI as
// the system, or as an anonymous reader.
#pragma once

#include <cstdint>
#include <string>

#include "model/membership.hpp"
#include "model/role.hpp"

namespace ts::access {

struct Viewer {
  enum class Kind { kUser, kAnonymous, kSystem };
  Kind kind = Kind::kAnonymous;
  int64_t user_id = 0;
  int64_t org_id = 0;
  std::string email;
  model::Membership membership = model::Membership::kRelated;
  model::Role role = model::Role::kReadOnly;
  int accepted_rules_version = 0;
  std::string address;  // client IP, "cli" for the command line

  static Viewer System(std::string address = "cli") {
    Viewer v;
    v.kind = Kind::kSystem;
    v.email = "system";
    v.address = std::move(address);
    return v;
  }
  static Viewer Anonymous(std::string address) {
    Viewer v;
    v.address = std::move(address);
    return v;
  }
  bool is_user() const { return kind == Kind::kUser; }
  bool is_system() const { return kind == Kind::kSystem; }
};

}  // namespace ts::access
