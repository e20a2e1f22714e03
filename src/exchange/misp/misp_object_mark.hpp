// How an indicator read from a MISP Object's attribute stays tied to that
// object: its comment starts with a mark
//   MISP object <name>/<relation> <object-uuid>[/<attribute-uuid>]
// followed by the attribute's own comment (": …") and tags ("; tags: …").
// The object itself is kept as a source object of type kMispObjectType
// (import_batch.hpp) under its uuid; the MISP writer gathers the indicators
// whose mark names a kept object back into its Attribute list. The mark is
// plain text, so it survives edits of the indicator and needs no column.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ts::exchange::misp {

struct ObjectMark {
  std::string name;            // "file"; blanks become "_"
  std::string relation;        // "sha256"; may be empty; blanks become "_"
  std::string object_uuid;     // empty: the object had none (mark not parseable)
  std::string attribute_uuid;  // may be empty
};

// What a mark accepts as an object or attribute id: MISP writes uuids, but
// hand-made files use short ids such as "a"; blanks and ":;/" cannot occur.
bool IsMarkId(std::string_view s);

std::string FormatMark(const ObjectMark& mark);

// The mark at the start of `comment` and the comment without it (": " or
// "; " separators dropped). nullopt when there is no mark with an object uuid.
std::optional<std::pair<ObjectMark, std::string>> ParseMark(std::string_view comment);

}  // namespace ts::exchange::misp
