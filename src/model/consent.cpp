#include "model/consent.hpp"

#include "util/enum_names.hpp"

namespace ts::model {
namespace {
constexpr EnumNames<ConsentKind, 2> kKinds{
    {{ConsentKind::kWiden, "widen"}, {ConsentKind::kPublish, "publish"}}};
constexpr EnumNames<ConsentState, 3> kStates{{{ConsentState::kPending, "pending"},
                                              {ConsentState::kApproved, "approved"},
                                              {ConsentState::kRejected, "rejected"}}};
}  // namespace

std::string_view ConsentKindName(ConsentKind k) {
  return NameOf(kKinds, k);
}
std::string_view ConsentStateName(ConsentState s) {
  return NameOf(kStates, s);
}
std::optional<ConsentState> ParseConsentState(std::string_view name) {
  return ParseName(kStates, name);
}

}  // namespace ts::model
