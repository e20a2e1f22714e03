// IPv4 and IPv6 addresses: parsing into bytes and the one text form each is
// stored in. Shared by the ipv4, ipv6 and cidr types and by URL hosts.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "util/result.hpp"

namespace ts::ingest {

using Ipv4Bytes = std::array<std::uint8_t, 4>;
using Ipv6Bytes = std::array<std::uint8_t, 16>;

// Dotted quad of four decimal octets 0..255. Leading zeros are read as
// decimal ("010" is 10, not 8 as inet_aton would have it), because padded
// octets in logs and reports are decimal. Short and hex forms (127.1,
// 0x7f.0.0.1) are rejected. On failure the message is only the reason.
Result<Ipv4Bytes> ParseIpv4(std::string_view s);

// Any RFC 4291 text form, as inet_pton reads it, without brackets or zone.
// On failure the message is only the reason.
Result<Ipv6Bytes> ParseIpv6(std::string_view s);

// `s` without one pair of surrounding [brackets], as IPv6 is written in URLs.
std::string_view WithoutBrackets(std::string_view s);

std::string FormatIpv4(const Ipv4Bytes& ip);
// RFC 5952: lower-case hex, longest zero run as "::", IPv4-mapped addresses
// as ::ffff:192.0.2.1.
std::string FormatIpv6(const Ipv6Bytes& ip);

// The ipv4 and ipv6 indicator types. IPv6 accepts [brackets] and a zone
// ("fe80::1%eth0"): the zone is dropped, as it names an interface of the
// machine that saw the address and means nothing to anyone else.
Result<std::string> NormalizeIpv4(std::string_view value);
Result<std::string> NormalizeIpv6(std::string_view value);

}  // namespace ts::ingest
