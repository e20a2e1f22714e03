// An event is a shared case or report; indicators hang off it. Public ids
// are random UUIDs so that they reveal neither order nor count.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/category.hpp"
#include "model/indicator_origin.hpp"
#include "model/indicator_type.hpp"
#include "model/level.hpp"

namespace ts::model {

// draft: visible to the provider and submitter only; pending: submitted on
// behalf of another provider and awaiting its consent; published: shared at
// its level.
enum class EventStatus { kDraft, kPending, kPublished };
std::string_view EventStatusName(EventStatus s);
std::optional<EventStatus> ParseEventStatus(std::string_view name);

struct Event {
  std::string id;  // UUID
  std::string title;
  std::string description;  // Markdown
  int64_t provider_org_id = 0;
  int64_t submitter_org_id = 0;
  int64_t submitter_user_id = 0;
  Level level = Level::kAmber;
  Category category = Category::kBb;
  Timing timing = Timing::kPeacetime;
  std::vector<std::string> tags;
  EventStatus status = EventStatus::kDraft;
  std::string created;
  std::string modified;
  // Filled by reads for display: names of the organisations.
  std::string provider_org_name;
};

struct Indicator {
  std::string id;  // UUID
  std::string event_id;
  IndicatorType type = IndicatorType::kText;
  std::string value;           // normalised
  std::optional<Level> level;  // narrower than the event's, or none
  std::string first_seen;      // RFC 3339 or empty
  std::string last_seen;
  int confidence = -1;  // 0..100, -1 unknown
  std::string comment;
  std::optional<IndicatorOrigin> origin;  // set by imports only
  std::string created;
  std::string modified;
  // Filled by reads: the level of the indicator's event.
  Level event_level = Level::kRed;
};

// The level that actually governs an indicator: its own if narrower than
// its event's.
inline Level EffectiveLevel(const Indicator& i) {
  return i.level ? Narrowest(*i.level, i.event_level) : i.event_level;
}

}  // namespace ts::model
