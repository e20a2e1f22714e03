// Turns HTML and Markdown into the prose a reader sees, remembering where
// each byte came from so that findings can point into the original.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ts::ingest::extract {

struct Prose {
  std::string text;
  // origin[i]: offset in the input of text[i]; origin.size() == text.size().
  std::vector<std::size_t> origin;
};

// Plain text as it is.
Prose FromPlain(std::string_view input);

// Text content with entities decoded (named basics and numeric), then the
// values of href, src and action attributes, each on a line of its own, as
// links in mail often say one thing and point at another. Comments, script
// and style bodies are dropped; block tags separate words, inline tags
// (b, span, a, ...) do not, so "ev<b>il</b>.example" stays one word.
Prose FromHtml(std::string_view input);

// Markdown with backslash escapes undone ("evil\[.\]example"); link targets
// and autolinks already stand in the text between ( ) and < >.
Prose FromMarkdown(std::string_view input);

}  // namespace ts::ingest::extract
