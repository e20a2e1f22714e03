// Password storage and policy. Hashes are argon2id strings in the PHC format
// produced by libsodium (they embed algorithm, parameters and salt), so they
// can be stored as-is and verified without further context.
#pragma once

#include <string>
#include <string_view>

#include "util/result.hpp"

namespace ts {

// argon2id (OPSLIMIT_INTERACTIVE / MEMLIMIT_INTERACTIVE) encoded hash string,
// e.g. "$argon2id$v=19$m=65536,t=2,p=1$...". Fails only when memory runs out.
Result<std::string> HashPassword(std::string_view password);

// True when password matches the encoded hash; false for any malformed hash.
bool VerifyPassword(std::string_view encoded_hash, std::string_view password);

// Password policy: valid UTF-8, at least 12 characters (UTF-8 code points),
// at most 1024 bytes, and not a single character repeated.
// Fails with Error::Invalid(message, "password").
Status CheckPasswordPolicy(std::string_view password);

}  // namespace ts
