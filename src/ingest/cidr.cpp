#include "ingest/cidr.hpp"

#include <cstdint>

#include "ingest/invalid_value.hpp"
#include "ingest/ip_address.hpp"

namespace ts::ingest {
namespace {

constexpr std::string_view kWhat = "a valid CIDR block";
constexpr std::size_t kMaxPrefixDigits = 3;

// Clears every bit after the first `prefix` bits.
template <std::size_t N>
void MaskHostBits(std::array<std::uint8_t, N>& bytes, unsigned prefix) {
  for (std::size_t i = 0; i < N; ++i) {
    const unsigned bits_kept = prefix > 8 * i ? prefix - 8 * static_cast<unsigned>(i) : 0;
    if (bits_kept < 8) bytes[i] &= static_cast<std::uint8_t>(0xFF00u >> bits_kept);
  }
}

}  // namespace

Result<std::string> NormalizeCidr(std::string_view value) {
  const std::size_t slash = value.find('/');
  if (slash == std::string_view::npos)
    return InvalidValue(kWhat, value, "a bare address is not a block: add /prefix-length");
  const std::string_view address = value.substr(0, slash);
  const std::string_view digits = value.substr(slash + 1);
  if (digits.empty() || digits.size() > kMaxPrefixDigits ||
      digits.find_first_not_of("0123456789") != std::string_view::npos)
    return InvalidValue(kWhat, value, "the prefix length must be a decimal number");
  const unsigned prefix = static_cast<unsigned>(std::stoul(std::string(digits)));

  if (address.find(':') == std::string_view::npos) {
    auto ip = ParseIpv4(address);
    if (!ip) return InvalidValue(kWhat, value, ip.error().message);
    if (prefix > 32) return InvalidValue(kWhat, value, "an IPv4 prefix length is at most 32");
    MaskHostBits(*ip, prefix);
    return FormatIpv4(*ip) + "/" + std::to_string(prefix);
  }
  auto ip = ParseIpv6(WithoutBrackets(address));
  if (!ip) return InvalidValue(kWhat, value, ip.error().message);
  if (prefix > 128) return InvalidValue(kWhat, value, "an IPv6 prefix length is at most 128");
  MaskHostBits(*ip, prefix);
  return FormatIpv6(*ip) + "/" + std::to_string(prefix);
}

}  // namespace ts::ingest
