// One indicator to hunt for: a canonical value (ingest/normalize.hpp) of one
// type, and where it came from, so that a hit can name the shared event and
// campaign and later be posted back as a sighting of it.
#pragma once

#include <string_view>

#include "model/indicator_type.hpp"

namespace ts::hunt {

// Views: into the IndicatorSet that holds it; for one given to
// IndicatorSet::Add, into anything that outlives the call.
struct Indicator {
  model::IndicatorType type = model::IndicatorType::kText;
  std::string_view value;     // canonical
  std::string_view event;     // shared event or report it belongs to; empty when unknown
  std::string_view campaign;  // campaign or actor it is tied to; empty when unknown
};

// Whether the scanner can find indicators of `type` in logs at all (e-mail
// subjects, mutexes and the like never appear in network logs).
bool IsHuntable(model::IndicatorType type);

}  // namespace ts::hunt
