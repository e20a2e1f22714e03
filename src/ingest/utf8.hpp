// UTF-8 checks shared by every indicator type: values arrive from pasted
// text, files and feeds, so they are validated before anything reads them.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace ts::ingest {

// Byte offset of the first byte that does not start a well-formed UTF-8
// sequence (overlong forms, surrogates and code points above U+10FFFF are
// ill-formed), or nullopt when all of `s` is valid.
std::optional<std::size_t> FirstInvalidUtf8(std::string_view s);

// `s` without leading and trailing Unicode White_Space (ASCII blanks, NBSP,
// U+2000..U+200A, U+3000 ideographic space, ...). `s` must be valid UTF-8.
std::string_view TrimSpace(std::string_view s);

// Appends code point `cp` as UTF-8; NUL, surrogates and values above
// U+10FFFF (as numeric character references can spell) become U+FFFD.
void AppendUtf8(std::string& out, char32_t cp);

}  // namespace ts::ingest
