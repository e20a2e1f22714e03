// The one shape of error message for a rejected indicator value, so that a
// user scanning a bulk paste sees what was expected and which value failed:
//   not a valid IPv4 address: '300.1.1.1' (octet 300 is above 255)
#pragma once

#include <string_view>

#include "util/error.hpp"

namespace ts::ingest {

// Invalid error on field "value". `what` completes "not ..." ("a valid IPv4
// address"); `reason`, when given, says what is wrong.
// Long values are shortened in the message. `value` must be valid UTF-8.
Error InvalidValue(std::string_view what, std::string_view value, std::string_view reason = {});

}  // namespace ts::ingest
