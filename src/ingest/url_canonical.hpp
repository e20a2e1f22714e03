// URLs as indicators: one canonical spelling per resource a browser or
// malware would fetch, so that reports of the same URL de-duplicate.
#pragma once

#include <string>
#include <string_view>

#include "util/result.hpp"

namespace ts::ingest {

// The canonical form of `value` (valid UTF-8), refanged (refang.hpp) also
// where percent-decoding reveals defanging such as "[%2E]":
//  - no scheme ("evil.example/x", "//evil.example/x") means http://;
//  - scheme lower-cased; any RFC 3986 scheme is accepted. For http, https
//    and ftp the slashes after "scheme:" may be missing or doubled and "\"
//    reads as "/", as browsers read them;
//  - host lower-cased, IDN to punycode, host-name rules (see hostname.hpp),
//    dotted-quad IPv4 and [IPv6] hosts in their canonical text;
//  - port kept unless it is the scheme's default (80, 443, 21);
//  - userinfo, path and query kept, with percent-encoding normalised
//    (percent_encoding.hpp); dot segments removed from the path; an empty
//    path becomes "/";
//  - the fragment dropped: it never leaves the client, so two URLs that
//    differ only there reach the same resource;
//  - a URL with a scheme but no "//" (mailto:, data:, javascript:) keeps
//    its body, with only percent-encoding normalised and the fragment dropped.
Result<std::string> NormalizeUrl(std::string_view value);

// RFC 3986 scheme syntax: a letter, then letters, digits, "+", "-", ".".
bool IsUrlScheme(std::string_view s);

}  // namespace ts::ingest
