#include "model/role.hpp"

#include "util/enum_names.hpp"

namespace ts::model {
namespace {
constexpr EnumNames<Role, 4> kNames{{{Role::kAdmin, "admin"},
                                     {Role::kAnalyst, "analyst"},
                                     {Role::kMember, "member"},
                                     {Role::kReadOnly, "readonly"}}};
}  // namespace

std::string_view RoleName(Role r) {
  return NameOf(kNames, r);
}
std::optional<Role> ParseRole(std::string_view name) {
  return ParseName(kNames, name);
}

}  // namespace ts::model
