// The links of an HTML mail body: each <a href> with the text a reader sees
// for it. A small scanner rather than a full HTML parser: mail HTML is
// rarely well-formed, and all that is needed is the href attribute, the
// visible text up to </a>, and skipping comments, <script> and <style>.
// Entities (&amp; &#46; &#x2e; and the common named ones) are decoded in
// both, since phishers write them to hide what a link says.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ts::ingest::mail {

struct Anchor {
  std::string href;  // attribute value, entities decoded, blanks trimmed
  std::string text;  // visible text, tags removed, blanks collapsed
};

std::vector<Anchor> FindAnchors(std::string_view html);

// `html` as a reader sees it: tags, comments, scripts and styles removed,
// entities decoded, blanks collapsed. Used for keyword matching.
std::string VisibleText(std::string_view html);

}  // namespace ts::ingest::mail
