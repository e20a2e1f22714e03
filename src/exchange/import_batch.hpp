// What every import parser (STIX, MISP, CSV, free text) produces: the events
// to create with their indicators, the source objects kept verbatim beside
// them, reference data (MITRE ATT&CK), and the problems found. Pure data: no
// store, catalog or server dependency, so parsers stay fuzzable.
//
// Contract between parsers and the storing side (catalog/imports.hpp):
//  - the batch holds only what parsed and validated; everything left out is
//    listed in `problems`, each naming where (object id + property, or file
//    line) and why;
//  - a problem with `fatal` set means the input as a whole is unusable
//    (truncated JSON, not UTF-8, ...): nothing is stored, ever;
//  - other problems mean one object was skipped: nothing is stored unless the
//    user asked for a best-effort import, whose report lists the problems.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/indicator_origin.hpp"
#include "model/level.hpp"

namespace ts::exchange {

struct Problem {
  std::string object_id;  // STIX id or MISP uuid; empty for line-based input
  std::string property;   // path inside the object, e.g. "object_refs[2]"
  int64_t line = 0;       // 1-based line in the file; 0 when not line-based
  std::string message;
  bool fatal = false;  // the whole input is rejected
};

// An indicator to add to an event; the catalog checks and normalises it.
struct IndicatorDraft {
  std::string type;  // model::IndicatorType name; empty: detect from value
  std::string value;
  std::optional<model::Level> level;  // narrower than the event's, or none
  std::string first_seen;             // RFC 3339 or empty
  std::string last_seen;
  int confidence = -1;  // 0..100, -1 unknown
  std::string comment;
  std::string source_id;  // id of the object it came from, for problems
  // Its place in the source document (MISP object and attribute), stored
  // with the indicator so that export can put it back there.
  std::optional<model::IndicatorOrigin> origin;
};

// The source-object type of a MISP Object (misp/misp_import.hpp); all
// other source objects are STIX objects.
inline constexpr std::string_view kMispObjectType = "misp-object";

// A source object stored verbatim so that export gives it back unchanged.
// Every version (id + modified) is a separate object.
struct SourceObject {
  std::string id;        // "indicator--<uuid>"
  std::string type;      // "indicator"
  std::string modified;  // version key: modified, else created, else ""
  std::string json;      // the object's exact JSON text (minified)
  // Its own marking, when it has one; readers narrower than the event's
  // level never see it (access rule of indicators).
  std::optional<model::Level> level;
};

// A sighting in the source of an indicator in the same batch. The storing
// side records it as the importing organisation's own, anonymous sighting
// of every indicator drafted from `sighting_of` (IndicatorDraft::source_id),
// once per source id; one of something else stays a verbatim object only.
struct SightingDraft {
  std::string source_id;    // "sighting--<uuid>"
  std::string sighting_of;  // "indicator--<uuid>"
  int64_t count = 1;
  std::string first_seen;  // RFC 3339
  std::string last_seen;
  std::optional<model::Level> level;  // its own marking, when it has one
};

struct EventDraft {
  std::string key;  // identity in the source: report id, MISP uuid, file name
  std::string title;
  std::string description;
  std::optional<model::Level> level;  // none: the importer's default level
  std::string category;               // model::Category name; empty: default
  std::string timing;                 // model::Timing name; empty: default
  std::vector<std::string> tags;      // e.g. "attack:T1566.001"
  std::vector<IndicatorDraft> indicators;
  std::vector<SourceObject> objects;
  std::vector<SightingDraft> sightings;
};

// A MITRE ATT&CK technique (T1566.001) or tactic (TA0001).
struct AttackEntry {
  std::string external_id;
  std::string stix_id;
  std::string kind;  // "technique" or "tactic"
  std::string name;
  std::string description;
  std::vector<std::string> tactics;  // kill-chain phase names of a technique
  bool deprecated = false;           // revoked or x_mitre_deprecated
};

struct ImportBatch {
  std::string format;  // "stix", "misp", "csv", "text"
  std::vector<EventDraft> events;
  std::vector<AttackEntry> attack;
  std::vector<Problem> problems;
  int64_t objects_read = 0;  // source objects or lines seen, for the report

  bool HasFatal() const {
    for (const auto& p : problems)
      if (p.fatal) return true;
    return false;
  }
};

// "indicator--… created: message" or "line 12: message", for CLI output.
std::string DescribeProblem(const Problem& p);

}  // namespace ts::exchange
