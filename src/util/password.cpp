#include "util/password.hpp"

#include <sodium.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "util/crypto.hpp"

namespace ts {
namespace {

constexpr std::size_t kMinCodePoints = 12;
constexpr std::size_t kMaxBytes = 1024;

// Splits s into code points; nullopt unless it is well-formed UTF-8
// (no overlong forms, no surrogates, nothing above U+10FFFF).
std::optional<std::u32string> DecodeUtf8(std::string_view s) {
  std::u32string out;
  std::size_t i = 0;
  while (i < s.size()) {
    const auto lead = static_cast<unsigned char>(s[i]);
    // Sequence length, payload bits of the lead byte, and the smallest code
    // point that needs this length (anything below is an overlong form).
    std::size_t len = 1;
    char32_t cp = lead;
    char32_t min = 0;
    if ((lead & 0xe0) == 0xc0) {
      len = 2;
      cp = lead & 0x1f;
      min = 0x80;
    } else if ((lead & 0xf0) == 0xe0) {
      len = 3;
      cp = lead & 0x0f;
      min = 0x800;
    } else if ((lead & 0xf8) == 0xf0) {
      len = 4;
      cp = lead & 0x07;
      min = 0x10000;
    } else if (lead >= 0x80) {
      return std::nullopt;
    }
    if (s.size() - i < len) return std::nullopt;
    for (std::size_t k = 1; k < len; ++k) {
      const auto cont = static_cast<unsigned char>(s[i + k]);
      if ((cont & 0xc0) != 0x80) return std::nullopt;
      cp = (cp << 6) | (cont & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return std::nullopt;
    out.push_back(cp);
    i += len;
  }
  return out;
}

}  // namespace

Result<std::string> HashPassword(std::string_view password) {
  InitSodium();
  std::array<char, crypto_pwhash_STRBYTES> out{};
  if (crypto_pwhash_str_alg(out.data(), password.data(), password.size(),
                            crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Error::Internal("password hashing failed (out of memory)");
  }
  return std::string(out.data());
}

bool VerifyPassword(std::string_view encoded_hash, std::string_view password) {
  // libsodium reads the hash as a C string of at most STRBYTES bytes.
  if (encoded_hash.empty() || encoded_hash.size() >= crypto_pwhash_STRBYTES ||
      encoded_hash.find('\0') != std::string_view::npos) {
    return false;
  }
  InitSodium();
  std::array<char, crypto_pwhash_STRBYTES> hash{};
  encoded_hash.copy(hash.data(), encoded_hash.size());
  return crypto_pwhash_str_verify(hash.data(), password.data(), password.size()) == 0;
}

Status CheckPasswordPolicy(std::string_view password) {
  // The byte limit comes first so that decoding never works on huge input.
  if (password.size() > kMaxBytes) {
    return Error::Invalid("password must be at most 1024 bytes long", "password");
  }
  const auto code_points = DecodeUtf8(password);
  if (!code_points) return Error::Invalid("password must be valid UTF-8 text", "password");
  if (code_points->size() < kMinCodePoints) {
    return Error::Invalid("password must be at least 12 characters long", "password");
  }
  if (code_points->find_first_not_of(code_points->front()) == std::u32string::npos) {
    return Error::Invalid("password must not be a single character repeated", "password");
  }
  return {};
}

}  // namespace ts
