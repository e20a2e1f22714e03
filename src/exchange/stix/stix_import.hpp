// STIX 2.1 bundle → ImportBatch. Parses with simdjson, validates each object
// against the specification's rules (required properties, identifier
// format, timestamps, spec_version, reference types) and maps what the
// portal models; every object is also kept verbatim. Problems name the
// object id and the property.
#pragma once

#include <string>

#include "exchange/format.hpp"

namespace ts::exchange::stix {

ImportBatch ParseBundle(const std::string& content, const ParseOptions& opts);

}  // namespace ts::exchange::stix
