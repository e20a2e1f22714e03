#include "ingest/mail/archive_passwords.hpp"

#include <algorithm>

#include "ingest/ascii.hpp"

namespace ts::ingest::mail {
namespace {

constexpr std::size_t kMaxPasswords = 5;
constexpr std::size_t kMaxLength = 64;

constexpr std::string_view kLabels[] = {"パスワード", "暗証番号", "password", "passcode", "pw"};
// Between label and password: blanks, colons, "は" and brackets.
constexpr std::string_view kSeparators[] = {" ",  "\t", ":", "：", "は", "】", "]",
                                            "」", "　", "=", "\n", "\r", "「", "【"};

std::size_t SkipSeparators(std::string_view text, std::size_t i) {
  for (bool moved = true; moved && i < text.size();) {
    moved = false;
    for (const std::string_view sep : kSeparators)
      if (text.substr(i, sep.size()) == sep) {
        i += sep.size();
        moved = true;
        break;
      }
  }
  return i;
}

bool PasswordChar(char c) {
  return c > ' ' && c < 0x7f && c != '"' && c != '\'';
}

}  // namespace

std::vector<std::string> PasswordsInText(std::string_view text) {
  std::vector<std::string> out;
  const std::string lowered = AsciiLowered(text);
  for (const std::string_view label : kLabels) {
    for (std::size_t at = lowered.find(label);
         at != std::string::npos && out.size() < kMaxPasswords; at = lowered.find(label, at + 1)) {
      const std::size_t start = SkipSeparators(text, at + label.size());
      if (start == at + label.size()) continue;  // "passwords", "pwd": no separator
      std::size_t end = start;
      while (end < text.size() && end - start < kMaxLength && PasswordChar(text[end])) ++end;
      std::string candidate(text.substr(start, end - start));
      while (!candidate.empty() && (candidate.back() == '.' || candidate.back() == ','))
        candidate.pop_back();
      if (candidate.size() >= 3 && std::find(out.begin(), out.end(), candidate) == out.end())
        out.push_back(std::move(candidate));
    }
  }
  return out;
}

}  // namespace ts::ingest::mail
