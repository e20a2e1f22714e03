// Cryptographic digests (md5, sha1, sha256, sha512) and JA3 fingerprints,
// which are MD5 digests too: fixed-length hex, stored lower-case as tools
// print them.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "util/result.hpp"

namespace ts::ingest {

// `value` lower-cased if it is exactly `hex_digits` hex digits. `what` names
// the kind in the error message: "MD5 hash" gives "not a valid MD5 hash: ...".
Result<std::string> NormalizeHexDigest(std::string_view value, std::size_t hex_digits,
                                       std::string_view what);

}  // namespace ts::ingest
