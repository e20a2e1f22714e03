// The lure families of targeted-attack mail: the pretexts the seeds record
// (the pension-service waves and the cases before and after them), each
// with the Japanese and English words that signal it. Data only; the
// matching rules are in lure_findings.cpp.
#pragma once

#include <span>
#include <string_view>

namespace ts::ingest::mail {

struct LureFamily {
  std::string_view kind;      // the code is "lure:" + kind
  std::string_view label;     // English, for the reason
  std::string_view label_ja;  // Japanese, for the reason
  // Japanese words match as substrings; ASCII words match whole words,
  // ignoring case.
  std::span<const std::string_view> words;
};

std::span<const LureFamily> LureFamilies();

}  // namespace ts::ingest::mail
