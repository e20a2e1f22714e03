// Similarity digests: ssdeep (context-triggered piecewise hashing) and TLSH.
#pragma once

#include <string>
#include <string_view>

#include "util/result.hpp"

namespace ts::ingest {

// "blocksize:hash1:hash2" as ssdeep prints it: a positive decimal block
// size (leading zeros dropped) and two base64 signatures of at most 64
// characters, kept as they are since base64 is case-sensitive. Signatures
// may be empty, as for inputs shorter than one block.
Result<std::string> NormalizeSsdeep(std::string_view value);

// True for an ssdeep hash with both signatures non-empty: the shape that
// tells a pasted hash from other text.
bool LooksLikeSsdeep(std::string_view value);

// TLSH: "T1" followed by 70 hex digits (version 4 output), in upper case as
// the reference tool prints it; the 70-digit legacy form without "T1" is
// accepted and upper-cased, but not given a prefix: the two are different
// digests of the same data and must not be silently mixed.
Result<std::string> NormalizeTlsh(std::string_view value);

}  // namespace ts::ingest
