#include "util/crypto.hpp"

#include <sodium.h>

#include <array>
#include <chrono>
#include <cstdint>
#include <cstdlib>

namespace ts {

void InitSodium() {
  // sodium_init is itself idempotent; the static avoids its lock on every call.
  static const bool initialised = sodium_init() >= 0;
  if (!initialised) std::abort();
}

std::string RandomToken(std::size_t bytes) {
  InitSodium();
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  // The encoded length includes the terminating NUL that sodium writes.
  std::string out(sodium_base64_ENCODED_LEN(bytes, kVariant), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(raw.data()),
                    raw.size(), kVariant);
  out.resize(out.size() - 1);
  return out;
}

std::string Sha256Hex(std::string_view data) {
  InitSodium();
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest;
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(data.data()),
                     data.size());
  std::string hex(digest.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  hex.resize(digest.size() * 2);
  return hex;
}

namespace {

// 16 random bytes with the version nibble and the RFC 9562 variant set.
std::array<unsigned char, 16> RandomUuidBytes(unsigned version) {
  InitSodium();
  std::array<unsigned char, 16> b;
  randombytes_buf(b.data(), b.size());
  b[6] = static_cast<unsigned char>((b[6] & 0x0f) | (version << 4));
  b[8] = static_cast<unsigned char>((b[8] & 0x3f) | 0x80);
  return b;
}

std::string FormatUuid(const std::array<unsigned char, 16>& b) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(36);
  for (std::size_t i = 0; i < b.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out.push_back('-');
    out.push_back(kHex[b[i] >> 4]);
    out.push_back(kHex[b[i] & 0x0f]);
  }
  return out;
}

}  // namespace

// Version 7 (RFC 9562 §5.7): the Unix time in milliseconds, then random
// bits. Ids made one after another sort together, so inserting them keeps
// each unique index's writes at the edge of its B-tree instead of all over
// it. Within a millisecond the order is random: a counter there would tell
// how many other ids were made at the same moment.
std::string NewUuid() {
  auto b = RandomUuidBytes(7);
  const auto ms = static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                            std::chrono::system_clock::now().time_since_epoch())
                                            .count());
  for (int i = 0; i < 6; ++i) b[i] = static_cast<unsigned char>(ms >> (8 * (5 - i)));
  return FormatUuid(b);
}

std::string NewRandomUuid() {
  return FormatUuid(RandomUuidBytes(4));
}

bool IsUuid(std::string_view s) {
  if (s.size() != 36) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (c != '-') return false;
    } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      return false;
    }
  }
  return true;
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  InitSodium();
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace ts
