// Provider consent (情報提供元の許可): widening an item's level, or
// publishing it on behalf of another provider, waits for the provider
// organisation's approval; until then nothing changes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "model/level.hpp"

namespace ts::model {

enum class ConsentKind { kWiden, kPublish };
enum class ConsentState { kPending, kApproved, kRejected };
std::string_view ConsentKindName(ConsentKind k);
std::string_view ConsentStateName(ConsentState s);
std::optional<ConsentState> ParseConsentState(std::string_view name);

struct ConsentRequest {
  std::string id;  // UUID
  ConsentKind kind = ConsentKind::kWiden;
  std::string event_id;
  int64_t provider_org_id = 0;  // who decides
  int64_t requester_org_id = 0;
  int64_t requester_user_id = 0;
  std::optional<Level> from_level;  // widen only
  std::optional<Level> to_level;
  std::string reason;
  ConsentState state = ConsentState::kPending;
  int64_t decided_by_user_id = 0;
  std::string decision_comment;
  std::string created;
  std::string decided;
};

}  // namespace ts::model
