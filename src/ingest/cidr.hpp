// CIDR blocks: an IPv4 or IPv6 network address and a prefix length.
#pragma once

#include <string>
#include <string_view>

#include "util/result.hpp"

namespace ts::ingest {

// The canonical block for `value` ("192.0.2.77/24" -> "192.0.2.0/24"): host
// bits are masked off rather than rejected, because reports often write a
// block as "address in it / length" and the intent is the network. The
// address follows the ipv4/ipv6 rules (brackets allowed, no zone); the
// prefix is 0..32 or 0..128, decimal. A bare address is not a block.
Result<std::string> NormalizeCidr(std::string_view value);

}  // namespace ts::ingest
