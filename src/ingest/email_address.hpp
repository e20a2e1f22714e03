// E-mail addresses as indicators (senders, reply-to, drop boxes).
#pragma once

#include <string>
#include <string_view>

#include "util/result.hpp"

namespace ts::ingest {

// The canonical form of `value` (valid UTF-8, already refanged): exactly one
// "@" outside a quoted local part; the local part kept byte for byte (RFC
// 5321 makes it case-sensitive, and providers differ on dots and "+tags"),
// 1..64 bytes, either "quoted" or made of atext, dots and non-ASCII (RFC
// 6531); the domain normalised as a domain name (lower case, punycode).
// Address literals (user@[192.0.2.1]) are rejected.
Result<std::string> NormalizeEmailAddress(std::string_view value);

}  // namespace ts::ingest
