// Guesses for content without magic bytes: whether it is text, and which
// script language or markup a text is, from tokens typical of each.
#pragma once

#include <string_view>

#include "ingest/content/file_type.hpp"

namespace ts::ingest::content {

// True when the start of `data` reads as text: valid UTF-8 (a sequence cut
// at the sniffed window's end is allowed), no NUL, few control characters.
bool LooksLikeText(std::string_view data);

// kHta, kHtml, a script kind, or kText for a text not recognised.
FileKind ClassifyText(std::string_view text);

}  // namespace ts::ingest::content
