// Finding indicators in prose: reports, advisories, web pages and mail
// bodies, in Japanese and English. Defanged writing (hxxp, [.], (dot), [@])
// and full-width characters (．＠：／) are read as what they stand for;
// things that only look like indicators (version numbers, file names where
// the text says file) are left out. Pure functions, safe from any thread.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "model/indicator_type.hpp"

namespace ts::ingest {

enum class TextFormat { kPlain, kMarkdown, kHtml };

// HTML when the text starts (after blanks) with a tag, Markdown when it has
// Markdown links or headings, plain otherwise.
TextFormat GuessTextFormat(std::string_view text);

struct Extracted {
  enum class Kind {
    kIndicator,        // `type` and a canonical `value` (ingest::Normalize)
    kVulnerability,    // value "CVE-2024-12345"
    kAttackTechnique,  // value "T1566.001" (techniques, sub-techniques, tactics TA…)
  };
  Kind kind = Kind::kIndicator;
  model::IndicatorType type = model::IndicatorType::kText;
  std::string value;
  // Where the first occurrence was written in the input, in bytes.
  size_t offset = 0;
  size_t length = 0;
};

// Each distinct finding once, in order of first occurrence.
std::vector<Extracted> ExtractIndicators(std::string_view text, TextFormat format);

}  // namespace ts::ingest
