// Authentication-Results (RFC 8601) and Received-SPF (RFC 7208 §9.1)
// headers read into method results. Only the receiving side's own results
// count: a sender can write any Authentication-Results header it likes
// below the ones the receiver adds, so the caller passes the headers in
// message order and results are kept from the topmost header's authserv-id
// only (RFC 8601 §5 asks receivers to remove forged copies of theirs, but
// not everyone does).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ingest/mail/message.hpp"

namespace ts::ingest::mail {

// The results of one Authentication-Results header value.
std::vector<AuthResult> ParseAuthenticationResults(std::string_view value);

// The result of one Received-SPF header value ("fail (reason) ...").
AuthResult ParseReceivedSpf(std::string_view value);

// Results of the topmost authserv-id out of all headers, topmost first.
std::vector<AuthResult> TrustedResults(const std::vector<std::vector<AuthResult>>& headers);

}  // namespace ts::ingest::mail
