// Small cryptographic helpers over libsodium: random tokens and identifiers,
// SHA-256 digests, and constant-time comparison of secrets. Every function
// initialises libsodium on first use, so callers need no setup; code that
// calls libsodium directly calls InitSodium() first.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ts {

// Initialises libsodium once (thread-safe); aborts if it cannot, because no
// secure randomness would be available.
void InitSodium();

// n random bytes from the OS CSPRNG, encoded base64url without padding.
std::string RandomToken(std::size_t bytes = 32);
// Lower-case hex SHA-256 of data.
std::string Sha256Hex(std::string_view data);
// A time-ordered (version 7) UUID in canonical lower-case form: the ids of
// stored items.
std::string NewUuid();
// A random (version 4) UUID, for formats that require one (STIX ids).
std::string NewRandomUuid();
// True if s is a canonical lower-case UUID string (8-4-4-4-12 hex digits, any version).
bool IsUuid(std::string_view s);
// Constant-time comparison of equal-length strings; false when lengths differ.
// Only the contents are protected: the length itself may leak through timing.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace ts
