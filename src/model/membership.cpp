#include "model/membership.hpp"

#include "util/enum_names.hpp"

namespace ts::model {
namespace {
constexpr EnumNames<Membership, 5> kNames{{{Membership::kSecretariat, "secretariat"},
                                           {Membership::kAnalyst, "analyst"},
                                           {Membership::kParticipant, "participant"},
                                           {Membership::kObserver, "observer"},
                                           {Membership::kRelated, "related"}}};
}  // namespace

std::string_view MembershipName(Membership m) {
  return NameOf(kNames, m);
}
std::optional<Membership> ParseMembership(std::string_view name) {
  return ParseName(kNames, name);
}

}  // namespace ts::model
