// Runs the mail corpus of tests/cases/mail/: every message is analysed and
// must give exactly the finding codes expected.test lists for it, plus the
// decoded subject, attachment names and indicators where listed. The
// corpus as a whole must show every finding code present in one message
// and absent in another. The format is described at the top of
// expected.test; failures point at the message's block.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <ostream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ingest/mail/analysis.hpp"
#include "ingest/mail/finding.hpp"

namespace {

namespace fs = std::filesystem;
namespace mail = ts::ingest::mail;

const fs::path kDir = TS_CASES_DIR "/mail";
constexpr std::size_t kMinimumCorpus = 40;

struct Expected {
  int line = 0;
  std::string file;
  bool has_codes = false;
  std::set<std::string> codes;
  std::string error;  // non-empty: the message must be rejected with this text
  std::optional<std::string> subject;
  std::optional<std::vector<std::string>> attachments;
  std::vector<std::pair<std::string, std::string>> indicators;  // type, value
};

// gtest names a failing parameter by this rather than by its bytes.
void PrintTo(const Expected& e, std::ostream* os) {
  *os << e.file;
}

struct ExpectedFile {
  std::vector<Expected> cases;
  std::vector<std::pair<int, std::string>> errors;
};

ExpectedFile ReadExpected() {
  ExpectedFile out;
  std::ifstream in(kDir / "expected.test");
  std::string line;
  int number = 0;
  Expected current;
  auto flush = [&] {
    if (!current.file.empty()) {
      if (!current.has_codes && current.error.empty())
        out.errors.emplace_back(current.line, "block without codes: or error:");
      out.cases.push_back(std::move(current));
    }
    current = Expected{};
  };
  while (std::getline(in, line)) {
    ++number;
    if (line.starts_with('#')) continue;
    if (line.empty()) {
      flush();
      continue;
    }
    const std::size_t colon = line.find(": ");
    if (colon == std::string::npos) {
      out.errors.emplace_back(number, "expected 'key: value'");
      continue;
    }
    const std::string key = line.substr(0, colon);
    const std::string value = line.substr(colon + 2);
    try {
      if (key == "file") {
        flush();
        current.file = value;
        current.line = number;
      } else if (key == "codes") {
        current.has_codes = true;
        std::istringstream words(value);
        for (std::string code; words >> code;)
          if (code != "-") current.codes.insert(code);
      } else if (key == "error") {
        current.error = value;
      } else if (key == "subject") {
        current.subject = nlohmann::json::parse(value).get<std::string>();
      } else if (key == "attachments") {
        current.attachments = nlohmann::json::parse(value).get<std::vector<std::string>>();
      } else if (key == "indicator") {
        const std::size_t space = value.find(' ');
        current.indicators.emplace_back(value.substr(0, space), value.substr(space + 1));
      } else {
        out.errors.emplace_back(number, "unknown key '" + key + "'");
      }
    } catch (const nlohmann::json::exception& e) {
      out.errors.emplace_back(number, std::string("bad JSON: ") + e.what());
    }
    if (key != "file" && current.file.empty())
      out.errors.emplace_back(number, "a block must start with 'file:'");
  }
  flush();
  return out;
}

std::string ReadBytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string Joined(const std::set<std::string>& codes) {
  std::string out;
  for (const auto& c : codes) out += (out.empty() ? "" : " ") + c;
  return out.empty() ? "-" : out;
}

const ExpectedFile& Cases() {
  static const ExpectedFile cases = ReadExpected();
  return cases;
}

TEST(MailCorpus, ExpectedFileIsWellFormed) {
  const ExpectedFile& e = Cases();
  for (const auto& [line, problem] : e.errors)
    ADD_FAILURE_AT((kDir / "expected.test").c_str(), line) << problem;
  EXPECT_GE(e.cases.size(), kMinimumCorpus);
}

TEST(MailCorpus, EveryMessageHasExpectations) {
  std::set<std::string> listed;
  for (const Expected& c : Cases().cases) listed.insert(c.file);
  std::size_t messages = 0;
  for (const auto& entry : fs::directory_iterator(kDir)) {
    if (entry.path().extension() != ".eml") continue;
    ++messages;
    EXPECT_TRUE(listed.count(entry.path().filename().string()))
        << entry.path().filename() << " has no block in expected.test";
  }
  EXPECT_GE(messages, kMinimumCorpus);
}

// Each code must be shown raised by one message and not raised by another
// (the corpus holds a tempting near miss for each).
TEST(MailCorpus, EveryCodeIsPresentAndAbsent) {
  std::map<std::string, int> present;
  std::size_t analysed = 0;
  for (const Expected& c : Cases().cases) {
    if (!c.error.empty()) continue;
    ++analysed;
    for (const auto& code : c.codes) ++present[code];
  }
  for (const std::string& code : mail::AllFindingCodes()) {
    EXPECT_GE(present[code], 1) << code << " is raised by no message of the corpus";
    EXPECT_LT(static_cast<std::size_t>(present[code]), analysed)
        << code << " is raised by every message";
  }
  const auto all = mail::AllFindingCodes();
  for (const auto& [code, count] : present)
    EXPECT_NE(std::find(all.begin(), all.end(), code), all.end())
        << "expected.test lists the unknown code " << code;
}

class MailCase : public testing::TestWithParam<Expected> {};

TEST_P(MailCase, GivesExpectedAnalysis) {
  const Expected& c = GetParam();
  const std::string where = (kDir / "expected.test").string();
  const std::string raw = ReadBytes(kDir / c.file);
  ASSERT_FALSE(raw.empty()) << c.file << " is missing or empty";
  auto analysis = mail::AnalyzeMessage(raw);
  if (!c.error.empty()) {
    if (analysis.ok()) {
      ADD_FAILURE_AT(where.c_str(), c.line) << c.file << ": expected an error, got an analysis";
    } else {
      EXPECT_NE(analysis.error().message.find(c.error), std::string::npos)
          << c.file << ": " << analysis.error().message;
    }
    return;
  }
  if (!analysis.ok()) {
    ADD_FAILURE_AT(where.c_str(), c.line) << c.file << ": " << analysis.error().message;
    return;
  }
  const auto codes = mail::FindingCodes(*analysis);
  const std::set<std::string> got(codes.begin(), codes.end());
  if (got != c.codes) {
    std::string reasons;
    for (const auto& f : analysis->findings) reasons += "\n  " + f.code + ": " + f.reason;
    ADD_FAILURE_AT(where.c_str(), c.line)
        << c.file << ": codes " << Joined(got) << "; expected " << Joined(c.codes) << reasons;
  }
  for (const auto& f : analysis->findings) {
    EXPECT_FALSE(f.reason.empty()) << c.file << ": " << f.code << " without a reason";
    EXPECT_FALSE(f.reason_ja.empty()) << c.file << ": " << f.code << " without a Japanese reason";
  }
  if (c.subject) {
    EXPECT_EQ(analysis->message.subject, *c.subject) << c.file << " (line " << c.line << ")";
  }
  if (c.attachments) {
    std::vector<std::string> names;
    for (const auto& a : analysis->message.attachments) names.push_back(a.name);
    EXPECT_EQ(names, *c.attachments) << c.file << " (line " << c.line << ")";
  }
  for (const auto& [type, value] : c.indicators) {
    const bool found = std::any_of(
        analysis->indicators.begin(), analysis->indicators.end(),
        [&](const mail::MailIndicator& i) { return i.type == type && i.value == value; });
    EXPECT_TRUE(found) << c.file << ": indicator " << type << " " << value << " missing";
  }
}

INSTANTIATE_TEST_SUITE_P(Mail, MailCase, testing::ValuesIn(Cases().cases),
                         [](const testing::TestParamInfo<Expected>& param_info) {
                           std::string name = fs::path(param_info.param.file).stem().string();
                           std::replace_if(
                               name.begin(), name.end(),
                               [](unsigned char ch) { return !std::isalnum(ch); }, '_');
                           return name;
                         });

}  // namespace
