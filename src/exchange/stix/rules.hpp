// The STIX 2.1 rules one object must satisfy (specification §3-§7 and the
// OASIS JSON schemas): required properties, identifier and timestamp
// formats, spec_version, property types and the types references point to.
// Each violation becomes a Problem naming the object id and the property.
#pragma once

#include <string_view>
#include <vector>

#include <simdjson.h>

#include "exchange/import_batch.hpp"

namespace ts::exchange::stix {

enum class ObjectKind { kSdo, kSro, kSco, kMeta, kCustom };

// The kind of a STIX type name ("indicator" → SDO, "ipv4-addr" → SCO,
// "marking-definition" → meta, anything else → custom).
ObjectKind KindOf(std::string_view type);

// "indicator--<uuid>" whose UUID has the RFC 4122 form the schemas require.
bool IsIdentifier(std::string_view s);
// RFC 3339 in UTC as STIX writes it; with millis also ".sss" or finer.
bool IsTimestamp(std::string_view s, bool millis);

// The string value of property `key`, or "" when absent or not a string.
std::string_view StringOf(simdjson::dom::object obj, std::string_view key);

// Appends the problems of `obj`; `where` is its id when it has a valid one,
// else its position ("objects[3]").
void CheckObject(simdjson::dom::object obj, std::string_view where, std::vector<Problem>& out);

}  // namespace ts::exchange::stix
