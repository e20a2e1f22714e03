#include "ingest/content/text_sniff.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>

#include "ingest/ascii.hpp"
#include "ingest/utf8.hpp"

namespace ts::ingest::content {
namespace {

// Enough to judge a file by its beginning, small enough to stay cheap.
constexpr std::size_t kWindow = 64 * 1024;

struct Language {
  FileKind kind;
  // Lower-case tokens distinctive of the language; two distinct hits are
  // needed, so one stray word in prose does not make a script.
  std::array<std::string_view, 8> tokens;
};

constexpr std::array<Language, 4> kLanguages = {{
    {FileKind::kPowerShell,
     {"invoke-expression", "-encodedcommand", "new-object ", "[system.",
      "$env:", "invoke-webrequest", "downloadstring(", "write-host"}},
    {FileKind::kBatch,
     {"@echo off", "%~dp0", "goto ", "setlocal", "%comspec%", "errorlevel", "\nrem ", "\nset "}},
    {FileKind::kVbScript,
     {"createobject(", "on error resume next", "end sub", "end function", "\ndim ", "wscript.echo",
      "wscript.sleep", "chr("}},
    {FileKind::kJavaScript,
     {"new activexobject", "function(", "function ", "var ", "eval(", "});", "document.", "=>"}},
}};

std::string LowerWindow(std::string_view text) {
  std::string lower("\n");  // so that line-start tokens match the first line
  lower.append(text.substr(0, kWindow));
  std::transform(lower.begin(), lower.end(), lower.begin(), AsciiLower);
  return lower;
}

std::string_view TrimLeading(std::string_view s) {
  if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);  // UTF-8 byte order mark
  while (!s.empty() &&
         (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n'))
    s.remove_prefix(1);
  return s;
}

}  // namespace

bool LooksLikeText(std::string_view data) {
  if (data.empty()) return false;
  std::string_view window = data.substr(0, kWindow);
  if (auto bad = FirstInvalidUtf8(window); bad && window.size() - *bad > 3) return false;
  std::size_t control = 0;
  for (char c : window) {
    const auto u = static_cast<unsigned char>(c);
    if (u == 0) return false;
    if (u < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
  }
  return control * 100 <= window.size();
}

FileKind ClassifyText(std::string_view text) {
  const std::string lower = LowerWindow(text);
  const std::string_view start = TrimLeading(std::string_view(lower).substr(1));
  if (start.starts_with("#!")) return FileKind::kShellScript;
  if (lower.find("<hta:application") != std::string::npos) return FileKind::kHta;
  if (start.starts_with("<!doctype html") || start.starts_with("<html")) return FileKind::kHtml;
  if (start.starts_with("@echo off")) return FileKind::kBatch;
  FileKind best = FileKind::kText;
  std::size_t best_hits = 1;  // a winner needs at least two
  for (const auto& language : kLanguages) {
    std::size_t hits = 0;
    for (auto token : language.tokens)
      if (lower.find(token) != std::string::npos) ++hits;
    if (hits > best_hits) {
      best = language.kind;
      best_hits = hits;
    }
  }
  return best;
}

}  // namespace ts::ingest::content
