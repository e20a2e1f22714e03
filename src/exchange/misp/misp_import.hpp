// MISP event JSON → ImportBatch. Accepts what MISP and PyMISP write: one
// {"Event": {...}}, {"response": [{"Event": ...}, ...]}, a list of those, or
// a bare event object. Attributes (top-level and inside objects) become
// indicators through the type table of misp_types.hpp; event tags are kept
// (TLP tags become the level, see misp_levels.hpp), ATT&CK galaxy clusters
// and tags become "attack:T…" tags, vulnerability attributes "cve:…" tags;
// sightings give an indicator's first and last seen; each object with a
// uuid is kept as a "misp-object" source object (kMispObjectType). Every
// indicator records its origin (model/indicator_origin.hpp): the attribute
// uuid and, inside an object, the object's uuid and name and the attribute's
// relation, so that export puts it back in place; its comment is the
// attribute's own. Problems name the event or attribute uuid and the
// property path.
#pragma once

#include <string>

#include "exchange/format.hpp"

namespace ts::exchange::misp {

ImportBatch ParseMisp(const std::string& content, const ParseOptions& opts);

}  // namespace ts::exchange::misp
