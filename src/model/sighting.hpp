// What members report back about shared information: sightings (an
// indicator was seen in their own records) and uses (what they did with an
// event). Both keep the reporter's identity to themselves unless the
// reporter chose to share it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ts::model {

struct Sighting {
  std::string id;  // UUID
  std::string indicator_id;
  int64_t org_id = 0;  // the reporting organisation
  std::string first_seen;
  std::string last_seen;
  int64_t count = 0;
  bool share_identity = false;  // others may see which organisation saw it
  std::string terminals;        // JSON array of terminal details, "" unless shared
  std::string source;           // "hunt" or "manual"
  std::string created;
};

// What a member did with an event (活用状況).
enum class UseAction { kBlocked, kDetected, kFalsePositive, kNotRelevant };
std::string_view UseActionName(UseAction a);
std::optional<UseAction> ParseUseAction(std::string_view name);
inline constexpr UseAction kAllUseActions[] = {UseAction::kBlocked, UseAction::kDetected,
                                               UseAction::kFalsePositive, UseAction::kNotRelevant};

struct EventUse {
  std::string id;  // UUID
  std::string event_id;
  int64_t org_id = 0;
  int64_t user_id = 0;
  UseAction action = UseAction::kDetected;
  std::string comment;
  bool share_identity = false;
  std::string created;
};

}  // namespace ts::model
