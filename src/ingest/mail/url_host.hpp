// The host of a URL as the link findings compare it.
#pragma once

#include <string>
#include <string_view>

namespace ts::ingest::mail {

// The lower-case host of a URL with "scheme://", without userinfo, port or
// brackets; "" when `url` has no authority (mailto:, javascript:, junk).
std::string UrlHost(std::string_view url);

}  // namespace ts::ingest::mail
