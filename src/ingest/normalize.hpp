// Canonical forms of indicator values, so that the same thing written two
// ways is stored, compared and de-duplicated once. Normalisation refangs
// defanged writing (hxxp, [.], (.), [dot], full-width ．＠：／), lower-cases
// what is case-insensitive, strips trailing dots from names, converts IDN to
// punycode and canonicalises URLs. Pure functions, safe from any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/indicator_type.hpp"
#include "util/result.hpp"

namespace ts::ingest {

// The canonical form of `raw` as an indicator of `type`, or an Invalid error
// whose message says what is wrong with the value (field "value").
Result<std::string> Normalize(model::IndicatorType type, std::string_view raw);

// Every (type, canonical value) that `raw` can be read as, limited to `only`
// when given: what an exact search for a value written by a person matches.
std::vector<std::pair<model::IndicatorType, std::string>> AllReadings(
    std::string_view raw, std::optional<model::IndicatorType> only = std::nullopt);

// The most specific type `raw` can be read as (after refanging), or nullopt
// when it looks like nothing but free text. Used for bulk paste.
std::optional<model::IndicatorType> DetectType(std::string_view raw);

}  // namespace ts::ingest
