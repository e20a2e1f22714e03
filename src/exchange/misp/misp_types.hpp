// MISP attribute types and the portal's indicator types, both ways
// (docs/exchange.md, MISP section, has the table). Composite MISP types
// ("filename|sha256", "domain|ip", "ip-dst|port") carry two values; each
// half that names an indicator becomes one.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/indicator_type.hpp"

namespace ts::exchange::misp {

// One indicator read from a MISP attribute: the type may be empty, meaning
// "detect from the value" (ip-src/ip-dst hold IPv4, IPv6 or CIDR).
struct MispValue {
  std::string type;
  std::string value;
};

// What an attribute of `misp_type` with `value` holds. nullopt when the
// type names no indicator (link, comment, attachment, ...); an empty list
// when it does but the value is empty.
std::optional<std::vector<MispValue>> IndicatorsOf(std::string_view misp_type,
                                                   std::string_view value);

// The MISP type and category an indicator of `type` is written as.
struct MispTypeAndCategory {
  std::string_view type;
  std::string_view category;
  bool to_ids = true;
};
MispTypeAndCategory MispTypeOf(model::IndicatorType type);

}  // namespace ts::exchange::misp
