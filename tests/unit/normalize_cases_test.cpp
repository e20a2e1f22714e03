// Runs the data-driven cases of tests/cases/normalize/*.test against
// ts::ingest::Normalize and DetectType. The case format is described at the
// top of basics.test; failures point at the case's file and line.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "case_files.hpp"
#include "ingest/normalize.hpp"
#include "ingest/utf8.hpp"
#include "model/indicator_type.hpp"

namespace {

namespace fs = std::filesystem;
using ts::model::IndicatorType;

constexpr char kSeparator[] = "----";
constexpr char kErrorPrefix[] = "error: ";

struct Case {
  int line = 0;  // of the directive, 1-based
  bool detect = false;
  std::string type;  // normalize only
  std::string value;
  std::string expected;
};

struct ParsedFile {
  std::vector<Case> cases;
  std::vector<std::pair<int, std::string>> errors;  // line, problem
};

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Expands \s \t \\ \xNN \u{N}; nullopt on any other use of "\".
std::optional<std::string> Unescape(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\') {
      out += s[i];
      continue;
    }
    if (++i == s.size()) return std::nullopt;
    switch (s[i]) {
      case 's':
        out += ' ';
        break;
      case 't':
        out += '\t';
        break;
      case '\\':
        out += '\\';
        break;
      case 'x': {
        if (i + 2 >= s.size() || HexDigit(s[i + 1]) < 0 || HexDigit(s[i + 2]) < 0)
          return std::nullopt;
        out += static_cast<char>(HexDigit(s[i + 1]) * 16 + HexDigit(s[i + 2]));
        i += 2;
        break;
      }
      case 'u': {
        const std::size_t close = s.find('}', i);
        if (i + 1 >= s.size() || s[i + 1] != '{' || close == std::string_view::npos ||
            close == i + 2 || close > i + 8)
          return std::nullopt;
        char32_t cp = 0;
        for (std::size_t k = i + 2; k < close; ++k) {
          if (HexDigit(s[k]) < 0) return std::nullopt;
          cp = cp * 16 + static_cast<char32_t>(HexDigit(s[k]));
        }
        if (cp > 0x10FFFF) return std::nullopt;
        ts::ingest::AppendUtf8(out, cp);
        i = close;
        break;
      }
      default:
        return std::nullopt;
    }
  }
  return out;
}

// Fills `c` from a directive line; returns the problem, empty if none.
std::string ParseDirective(std::string_view line, Case& c) {
  const std::size_t space = line.find(' ');
  const std::string_view verb = line.substr(0, space);
  std::string_view rest = space == std::string_view::npos ? "" : line.substr(space + 1);
  if (verb == "normalize") {
    const std::size_t type_end = rest.find(' ');
    c.type = rest.substr(0, type_end);
    rest = type_end == std::string_view::npos ? "" : rest.substr(type_end + 1);
    if (!ts::model::ParseIndicatorType(c.type)) return "unknown indicator type '" + c.type + "'";
  } else if (verb == "detect") {
    c.detect = true;
  } else {
    return "expected 'normalize <type> <value>' or 'detect <value>'";
  }
  auto value = Unescape(rest);
  if (!value) return "bad escape in the value";
  c.value = std::move(*value);
  return {};
}

bool EndsInBlank(std::string_view line) {
  return !line.empty() && (line.back() == ' ' || line.back() == '\t');
}

ParsedFile ParseFile(const fs::path& path) {
  ParsedFile parsed;
  std::ifstream in(path, std::ios::binary);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (line.ends_with('\r')) line.pop_back();
    lines.push_back(std::move(line));
  }
  for (std::size_t i = 0; i < lines.size();) {
    if (lines[i].empty() || lines[i].starts_with('#')) {
      ++i;
      continue;
    }
    const int line_number = static_cast<int>(i) + 1;
    auto fail = [&](std::string problem) {
      parsed.errors.emplace_back(line_number, std::move(problem));
      while (i < lines.size() && !lines[i].empty()) ++i;  // skip to the next case
    };
    if (i + 2 >= lines.size() || lines[i + 1] != kSeparator) {
      fail("a case needs its directive, '----' and the expected result on three lines");
      continue;
    }
    if (i + 3 < lines.size() && !lines[i + 3].empty()) {
      fail("a case must end with a blank line");
      continue;
    }
    if (EndsInBlank(lines[i]) || EndsInBlank(lines[i + 2])) {
      fail("line ends in a literal blank: write it as \\s");
      continue;
    }
    Case c;
    c.line = line_number;
    if (std::string problem = ParseDirective(lines[i], c); !problem.empty()) {
      fail(std::move(problem));
      continue;
    }
    auto expected = Unescape(lines[i + 2]);
    if (!expected) {
      fail("bad escape in the expected result");
      continue;
    }
    c.expected = std::move(*expected);
    parsed.cases.push_back(std::move(c));
    i += 3;
  }
  return parsed;
}

// The mismatch of `c` against the code, empty if it passes.
std::string Check(const Case& c) {
  if (c.detect) {
    const auto detected = ts::ingest::DetectType(c.value);
    const std::string got =
        detected ? std::string(ts::model::IndicatorTypeName(*detected)) : std::string("none");
    return got == c.expected ? "" : "detect gave '" + got + "'";
  }
  const IndicatorType type = *ts::model::ParseIndicatorType(c.type);
  const auto result = ts::ingest::Normalize(type, c.value);
  if (c.expected.starts_with(kErrorPrefix)) {
    const std::string wanted = c.expected.substr(sizeof kErrorPrefix - 1);
    if (result.ok()) return "expected an error, got '" + result.value() + "'";
    const ts::Error& error = result.error();
    if (error.code != ts::Code::kInvalid || error.field != "value")
      return "expected an Invalid error on field 'value': " + error.message;
    if (error.message.find(wanted) == std::string::npos)
      return "error message lacks '" + wanted + "': " + error.message;
    return {};
  }
  if (!result.ok()) return "unexpected error: " + result.error().message;
  if (result.value() != c.expected) return "got '" + result.value() + "'";
  // The canonical form must be a fixed point, or stored values would drift.
  const auto again = ts::ingest::Normalize(type, c.expected);
  if (!again.ok()) return "normalising the result again fails: " + again.error().message;
  if (again.value() != c.expected)
    return "normalising the result again gives '" + again.value() + "'";
  return {};
}

std::vector<fs::path> CaseFiles() {
  return ts::testing_support::CaseFiles(TS_CASES_DIR "/normalize");
}

class CaseFile : public testing::TestWithParam<fs::path> {};

TEST_P(CaseFile, Passes) {
  const fs::path& path = GetParam();
  const ParsedFile parsed = ParseFile(path);
  for (const auto& [line, problem] : parsed.errors)
    ADD_FAILURE_AT(path.c_str(), line) << "malformed case: " << problem;
  EXPECT_FALSE(parsed.cases.empty()) << path << " holds no cases";
  for (const Case& c : parsed.cases) {
    if (std::string mismatch = Check(c); !mismatch.empty()) {
      ADD_FAILURE_AT(path.c_str(), c.line)
          << (c.detect ? "detect" : "normalize " + c.type) << " '" << c.value << "': " << mismatch
          << "; expected '" << c.expected << "'";
    }
  }
  RecordProperty("cases", static_cast<int>(parsed.cases.size()));
}

INSTANTIATE_TEST_SUITE_P(Normalize, CaseFile, testing::ValuesIn(CaseFiles()),
                         [](const testing::TestParamInfo<fs::path>& param_info) {
                           std::string name = param_info.param.stem().string();
                           std::replace_if(
                               name.begin(), name.end(),
                               [](unsigned char ch) { return !std::isalnum(ch); }, '_');
                           return name;
                         });

TEST(NormalizeCases, DirectoryHasCaseFiles) {
  EXPECT_FALSE(CaseFiles().empty()) << "no *.test files in " TS_CASES_DIR "/normalize";
}

}  // namespace
