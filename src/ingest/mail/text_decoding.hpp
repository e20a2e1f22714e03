// Turning mail text into UTF-8. Japanese mail arrives as ISO-2022-JP (the
// traditional 7-bit form), Shift_JIS/CP932 and EUC-JP, often in raw 8-bit
// headers that no RFC allows but mailers send, and with RFC 2047 encoded
// words in any of these. Nothing here fails: undecodable bytes become
// U+FFFD, so a hostile message still yields readable text.
#pragma once

#include <string>
#include <string_view>

namespace ts::ingest::mail {

// Text of unknown charset as UTF-8 (ISO-2022-JP escapes, UTF-8, EUC-JP,
// CP932, Latin-1), RFC 2047 words left alone: address headers, whose
// encoded display names the address parser decodes itself, and archive
// member names, which Japanese Windows writes in CP932.
std::string UndeclaredToUtf8(std::string_view raw);

// A header value as written (unfolded or not) decoded to UTF-8: raw
// ISO-2022-JP escapes and raw 8-bit bytes in the fallback charsets, then
// RFC 2047 encoded words. Folding whitespace collapses to one space.
std::string DecodeHeaderText(std::string_view raw);

// Body bytes in the declared `charset` (may be empty or wrong) as UTF-8:
// the declared charset when the bytes convert cleanly in it, otherwise the
// fallback guess (ISO-2022-JP escapes, UTF-8, EUC-JP, CP932, Latin-1).
std::string BodyToUtf8(std::string_view bytes, std::string_view charset);

// `s` with each byte that starts no well-formed UTF-8 sequence replaced by
// U+FFFD.
std::string ValidUtf8(std::string_view s);

}  // namespace ts::ingest::mail
