#include "ingest/ip_address.hpp"

#include <arpa/inet.h>

#include <algorithm>

#include "ingest/ascii.hpp"
#include "ingest/invalid_value.hpp"

namespace ts::ingest {
namespace {

constexpr std::size_t kMaxOctetDigits = 3;

}  // namespace

Result<Ipv4Bytes> ParseIpv4(std::string_view s) {
  static const Error kShape = Error::Invalid("it needs four dot-separated decimal octets");
  Ipv4Bytes ip{};
  std::size_t i = 0;
  for (std::size_t octet = 0; octet < ip.size(); ++octet) {
    if (octet > 0 && (i == s.size() || s[i++] != '.')) return kShape;
    const std::size_t start = i;
    unsigned value = 0;
    for (; i < s.size() && IsAsciiDigit(s[i]); ++i)
      value = std::min(value * 10 + static_cast<unsigned>(s[i] - '0'), 256u);  // 256: too big
    const std::string_view digits = s.substr(start, i - start);
    if (digits.empty()) return kShape;
    if (value > 255) return Error::Invalid("octet " + std::string(digits) + " is above 255");
    if (digits.size() > kMaxOctetDigits)
      return Error::Invalid("octet " + std::string(digits) + " has more than three digits");
    ip[octet] = static_cast<std::uint8_t>(value);
  }
  if (i != s.size()) return Error::Invalid("unexpected text after the fourth octet");
  return ip;
}

Result<Ipv6Bytes> ParseIpv6(std::string_view s) {
  Ipv6Bytes ip{};
  // inet_pton needs a terminated string; the bound keeps garbage out of it.
  if (s.size() > INET6_ADDRSTRLEN || inet_pton(AF_INET6, std::string(s).c_str(), ip.data()) != 1)
    return Error::Invalid("it is not in any IPv6 text form");
  return ip;
}

std::string_view WithoutBrackets(std::string_view s) {
  if (s.size() >= 2 && s.front() == '[' && s.back() == ']') return s.substr(1, s.size() - 2);
  return s;
}

std::string FormatIpv4(const Ipv4Bytes& ip) {
  return std::to_string(ip[0]) + "." + std::to_string(ip[1]) + "." + std::to_string(ip[2]) + "." +
         std::to_string(ip[3]);
}

std::string FormatIpv6(const Ipv6Bytes& ip) {
  char text[INET6_ADDRSTRLEN];
  inet_ntop(AF_INET6, ip.data(), text, sizeof text);
  return text;
}

Result<std::string> NormalizeIpv4(std::string_view value) {
  auto ip = ParseIpv4(value);
  if (!ip) return InvalidValue("a valid IPv4 address", value, ip.error().message);
  return FormatIpv4(*ip);
}

Result<std::string> NormalizeIpv6(std::string_view value) {
  std::string_view address = WithoutBrackets(value);
  if (const std::size_t zone = address.find('%'); zone != std::string_view::npos) {
    if (zone + 1 == address.size())
      return InvalidValue("a valid IPv6 address", value, "the zone after '%' is empty");
    address = address.substr(0, zone);
  }
  auto ip = ParseIpv6(address);
  if (!ip) return InvalidValue("a valid IPv6 address", value, ip.error().message);
  return FormatIpv6(*ip);
}

}  // namespace ts::ingest
