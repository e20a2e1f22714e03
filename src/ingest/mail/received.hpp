// Received headers (RFC 5321 §4.4 trace fields) read into hops. Real
// headers vary widely between MTAs, so only the parts analysts rely on are
// taken: the "from" and "by" names, the sending address in brackets or
// parentheses of the "from" clause, and the date after the last ";".
#pragma once

#include <string_view>

#include "ingest/mail/message.hpp"

namespace ts::ingest::mail {

// `value` is the decoded, unfolded header value. Missing parts stay empty;
// `ip` holds only a valid IPv4 or IPv6 address in its canonical form.
Hop ParseReceived(std::string_view value);

}  // namespace ts::ingest::mail
