// Runs the labelled corpus of tests/cases/extract/*.test against
// ts::ingest::ExtractIndicators. The case format is described at the top of
// basics.test. The corpus as a whole must reach precision and recall of
// 0.98 each; every miss and false hit is printed with its file and line, and
// cases whose findings differ from their expectation in any way are listed.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include "case_files.hpp"
#include "ingest/extract/extract.hpp"
#include "model/indicator_type.hpp"

namespace {

namespace fs = std::filesystem;
using ts::ingest::Extracted;
using ts::ingest::TextFormat;

constexpr char kSeparator[] = "----";
constexpr char kNone[] = "(none)";
constexpr double kThreshold = 0.98;

struct Case {
  fs::path file;
  int line = 0;                      // of the directive, 1-based
  std::optional<TextFormat> format;  // none: guessed
  std::string text;
  std::set<std::string> expected;  // "type value"
};

struct Corpus {
  std::vector<Case> cases;
  std::vector<std::string> errors;  // "file:line: problem"
};

std::string FindingLine(const Extracted& e) {
  switch (e.kind) {
    case Extracted::Kind::kVulnerability:
      return "cve " + e.value;
    case Extracted::Kind::kAttackTechnique:
      return "attack " + e.value;
    case Extracted::Kind::kIndicator:
      break;
  }
  return std::string(ts::model::IndicatorTypeName(e.type)) + " " + e.value;
}

bool IsKnownType(const std::string& line) {
  const std::string type = line.substr(0, line.find(' '));
  return type == "cve" || type == "attack" || ts::model::ParseIndicatorType(type).has_value();
}

// "extract", "extract html", "extract markdown", "extract plain".
bool ParseDirective(const std::string& line, Case& c) {
  if (line == "extract") return true;
  if (line == "extract html")
    c.format = TextFormat::kHtml;
  else if (line == "extract markdown")
    c.format = TextFormat::kMarkdown;
  else if (line == "extract plain")
    c.format = TextFormat::kPlain;
  else
    return false;
  return true;
}

void ParseFile(const fs::path& path, Corpus& corpus) {
  std::ifstream in(path, std::ios::binary);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (line.ends_with('\r')) line.pop_back();
    lines.push_back(std::move(line));
  }
  auto error = [&](std::size_t i, const std::string& problem) {
    corpus.errors.push_back(path.filename().string() + ":" + std::to_string(i + 1) + ": " +
                            problem);
  };
  for (std::size_t i = 0; i < lines.size();) {
    if (lines[i].empty() || lines[i].starts_with('#')) {
      ++i;
      continue;
    }
    Case c;
    c.file = path;
    c.line = static_cast<int>(i) + 1;
    if (!ParseDirective(lines[i], c)) {
      error(i, "expected 'extract [html|markdown|plain]'");
      while (i < lines.size() && !lines[i].empty()) ++i;
      continue;
    }
    std::size_t j = i + 1;
    std::string text;
    for (; j < lines.size() && lines[j] != kSeparator; ++j) {
      if (j > i + 1) text += '\n';
      text += lines[j];
    }
    if (j == lines.size() || j == i + 1) {
      error(i, "a case needs its text, then '----'");
      break;
    }
    c.text = std::move(text);
    for (++j; j < lines.size() && !lines[j].empty(); ++j) {
      if (lines[j] == kNone) continue;
      if (!IsKnownType(lines[j]) || lines[j].find(' ') == std::string::npos)
        error(j, "expected 'TYPE VALUE' or (none): " + lines[j]);
      else if (!c.expected.insert(lines[j]).second)
        error(j, "listed twice: " + lines[j]);
    }
    corpus.cases.push_back(std::move(c));
    i = j;
  }
}

Corpus LoadCorpus() {
  Corpus corpus;
  for (const auto& path : ts::testing_support::CaseFiles(TS_CASES_DIR "/extract"))
    ParseFile(path, corpus);
  return corpus;
}

std::set<std::string> FindingsOf(const Case& c) {
  const TextFormat format = c.format ? *c.format : ts::ingest::GuessTextFormat(c.text);
  std::set<std::string> found;
  for (const auto& e : ts::ingest::ExtractIndicators(c.text, format)) found.insert(FindingLine(e));
  return found;
}

bool IsJapanese(const std::string& text) {
  // Hiragana, katakana and CJK ideographs all start with E3..E9 in UTF-8.
  for (unsigned char c : text)
    if (c >= 0xE3 && c <= 0xE9) return true;
  return false;
}

TEST(ExtractCorpus, PrecisionAndRecall) {
  const Corpus corpus = LoadCorpus();
  for (const auto& problem : corpus.errors) ADD_FAILURE() << "malformed case: " << problem;
  std::size_t true_hits = 0, false_hits = 0, misses = 0, exact = 0, japanese = 0;
  for (const Case& c : corpus.cases) {
    const std::set<std::string> found = FindingsOf(c);
    const std::string where = c.file.filename().string() + ":" + std::to_string(c.line);
    bool same = true;
    for (const auto& f : found) {
      if (c.expected.contains(f)) {
        ++true_hits;
      } else {
        ++false_hits;
        same = false;
        std::cout << where << ": false hit  " << f << "\n";
      }
    }
    for (const auto& e : c.expected) {
      if (!found.contains(e)) {
        ++misses;
        same = false;
        std::cout << where << ": miss       " << e << "\n";
      }
    }
    exact += same ? 1 : 0;
    japanese += IsJapanese(c.text) ? 1 : 0;
  }
  const double precision =
      true_hits + false_hits == 0 ? 0 : double(true_hits) / double(true_hits + false_hits);
  const double recall =
      true_hits + misses == 0 ? 0 : double(true_hits) / double(true_hits + misses);
  std::cout << "extract corpus: " << corpus.cases.size() << " cases (" << japanese << " Japanese), "
            << exact << " exactly as expected; " << true_hits << " hits, " << false_hits
            << " false hits, " << misses << " misses; precision " << precision << ", recall "
            << recall << "\n";
  RecordProperty("cases", static_cast<int>(corpus.cases.size()));
  RecordProperty("exact_cases", static_cast<int>(exact));
  RecordProperty("precision", std::to_string(precision));
  RecordProperty("recall", std::to_string(recall));
  EXPECT_GE(corpus.cases.size(), 200u);
  EXPECT_GE(japanese * 5, corpus.cases.size() * 2) << "at least 40% of the cases are Japanese";
  EXPECT_GE(precision, kThreshold);
  EXPECT_GE(recall, kThreshold);
}

}  // namespace
