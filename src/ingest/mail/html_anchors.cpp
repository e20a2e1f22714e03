#include "ingest/mail/html_anchors.hpp"

#include <cstdint>
#include <optional>

#include "ingest/ascii.hpp"
#include "ingest/utf8.hpp"

namespace ts::ingest::mail {
namespace {

// HTML's white space also has the form feed.
bool IsSpace(char c) {
  return IsAsciiSpace(c) || c == '\f';
}

// The entity at s[i] == '&': its text and length, or nullopt when it is a
// plain ampersand.
std::optional<std::pair<std::string, std::size_t>> Entity(std::string_view s, std::size_t i) {
  const std::size_t semi = s.find(';', i);
  if (semi == std::string_view::npos || semi - i > 10) return std::nullopt;
  const std::string_view name = s.substr(i + 1, semi - i - 1);
  std::string out;
  if (!name.empty() && name[0] == '#') {
    const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
    const std::string_view digits = name.substr(hex ? 2 : 1);
    if (digits.empty()) return std::nullopt;
    std::uint32_t cp = 0;
    for (const char c : digits) {
      const int d = IsAsciiDigit(c)               ? c - '0'
                    : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                  : -1;
      if (d < 0) return std::nullopt;
      cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(d);
      if (cp > 0x10FFFF) cp = 0x110000;
    }
    AppendUtf8(out, cp);
  } else {
    static constexpr std::pair<std::string_view, std::string_view> kNamed[] = {
        {"amp", "&"},  {"lt", "<"},     {"gt", ">"},  {"quot", "\""}, {"apos", "'"},
        {"nbsp", " "}, {"period", "."}, {"sol", "/"}, {"colon", ":"}, {"commat", "@"}};
    const std::string lowered = AsciiLowered(name);
    for (const auto& [n, text] : kNamed)
      if (lowered == n) out = text;
    if (out.empty()) return std::nullopt;
  }
  return std::make_pair(out, semi - i + 1);
}

std::string DecodeEntities(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '&') {
      if (auto e = Entity(s, i)) {
        out += e->first;
        i += e->second - 1;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

// Position after the element or comment starting at s[i] == '<' that hides
// its content (<!-- -->, <script>, <style>), or npos when it is none.
std::size_t SkipHidden(std::string_view s, std::size_t i) {
  if (s.substr(i, 4) == "<!--") {
    const std::size_t end = s.find("-->", i + 4);
    return end == std::string_view::npos ? s.size() : end + 3;
  }
  for (const std::string_view tag : {"script", "style", "head"}) {
    if (AsciiLowered(s.substr(i + 1, tag.size())) != tag) continue;
    const char after = i + 1 + tag.size() < s.size() ? s[i + 1 + tag.size()] : '>';
    if (!IsSpace(after) && after != '>' && after != '/') continue;
    const std::string lowered = AsciiLowered(s.substr(i));
    const std::size_t end = lowered.find("</" + std::string(tag));
    if (end == std::string::npos) return s.size();
    const std::size_t close = s.find('>', i + end);
    return close == std::string_view::npos ? s.size() : close + 1;
  }
  return std::string_view::npos;
}

// End of the tag starting at s[i] == '<', honouring quoted attribute values.
std::size_t TagEnd(std::string_view s, std::size_t i) {
  char quote = 0;
  for (std::size_t k = i + 1; k < s.size(); ++k) {
    if (quote != 0) {
      if (s[k] == quote) quote = 0;
    } else if (s[k] == '"' || s[k] == '\'') {
      quote = s[k];
    } else if (s[k] == '>') {
      return k;
    }
  }
  return s.size();
}

// The tag name of `tag` ("<a href=...>" -> "a", "</A>" -> "/a").
std::string TagName(std::string_view tag) {
  std::size_t k = 1;
  std::string name;
  if (k < tag.size() && tag[k] == '/') name += tag[k++];
  while (k < tag.size() && (IsAsciiAlnum(tag[k]))) name += AsciiLower(tag[k++]);
  return name;
}

// The value of attribute `attr` in `tag`, or nullopt.
std::optional<std::string> Attribute(std::string_view tag, std::string_view attr) {
  std::size_t k = 1;
  while (k < tag.size() && !IsSpace(tag[k]) && tag[k] != '>') ++k;
  while (k < tag.size()) {
    while (k < tag.size() && (IsSpace(tag[k]) || tag[k] == '/')) ++k;
    const std::size_t name_start = k;
    while (k < tag.size() && !IsSpace(tag[k]) && tag[k] != '=' && tag[k] != '>') ++k;
    const std::string name = AsciiLowered(tag.substr(name_start, k - name_start));
    while (k < tag.size() && IsSpace(tag[k])) ++k;
    std::string value;
    if (k < tag.size() && tag[k] == '=') {
      ++k;
      while (k < tag.size() && IsSpace(tag[k])) ++k;
      if (k < tag.size() && (tag[k] == '"' || tag[k] == '\'')) {
        const char quote = tag[k++];
        const std::size_t end = tag.find(quote, k);
        const std::size_t stop = end == std::string_view::npos ? tag.size() : end;
        value = tag.substr(k, stop - k);
        k = stop + 1;
      } else {
        const std::size_t start = k;
        while (k < tag.size() && !IsSpace(tag[k]) && tag[k] != '>') ++k;
        value = tag.substr(start, k - start);
      }
    }
    if (name == attr) return CollapseSpaces(DecodeEntities(value), IsSpace);
    if (name.empty()) ++k;
  }
  return std::nullopt;
}

// Walks `html`, calling on_text for visible text and on_tag for tags.
template <typename OnText, typename OnTag>
void Walk(std::string_view html, OnText on_text, OnTag on_tag) {
  std::size_t i = 0;
  while (i < html.size()) {
    const std::size_t lt = html.find('<', i);
    on_text(html.substr(i, (lt == std::string_view::npos ? html.size() : lt) - i));
    if (lt == std::string_view::npos) break;
    if (const std::size_t hidden = SkipHidden(html, lt); hidden != std::string_view::npos) {
      i = hidden;
      continue;
    }
    const std::size_t gt = TagEnd(html, lt);
    on_tag(html.substr(lt, gt - lt + 1));
    i = gt + 1;
  }
}

bool IsBlockTag(const std::string& name) {
  const std::string bare = name.starts_with('/') ? name.substr(1) : name;
  for (const char* block : {"p", "br", "div", "tr", "td", "li", "h1", "h2", "h3", "table"})
    if (bare == block) return true;
  return false;
}

}  // namespace

std::vector<Anchor> FindAnchors(std::string_view html) {
  std::vector<Anchor> anchors;
  std::optional<Anchor> open;
  std::string text;
  auto close = [&] {
    if (!open) return;
    open->text = CollapseSpaces(DecodeEntities(text), IsSpace);
    anchors.push_back(std::move(*open));
    open.reset();
  };
  Walk(
      html,
      [&](std::string_view t) {
        if (open) text += t;
      },
      [&](std::string_view tag) {
        const std::string name = TagName(tag);
        if (name == "a") {
          close();  // an unclosed <a> ends where the next one starts
          if (auto href = Attribute(tag, "href")) {
            open = Anchor{*href, {}};
            text.clear();
          }
        } else if (name == "/a") {
          close();
        } else if (open && IsBlockTag(name)) {
          text += ' ';
        }
      });
  close();
  return anchors;
}

std::string VisibleText(std::string_view html) {
  std::string text;
  Walk(
      html, [&](std::string_view t) { text += t; },
      [&](std::string_view tag) {
        if (IsBlockTag(TagName(tag))) text += ' ';
      });
  return CollapseSpaces(DecodeEntities(text), IsSpace);
}

}  // namespace ts::ingest::mail
