// DNS names as indicators: domain names, host names, and the host part of
// URLs and e-mail addresses all share this one canonical form.
#pragma once

#include <string_view>

#include "util/result.hpp"

namespace ts::ingest {

struct HostNameRules {
  // Host names may hold "_" (_dmarc, SRV and attacker-made names); domain
  // names, being registrable, may not.
  bool allow_underscore = false;
  // Domains need a parent ("example" alone is a TLD); a host name may be a
  // single internal name such as "ws-0042".
  bool allow_single_label = false;
};

inline constexpr HostNameRules kDomainNameRules{false, false};
inline constexpr HostNameRules kHostNameRules{true, true};

// The canonical ASCII form of `name` (valid UTF-8, already refanged):
// ideographic full stops (U+3002, U+FF61) read as dots, one trailing dot
// dropped, ASCII lower-cased, Unicode labels converted to punycode with
// IDNA2008 (falling back to UTS #46 transitional processing for names only
// it accepts, such as emoji). Labels must be 1..63 bytes of letters, digits
// and hyphens (hyphen neither first nor last), the name at most 253 bytes,
// and the last label not all digits, so IP addresses are never names.
// Names already in ASCII are not checked against IDNA rules: attacker-made
// labels such as "ab--cd" resolve and must be recordable.
// On failure the error message is only the reason, for the caller to wrap.
Result<std::string> NormalizeHostName(std::string_view name, const HostNameRules& rules);

}  // namespace ts::ingest
