// Recognising text that is already in ingest's canonical form, in one pass
// and without allocating: the scanner meets millions of logged URLs and the
// loader millions of listed values, nearly all canonical already, and
// ingest::Normalize (refanging, copying, IDN handling) would dominate both.
// Each check is conservative: "false" or nullopt only means "ask the
// normaliser". tests/unit/hunt_canonical_test.cpp pins the agreement with
// ingest::Normalize and DetectType.
#pragma once

#include <optional>
#include <string_view>

#include "model/indicator_type.hpp"

namespace ts::hunt {

// True when ingest::Normalize(kUrl, url) either fails or gives `url` back;
// then `*host`, when given, is the URL's host.
bool IsCanonicalUrl(std::string_view url, std::string_view* host = nullptr);

// The host of an http(s) URL whose authority is a lower-case name or a
// dotted quad and nothing else (no user, no port, no trailing dot): the
// host of the URL's canonical form is then this very text, whatever the
// path holds. Empty otherwise, which means "ask the normaliser".
std::string_view PlainUrlHost(std::string_view url);

// The type ingest::DetectType gives `value` when `value` is an IPv4
// address, a domain name or an http(s) URL for which ingest::Normalize
// returns `value` unchanged; nullopt otherwise.
std::optional<model::IndicatorType> CanonicalTypeOf(std::string_view value);

}  // namespace ts::hunt
