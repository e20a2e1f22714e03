// The simple STIX 2.1 patterns the portal turns into indicators: one
// observation or an OR of observations, each a comparison or an OR of
// comparisons of an observable's value with '=':
//   [ipv4-addr:value = '198.51.100.1' OR domain-name:value = 'example.com']
// Anything else (AND, FOLLOWEDBY, qualifiers, other operators) is not
// simple; the caller keeps such a pattern as text.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ts::exchange::stix {

// One comparison of a simple pattern: an object path ("file:hashes.'MD5'")
// and its unescaped string literal.
struct PatternComparison {
  std::string path;
  std::string value;
};

// The comparisons of a pattern of the simple form above, whatever their
// paths; nullopt when the pattern is not of that form.
std::optional<std::vector<PatternComparison>> SimpleComparisons(std::string_view pattern);

struct PatternValue {
  std::string indicator_type;  // model::IndicatorType name, e.g. "sha256"
  std::string value;           // unescaped string literal
};

// The indicator values of a simple pattern, nullopt when it is not simple or
// compares an object path the portal has no indicator type for.
std::optional<std::vector<PatternValue>> SimplePatternValues(std::string_view pattern);

// The indicator type for an object path such as "file:hashes.'SHA-256'",
// or nullopt.
std::optional<std::string> IndicatorTypeForPath(std::string_view path);

// A pattern comparing one value: "[ipv4-addr:value = '198.51.100.1']".
// nullopt for indicator types STIX patterns cannot express.
std::optional<std::string> PatternFor(std::string_view indicator_type, std::string_view value);

}  // namespace ts::exchange::stix
