#include "ingest/fuzzy_hash.hpp"

#include <algorithm>

#include "ingest/ascii.hpp"
#include "ingest/invalid_value.hpp"

namespace ts::ingest {
namespace {

constexpr std::size_t kMaxSignature = 64;
constexpr std::size_t kMaxBlockSizeDigits = 10;
constexpr std::size_t kTlshDigits = 70;

bool IsBase64(char c) {
  return IsAsciiAlnum(c) || c == '+' || c == '/';
}

bool IsSignature(std::string_view s) {
  return s.size() <= kMaxSignature && std::all_of(s.begin(), s.end(), IsBase64);
}

struct SsdeepParts {
  std::string_view block_size, first, second;
};

// Splits at the first two colons; false if there are not exactly two.
bool Split(std::string_view value, SsdeepParts& parts) {
  const std::size_t a = value.find(':');
  const std::size_t b = a == std::string_view::npos ? a : value.find(':', a + 1);
  if (b == std::string_view::npos || value.find(':', b + 1) != std::string_view::npos) return false;
  parts = {value.substr(0, a), value.substr(a + 1, b - a - 1), value.substr(b + 1)};
  return true;
}

}  // namespace

Result<std::string> NormalizeSsdeep(std::string_view value) {
  constexpr std::string_view kWhat = "a valid ssdeep hash";
  SsdeepParts parts;
  if (!Split(value, parts))
    return InvalidValue(kWhat, value, "it needs the form blocksize:hash:hash");
  const std::string_view size = parts.block_size;
  if (size.empty() || !IsAllDigits(size))
    return InvalidValue(kWhat, value, "the block size must be a decimal number");
  const std::string_view digits = size.substr(std::min(size.find_first_not_of('0'), size.size()));
  if (digits.empty()) return InvalidValue(kWhat, value, "the block size must be positive");
  if (digits.size() > kMaxBlockSizeDigits)
    return InvalidValue(kWhat, value, "the block size is too large");
  if (!IsSignature(parts.first) || !IsSignature(parts.second))
    return InvalidValue(kWhat, value, "each hash must be at most 64 base64 characters");
  return std::string(digits) + ":" + std::string(parts.first) + ":" + std::string(parts.second);
}

bool LooksLikeSsdeep(std::string_view value) {
  SsdeepParts parts;
  return NormalizeSsdeep(value).ok() && Split(value, parts) && !parts.first.empty() &&
         !parts.second.empty();
}

Result<std::string> NormalizeTlsh(std::string_view value) {
  constexpr std::string_view kWhat = "a valid TLSH digest";
  const std::string out = AsciiUppered(value);
  const std::string_view hex = out.starts_with("T1") ? std::string_view(out).substr(2) : out;
  if (hex.size() != kTlshDigits || !IsHex(hex))
    return InvalidValue(kWhat, value, "it needs \"T1\" and 70 hex digits, or the 70 digits alone");
  return out;
}

}  // namespace ts::ingest
