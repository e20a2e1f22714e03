// Canonical forms of indicator values, so that the same thing written two
// ways is stored, compared and de-duplicated once. Normalisation refangs
// defanged writing (hxxp, [.], (.), [dot], full-width ．＠：／), lower-cases
// what is case-insensitive, strips trailing dots from names, converts IDN to
// punycode and canonicalises URLs. Pure functions, safe from any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/indicator_type.hpp"
#include "util/result.hpp"

namespace ts::ingest {

// The canonical form of `raw` as an indicator of `type`, or an Invalid error
// whose message says what is wrong with the value (field "value").
Result<std::string> Normalize(model::IndicatorType type, std::string_view raw);

// The most specific type `raw` can be read as (after refanging), or nullopt
// when it looks like nothing but free text. Used for bulk paste.
std::optional<model::IndicatorType> DetectType(std::string_view raw);

}  // namespace ts::ingest
