#include "ingest/extract/markup.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>

#include "ingest/ascii.hpp"
#include "ingest/utf8.hpp"

namespace ts::ingest::extract {
namespace {

void Append(Prose& out, std::string_view s, std::size_t from) {
  out.text.append(s);
  out.origin.insert(out.origin.end(), s.size(), from);
}

void AppendUtf8(Prose& out, char32_t cp, std::size_t from) {
  std::string bytes;
  ingest::AppendUtf8(bytes, cp);
  Append(out, bytes, from);
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (AsciiLower(s[i]) != prefix[i]) return false;
  return true;
}

// The code point of the entity at the start of `s` ("&amp;", "&#64;",
// "&#x2e;") and its length, or length 0 when `s` holds none.
std::pair<char32_t, std::size_t> Entity(std::string_view s) {
  static constexpr std::pair<std::string_view, char32_t> kNamed[] = {
      {"&amp;", '&'},   {"&lt;", '<'},    {"&gt;", '>'},     {"&quot;", '"'},
      {"&apos;", '\''}, {"&nbsp;", 0xA0}, {"&period;", '.'}, {"&commat;", '@'},
      {"&colon;", ':'}, {"&sol;", '/'},   {"&lsqb;", '['},   {"&rsqb;", ']'},
      {"&lpar;", '('},  {"&rpar;", ')'},  {"&lbrack;", '['}, {"&rbrack;", ']'},
  };
  for (const auto& [name, cp] : kNamed)
    if (StartsWithNoCase(s, name)) return {cp, name.size()};
  if (!s.starts_with("&#")) return {0, 0};
  const bool hex = s.size() > 2 && (s[2] == 'x' || s[2] == 'X');
  const std::size_t digits = hex ? 3 : 2;
  const std::size_t semi = s.find(';', digits);
  if (semi == std::string_view::npos || semi == digits || semi > digits + 7) return {0, 0};
  char32_t cp = 0;
  for (std::size_t i = digits; i < semi; ++i) {
    const char c = s[i];
    const int d = IsAsciiDigit(c) ? c - '0' : hex && IsHexDigit(c) ? AsciiLower(c) - 'a' + 10 : -1;
    if (d < 0) return {0, 0};
    cp = cp * (hex ? 16 : 10) + static_cast<char32_t>(d);
  }
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {0, 0};
  return {cp, semi + 1};
}

// Appends `s` (starting at input offset `from`) with entities decoded.
void AppendDecoded(Prose& out, std::string_view s, std::size_t from) {
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] == '&') {
      if (const auto [cp, length] = Entity(s.substr(i)); length > 0) {
        AppendUtf8(out, cp, from + i);
        i += length;
        continue;
      }
    }
    out.text += s[i];
    out.origin.push_back(from + i);
    ++i;
  }
}

bool IsInlineTag(std::string_view name) {
  static constexpr std::string_view kInline[] = {
      "a",    "b",     "i",   "u",   "s",   "em",     "strong", "span", "code",
      "font", "small", "big", "sub", "sup", "tt",     "kbd",    "var",  "samp",
      "mark", "abbr",  "del", "ins", "wbr", "strike", "cite",   "q",    "defang"};
  return std::find(std::begin(kInline), std::end(kInline), name) != std::end(kInline);
}

bool IsLinkAttribute(std::string_view name) {
  return name == "href" || name == "src" || name == "action";
}

struct Tag {
  std::string name;  // lower-cased, without "/"
  bool closing = false;
  std::size_t end = 0;                                          // offset just past ">"
  std::vector<std::pair<std::size_t, std::string_view>> links;  // offset, raw value
};

// Reads the tag at `at` ("<" already seen); end stays 0 if it never closes.
Tag ReadTag(std::string_view s, std::size_t at) {
  Tag tag;
  std::size_t i = at + 1;
  if (i < s.size() && s[i] == '/') {
    tag.closing = true;
    ++i;
  }
  while (i < s.size() && (IsAsciiAlnum(s[i]) || s[i] == '-' || s[i] == ':'))
    tag.name += AsciiLower(s[i++]);
  while (i < s.size() && s[i] != '>') {
    if (!IsAsciiAlpha(s[i])) {
      ++i;
      continue;
    }
    std::string name;
    while (i < s.size() && (IsAsciiAlnum(s[i]) || s[i] == '-' || s[i] == '_' || s[i] == ':'))
      name += AsciiLower(s[i++]);
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
    if (i >= s.size() || s[i] != '=') continue;
    ++i;
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
    if (i >= s.size()) break;
    std::size_t begin = i;
    std::size_t end = 0;
    if (s[i] == '"' || s[i] == '\'') {
      const std::size_t close = s.find(s[i], i + 1);
      if (close == std::string_view::npos) return tag;
      begin = i + 1;
      end = close;
      i = close + 1;
    } else {
      while (i < s.size() && s[i] != '>' && s[i] != ' ' && s[i] != '\t' && s[i] != '\n') ++i;
      end = i;
    }
    if (IsLinkAttribute(name)) tag.links.emplace_back(begin, s.substr(begin, end - begin));
  }
  if (i < s.size()) tag.end = i + 1;
  return tag;
}

}  // namespace

Prose FromPlain(std::string_view input) {
  Prose out;
  out.text.assign(input);
  out.origin.resize(input.size());
  for (std::size_t i = 0; i < input.size(); ++i) out.origin[i] = i;
  return out;
}

Prose FromHtml(std::string_view s) {
  Prose out;
  std::size_t text_from = 0;
  auto flush_text = [&](std::size_t to) {
    if (to > text_from) AppendDecoded(out, s.substr(text_from, to - text_from), text_from);
  };
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] != '<') {
      ++i;
      continue;
    }
    flush_text(i);
    if (s.substr(i).starts_with("<!--")) {
      Append(out, "\n", i);
      const std::size_t close = s.find("-->", i + 4);
      i = close == std::string_view::npos ? s.size() : close + 3;
      text_from = i;
      continue;
    }
    const Tag tag = ReadTag(s, i);
    if (tag.end == 0 || (tag.name.empty() && s.substr(i, 2) != "<!" && s.substr(i, 2) != "<?")) {
      // A lone "<" in text: keep it as text.
      text_from = i;
      ++i;
      continue;
    }
    if (!IsInlineTag(tag.name)) Append(out, "\n", i);
    for (const auto& [at, value] : tag.links) {
      Append(out, "\n", at);
      AppendDecoded(out, value, at);
      Append(out, "\n", at + value.size());
    }
    i = tag.end;
    if (!tag.closing && (tag.name == "script" || tag.name == "style")) {
      // Their bodies are code and rules, not prose; skip to the closing tag.
      std::size_t close = i;
      while ((close = s.find("</", close)) != std::string_view::npos &&
             !StartsWithNoCase(s.substr(close + 2), tag.name))
        close += 2;
      i = close == std::string_view::npos ? s.size() : close;
    }
    text_from = i;
  }
  flush_text(s.size());
  return out;
}

Prose FromMarkdown(std::string_view s) {
  Prose out;
  out.text.reserve(s.size());
  out.origin.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    // CommonMark: a backslash before ASCII punctuation makes it literal.
    if (s[i] == '\\' && i + 1 < s.size() && std::ispunct(static_cast<unsigned char>(s[i + 1]))) ++i;
    out.text += s[i];
    out.origin.push_back(i);
  }
  return out;
}

}  // namespace ts::ingest::extract
