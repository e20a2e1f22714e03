// Where an imported indicator came from inside its source document, kept as
// data so that an exporter can put it back in place: today the MISP
// Attribute it was read from and, for an attribute of a MISP Object, that
// object. Read-only after import: editing the indicator keeps it.
#pragma once

#include <string>

namespace ts::model {

struct IndicatorOrigin {
  std::string object_uuid;     // the MISP Object; empty for a top-level attribute
  std::string object_name;     // "file", "domain-ip"; empty outside an object
  std::string relation;        // object_relation, e.g. "sha256"; may be empty
  std::string attribute_uuid;  // the MISP Attribute; may be empty

  bool operator==(const IndicatorOrigin&) const = default;
};

}  // namespace ts::model
