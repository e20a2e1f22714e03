#include "model/sighting.hpp"

#include "util/enum_names.hpp"

namespace ts::model {
namespace {
constexpr EnumNames<UseAction, 4> kNames{{{UseAction::kBlocked, "blocked"},
                                          {UseAction::kDetected, "detected"},
                                          {UseAction::kFalsePositive, "false_positive"},
                                          {UseAction::kNotRelevant, "not_relevant"}}};
}  // namespace

std::string_view UseActionName(UseAction a) {
  return NameOf(kNames, a);
}
std::optional<UseAction> ParseUseAction(std::string_view name) {
  return ParseName(kNames, name);
}

}  // namespace ts::model
