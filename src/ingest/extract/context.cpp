#include "ingest/extract/context.hpp"

#include <algorithm>
#include <iterator>
#include <span>

#include "ingest/ascii.hpp"

namespace ts::ingest::extract {
namespace {

using Words = std::span<const std::string_view>;

// Punctuation and blanks between a label word and the word it labels.
constexpr std::string_view kOpeners[] = {
    " ",      "\t",     ":",      "\"",     "'",      "(",      "[",      "=",      "`",
    "\u3000", "\u300C", "\u300E", "\uFF08", "\u3010", "\uFF1A", "\u201C", "\u2018", "\uFF3B"};
constexpr std::string_view kClosers[] = {" ",      "\t",     "\"",     "'",      ")",
                                         "]",      "`",      "\u3000", "\u300D", "\u300F",
                                         "\uFF09", "\u3011", "\u201D", "\u2019", "\uFF3D"};

bool EqualsNoCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return AsciiLower(x) == AsciiLower(y);
         });
}

// `text` before `at` ends with one of `words`, which for ASCII words must
// not be the tail of a longer word ("cover" is no "ver").
bool EndsWithWord(std::string_view text, std::size_t at, Words words) {
  for (std::string_view word : words) {
    if (word.size() > at || !EqualsNoCase(text.substr(at - word.size(), word.size()), word))
      continue;
    const std::size_t before = at - word.size();
    if (IsAsciiAlpha(word.front()) && before > 0 && IsAsciiAlpha(text[before - 1])) continue;
    return true;
  }
  return false;
}

bool StartsWithWord(std::string_view text, std::size_t at, Words words) {
  for (std::string_view word : words) {
    if (at + word.size() > text.size() || !EqualsNoCase(text.substr(at, word.size()), word))
      continue;
    const std::size_t after = at + word.size();
    if (IsAsciiAlpha(word.back()) && after < text.size() && IsAsciiAlpha(text[after])) continue;
    return true;
  }
  return false;
}

template <std::size_t N>
std::size_t SkipBack(std::string_view text, std::size_t at, const std::string_view (&marks)[N]) {
  for (bool moved = true; moved && at > 0;) {
    moved = false;
    for (std::string_view mark : marks) {
      if (mark.size() <= at && text.substr(at - mark.size(), mark.size()) == mark) {
        at -= mark.size();
        moved = true;
        break;
      }
    }
  }
  return at;
}

template <std::size_t N>
std::size_t SkipForward(std::string_view text, std::size_t at, const std::string_view (&marks)[N]) {
  for (bool moved = true; moved && at < text.size();) {
    moved = false;
    for (std::string_view mark : marks) {
      if (text.substr(at).starts_with(mark)) {
        at += mark.size();
        moved = true;
        break;
      }
    }
  }
  return at;
}

bool IsVersionChar(char c) {
  return IsAsciiDigit(c) || c == '.' || c == 'x' || c == 'X';
}

// Start of the version-like number ending at `at` ("1.0.2", "v2.1"), or
// `at` when there is none.
std::size_t VersionNumberStart(std::string_view text, std::size_t at) {
  std::size_t start = at;
  while (start > 0 && IsVersionChar(text[start - 1])) --start;
  if (start == at || !IsAsciiDigit(text[at - 1])) return at;
  if (start > 0 && (text[start - 1] == 'v' || text[start - 1] == 'V')) --start;
  return start;
}

constexpr std::string_view kVersionBefore[] = {
    "version", "versions", "ver", "ver.", "v", "v.", "build", "firmware", "release", "update",
    "バージョン", "ビルド", "ファームウェア", "リリース", "アップデート", "upgrade", "fixed in",
    "patched in", "アップグレード", "修正版",
    // section and figure numbers
    "section", "sec.", "clause", "\u00A7", "第", "図", "表", "手順", "項目"};
constexpr std::string_view kVersionAfter[] = {
    "項",        "節",       "章",       "以前",       "以降",        "未満",
    "より前",    "より古い", "版",       "or earlier", "and earlier", "or later",
    "and later", "or newer", "or older", "and prior",  "and above",   "and below"};
// What may stand between the version word and a later number of a list.
constexpr std::string_view kListWords[] = {",",      "\u3001", "\uFF0C", "-",      "~",  "\u301C",
                                           "\uFF5E", "/",      "and",    "or",     "to", "through",
                                           "から",   "および", "及び",   "または", "と", "、"};

constexpr std::string_view kFileBefore[] = {
    "file",     "files",        "filename",     "file name",   "attachment",   "attachments",
    "attached", "named",        "ファイル",     "ファイル名",  "ファイル名は", "ファイルは",
    "添付",     "添付ファイル", "実行ファイル", "ファイル名称"};
constexpr std::string_view kFileAfter[] = {"ファイル",       "file",   "という名前", "という名称",
                                           "というファイル", "を実行", "が実行",     "を開"};

constexpr std::string_view kHostBefore[] = {
    "domain", "domains",  "host",   "hostname", "host name", "c2",
    "c&c",    "server",   "fqdn",   "dns",      "ドメイン",  "ドメイン名",
    "ホスト", "ホスト名", "通信先", "接続先",   "サーバ",    "サーバー"};
constexpr std::string_view kHostAfter[] = {"へ通信",   "に通信",       "と通信",     "に接続",
                                           "へ接続",   "へのアクセス", "にアクセス", "resolves",
                                           "resolved", "ドメイン"};

bool LabelledBefore(std::string_view text, std::size_t begin, Words words) {
  return EndsWithWord(text, SkipBack(text, begin, kOpeners), words);
}

bool LabelledAfter(std::string_view text, std::size_t end, Words words) {
  return StartsWithWord(text, SkipForward(text, end, kClosers), words);
}

}  // namespace

bool SaysVersion(std::string_view text, std::size_t begin, std::size_t end) {
  if (LabelledAfter(text, end, kVersionAfter)) return true;
  std::size_t at = begin;
  // Walk back over a list of version numbers to the word that heads it.
  for (int step = 0; step < 16; ++step) {
    at = SkipBack(text, at, kOpeners);
    if (EndsWithWord(text, at, kVersionBefore)) return true;
    const std::size_t number = VersionNumberStart(text, at);
    if (number != at) {
      at = number;
      continue;
    }
    bool listed = false;
    for (std::string_view word : kListWords) {
      if (EndsWithWord(text, at, Words(&word, 1))) {
        at -= word.size();
        listed = true;
        break;
      }
    }
    if (!listed) return false;
  }
  return false;
}

bool SaysFile(std::string_view text, std::size_t begin, std::size_t end) {
  return LabelledBefore(text, begin, kFileBefore) || LabelledAfter(text, end, kFileAfter);
}

bool SaysHost(std::string_view text, std::size_t begin, std::size_t end) {
  return LabelledBefore(text, begin, kHostBefore) || LabelledAfter(text, end, kHostAfter);
}

std::size_t JapaneseStemStart(std::string_view text, std::size_t at) {
  static constexpr std::string_view kLabels[] = {"ファイル", "添付", "名は", "名：", "名:"};
  std::size_t start = at;
  while (start > 0) {
    std::size_t lead = start - 1;
    while (lead > 0 && (static_cast<unsigned char>(text[lead]) & 0xC0) == 0x80) --lead;
    const auto first = static_cast<unsigned char>(text[lead]);
    // ASCII letters and digits may sit inside a Japanese name (請求書_2024年4月).
    if (first < 0x80) {
      if (!IsAsciiAlnum(text[lead]) && text[lead] != '_' && text[lead] != '-') break;
      start = lead;
      continue;
    }
    const std::string_view ch = text.substr(lead, start - lead);
    // Blanks and punctuation: U+3000..U+303F (、。「」『』【】 and the
    // ideographic space) and full-width ASCII punctuation and brackets.
    if (ch.size() == 3 && first == 0xE3 && static_cast<unsigned char>(ch[1]) == 0x80) break;
    if (ch.size() == 3 && first == 0xEF &&
        (static_cast<unsigned char>(ch[1]) == 0xBC || static_cast<unsigned char>(ch[1]) == 0xBD))
      break;
    if (ch.size() == 2 || (ch.size() == 3 && first == 0xE2)) break;  // Latin-1, quotes, dashes
    bool label = false;
    for (std::string_view word : kLabels) label = label || text.substr(0, start).ends_with(word);
    if (label) break;
    start = lead;
  }
  return start;
}

}  // namespace ts::ingest::extract
