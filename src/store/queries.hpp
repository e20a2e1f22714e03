// Query parameters and records that pass through the Store interface but
// are not domain objects of their own.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/category.hpp"
#include "model/event.hpp"
#include "model/level.hpp"
#include "model/organisation.hpp"
#include "model/sighting.hpp"

namespace ts::store {

template <typename T>
struct Page {
  std::vector<T> items;
  int64_t total = 0;  // matching rows the scope allows, over all pages
};

enum class EventSort { kModifiedDesc, kModifiedAsc, kCreatedDesc, kCreatedAsc, kTitle, kLevel };

struct EventFilter {
  std::optional<model::Level> level;
  std::optional<model::Category> category;
  std::optional<model::Timing> timing;
  std::optional<model::EventStatus> status;
  std::optional<int64_t> provider_org_id;
  std::string tag;
  std::string text;  // substring of title or description, case-insensitive
  EventSort sort = EventSort::kModifiedDesc;
  int64_t offset = 0;
  int64_t limit = 50;
};

struct IndicatorFilter {
  std::string event_id;  // empty: all events in scope
  std::optional<model::IndicatorType> type;
  // Any of these exact (type, normalised value) pairs; nullopt: no filter.
  std::optional<std::vector<std::pair<model::IndicatorType, std::string>>> typed_values;
  std::string text;                  // substring of the value
  std::vector<model::Level> levels;  // effective level among these; empty: any
  std::string event_tag;             // the event carries this tag
  std::string modified_since;        // RFC 3339; empty: any time
  int64_t offset = 0;
  int64_t limit = 100;
};

// One use of an event, with what a report needs of the event.
struct UseRow {
  model::EventUse use;
  std::string event_title;
  int64_t provider_org_id = 0;
  std::string provider_name;
};

struct UseFilter {
  std::string from;  // RFC 3339, inclusive; empty: any
  std::string to;    // RFC 3339, exclusive; empty: any
  std::optional<int64_t> provider_org_id;
  std::string event_id;
};

struct ApiKeyRecord {
  model::ApiKey key;
  model::User user;
};

// A source object kept verbatim with an event by an import (STIX, MISP):
// one row per version. `level` is the object's own marking when narrower
// than its event's; readers the level does not reach never see the row.
struct SourceObjectRow {
  std::string event_id;
  std::string object_id;
  std::string type;
  std::string modified;
  std::string json;
  std::optional<model::Level> level;
};

// MITRE ATT&CK reference data: a technique (T1566.001) or tactic (TA0001).
struct AttackRow {
  std::string external_id;
  std::string stix_id;
  std::string kind;  // "technique" or "tactic"
  std::string name;
  std::string description;
  std::vector<std::string> tactics;
  bool deprecated = false;
};

struct SessionRecord {
  std::string token_hash;  // SHA-256 of the cookie value
  int64_t user_id = 0;
  std::string csrf_token;
  std::string created;
  std::string expires;
};

}  // namespace ts::store
