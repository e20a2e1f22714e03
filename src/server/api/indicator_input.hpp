// Reading indicator fields from request bodies, shared by the event and
// indicator resources.
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "catalog/events.hpp"
#include "server/http.hpp"

namespace ts::server::api {

// One indicator object's fields; `field` prefixes error field names.
Result<catalog::IndicatorInput> ReadIndicator(const nlohmann::json& obj, const std::string& field);
struct IndicatorInputs {
  std::vector<catalog::IndicatorInput> items;
  bool as_list = false;  // given as {"indicators": [...]}
};
// A body holding one indicator object, or {"indicators": [objects]}.
Result<IndicatorInputs> ReadIndicatorInputs(const Request& req);

}  // namespace ts::server::api
