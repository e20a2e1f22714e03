#include "model/event.hpp"

#include "util/enum_names.hpp"

namespace ts::model {
namespace {
constexpr EnumNames<EventStatus, 3> kNames{{{EventStatus::kDraft, "draft"},
                                            {EventStatus::kPending, "pending"},
                                            {EventStatus::kPublished, "published"}}};
}  // namespace

std::string_view EventStatusName(EventStatus s) {
  return NameOf(kNames, s);
}
std::optional<EventStatus> ParseEventStatus(std::string_view name) {
  return ParseName(kNames, name);
}

}  // namespace ts::model
