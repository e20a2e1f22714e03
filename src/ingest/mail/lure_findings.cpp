// Lure topics: which pretext a message uses to get its attachment opened
// or its link clicked. A family is raised when the subject has one of its
// words, or the body two different ones (a single word in a long body is
// too often incidental); and only when the message carries an attachment
// or a link, since a pretext with nothing to act on lures to nothing.
#include <fmt/format.h>

#include <string>
#include <vector>

#include "ingest/ascii.hpp"
#include "ingest/mail/findings.hpp"
#include "ingest/mail/lure_table.hpp"

namespace ts::ingest::mail {
namespace {

// Only the start of a body is read: pretexts come first, and quoted
// threads and legal footers further down would add noise.
constexpr std::size_t kBodyBytesRead = 8192;

bool WordChar(char c) {
  return IsAsciiAlnum(c) || c == '_';
}

// `text` must be lower-cased already for ASCII words.
bool Contains(std::string_view text, std::string_view word) {
  if (!IsAscii(word)) return text.find(word) != std::string_view::npos;
  const std::string w = AsciiLowered(word);
  for (std::size_t at = text.find(w); at != std::string_view::npos; at = text.find(w, at + 1)) {
    const bool start = at == 0 || !WordChar(text[at - 1]);
    const bool end = at + w.size() == text.size() || !WordChar(text[at + w.size()]);
    if (start && end) return true;
  }
  return false;
}

std::string Join(const std::vector<std::string_view>& words) {
  std::string out;
  for (const auto w : words) out += (out.empty() ? "" : ", ") + std::string(w);
  return out;
}

}  // namespace

Findings LureFindings(const std::string& subject, const std::string& body, bool has_vector) {
  Findings out;
  if (!has_vector) return out;
  const std::string s = AsciiLowered(subject);
  const std::string b = AsciiLowered(std::string_view(body).substr(0, kBodyBytesRead));
  for (const LureFamily& family : LureFamilies()) {
    std::vector<std::string_view> in_subject;
    std::vector<std::string_view> in_body;
    for (const std::string_view word : family.words) {
      if (Contains(s, word))
        in_subject.push_back(word);
      else if (Contains(b, word))
        in_body.push_back(word);
    }
    if (in_subject.empty() && in_body.size() < 2) continue;
    std::vector<std::string_view> matched = in_subject;
    matched.insert(matched.end(), in_body.begin(), in_body.end());
    out.push_back(
        {"lure:" + std::string(family.kind),
         fmt::format("The message reads like {} (words: {}).", family.label, Join(matched)),
         fmt::format("{}を装った内容です（該当語: {}）。", family.label_ja, Join(matched))});
  }
  return out;
}

}  // namespace ts::ingest::mail
