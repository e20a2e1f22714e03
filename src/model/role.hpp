// A user's role inside their organisation.
//   admin    — manages the organisation's users and keys; an admin of the
//              secretariat also manages organisations, rules and the audit log.
//   analyst  — creates and edits the organisation's items, answers consent
//              requests addressed to the organisation.
//   member   — creates items and edits the ones they submitted.
//   readonly — reads only.
#pragma once

#include <optional>
#include <string_view>

namespace ts::model {

enum class Role { kAdmin, kAnalyst, kMember, kReadOnly };

inline constexpr Role kAllRoles[] = {Role::kAdmin, Role::kAnalyst, Role::kMember, Role::kReadOnly};

// "admin", "analyst", "member", "readonly".
std::string_view RoleName(Role r);
std::optional<Role> ParseRole(std::string_view name);

}  // namespace ts::model
