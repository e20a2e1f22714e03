// Percent-encoding of URL components, normalised so that equivalent
// spellings of one URL compare equal (RFC 3986 section 6.2.2).
#pragma once

#include <string>
#include <string_view>

namespace ts::ingest {

// `component` (userinfo, path or query) with escapes' hex upper-cased,
// escapes of unreserved characters (A-Z a-z 0-9 - . _ ~) decoded, and bytes
// that can never appear raw in a URL (controls, space, " < > `, DEL and
// all non-ASCII) escaped as UTF-8, as a browser would send them. Malformed
// escapes such as "%zz" are kept: servers see them that way too.
std::string NormalizePercentEncoding(std::string_view component);

}  // namespace ts::ingest
