// Reading indicator files: format detection, STIX patterns, MISP composite
// types, CSV columns, plain lists, and the errors and warnings a user sees.
#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "hunt/indicator_loader.hpp"

namespace {

namespace fs = std::filesystem;
using ts::model::IndicatorType;

class HuntLoader : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("hunt_loader_" + std::to_string(getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Loads `text` as the file `name`; returns the status.
  ts::Status Load(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
    return ts::hunt::LoadIndicators((dir_ / name).string(), set_, report_, 2);
  }
  bool Has(IndicatorType type, const std::string& value) const {
    for (std::size_t i = 0; i < set_.size(); ++i)
      if (set_.at(static_cast<std::uint32_t>(i)).type == type &&
          set_.at(static_cast<std::uint32_t>(i)).value == value)
        return true;
    return false;
  }

  fs::path dir_;
  ts::hunt::IndicatorSet set_;
  ts::hunt::LoadReport report_;
};

// Long lists are read in pieces side by side: every row must come once, in
// order, with its line number counted across the pieces.
TEST_F(HuntLoader, LongPlainListsKeepRowsAndLineNumbers) {
  std::string text;
  std::vector<std::size_t> bad_lines;
  std::size_t line = 0;
  for (int i = 0; i < 40000; ++i) {
    if (i % 997 == 0) {
      text += "# a comment\n\n";
      line += 2;
    }
    if (i % 4999 == 0) {
      text += "not an indicator " + std::to_string(i) + "\n";
      bad_lines.push_back(++line);
    }
    text += "host" + std::to_string(i) + ".evil.example\n";
    ++line;
  }
  ASSERT_TRUE(Load("long.txt", text).ok());
  EXPECT_EQ(report_.added, 40000U);
  ASSERT_EQ(set_.size(), 40000U);
  for (std::uint32_t i = 0; i < 40000; ++i)
    ASSERT_EQ(set_.at(i).value, "host" + std::to_string(i) + ".evil.example");
  ASSERT_EQ(report_.warnings.size(), bad_lines.size());
  for (std::size_t k = 0; k < bad_lines.size(); ++k)
    EXPECT_NE(report_.warnings[k].find(": line " + std::to_string(bad_lines[k]) + ": skipped"),
              std::string::npos)
        << report_.warnings[k];
}

TEST_F(HuntLoader, PlainListDetectsTypesAndNormalises) {
  ASSERT_TRUE(Load("list.txt",
                   "# comment\n\nEVIL[.]example\n203.0.113.5\r\nhxxp://x.example/a\n"
                   "198.51.100.7/24\n2001:DB8::1\nd41d8cd98f00b204e9800998ecf8427e\n"
                   "just some words\nevil.example\n")
                  .ok());
  EXPECT_TRUE(Has(IndicatorType::kDomain, "evil.example"));
  EXPECT_TRUE(Has(IndicatorType::kIpv4, "203.0.113.5"));
  EXPECT_TRUE(Has(IndicatorType::kUrl, "http://x.example/a"));
  EXPECT_TRUE(Has(IndicatorType::kCidr, "198.51.100.0/24"));
  EXPECT_TRUE(Has(IndicatorType::kIpv6, "2001:db8::1"));
  EXPECT_TRUE(Has(IndicatorType::kMd5, "d41d8cd98f00b204e9800998ecf8427e"));
  EXPECT_EQ(report_.added, 6U);
  EXPECT_EQ(report_.duplicates, 1U);
  EXPECT_EQ(report_.invalid, 1U);
  ASSERT_EQ(report_.warnings.size(), 1U);
  EXPECT_NE(report_.warnings[0].find("list.txt: line 9: skipped"), std::string::npos)
      << report_.warnings[0];
}

TEST_F(HuntLoader, CsvWithTypesEventsAndCampaigns) {
  ASSERT_TRUE(Load("ind.csv",
                   "Value,Type,Campaign,Event\n"
                   "evil.example,domain,Blue Termite,wave 2\n"
                   "\"Mozilla/4.0 (compatible; x, y)\",user-agent,,\n"
                   "e7d705a3286e19ea42f587b344ee6865,ja3-fingerprint-md5,,\n"
                   "192.0.2.9,ip-dst,,\n"
                   "x,no-such-type,,\n"
                   "300.1.1.1,ipv4,,\n"
                   "subject line,email-subject,,\n")
                  .ok());
  EXPECT_TRUE(Has(IndicatorType::kDomain, "evil.example"));
  EXPECT_EQ(set_.at(0).event, "wave 2");
  EXPECT_EQ(set_.at(0).campaign, "Blue Termite");
  EXPECT_TRUE(Has(IndicatorType::kUserAgent, "Mozilla/4.0 (compatible; x, y)"));
  EXPECT_TRUE(Has(IndicatorType::kJa3, "e7d705a3286e19ea42f587b344ee6865"));
  EXPECT_TRUE(Has(IndicatorType::kIpv4, "192.0.2.9"));
  EXPECT_EQ(report_.invalid, 2U);
  EXPECT_EQ(report_.unhuntable, 1U);
}

TEST_F(HuntLoader, CsvHeaderWithoutValueIsPlainText) {
  // "type,name" has no value column: the file is a plain list whose lines
  // are not indicators.
  ASSERT_TRUE(Load("odd.csv", "type,name\ndomain,evil.example\n").ok());
  EXPECT_EQ(set_.size(), 0U);
  EXPECT_EQ(report_.invalid, 2U);
}

TEST_F(HuntLoader, StixPatternsAndObjects) {
  ASSERT_TRUE(Load("b.json", R"({"type":"bundle","id":"bundle--1","objects":[
    {"type":"indicator","id":"indicator--1","pattern_type":"stix",
     "pattern":"[ipv4-addr:value = '192.0.2.1'] OR [domain-name:value = 'Evil.Example']"},
    {"type":"indicator","id":"indicator--2",
     "pattern":"[url:value = 'http://x.example/it\\'s' OR file:hashes.'SHA-1' = 'DA39A3EE5E6B4B0D3255BFEF95601890AFD80709']"},
    {"type":"indicator","id":"indicator--3","pattern":"[ipv4-addr:value != '192.0.2.2']"},
    {"type":"indicator","id":"indicator--4","pattern":"[email-addr:value = 'a@b.example']"},
    {"type":"indicator","id":"indicator--5","pattern":"[ipv6-addr:value = '2001:db8::/32']"},
    {"type":"url","id":"url--1","value":"https://y.example/"},
    {"type":"file","id":"file--1","hashes":{"SHA-256":"E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855"}}
  ]})")
                  .ok());
  EXPECT_TRUE(Has(IndicatorType::kIpv4, "192.0.2.1"));
  EXPECT_TRUE(Has(IndicatorType::kDomain, "evil.example"));
  EXPECT_TRUE(Has(IndicatorType::kUrl, "http://x.example/it's"));
  EXPECT_TRUE(Has(IndicatorType::kSha1, "da39a3ee5e6b4b0d3255bfef95601890afd80709"));
  EXPECT_TRUE(Has(IndicatorType::kCidr, "2001:db8::/32"));
  EXPECT_TRUE(Has(IndicatorType::kUrl, "https://y.example/"));
  EXPECT_TRUE(Has(IndicatorType::kSha256,
                  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
  EXPECT_EQ(report_.unsupported, 1U);
  EXPECT_EQ(report_.unhuntable, 1U);
}

TEST_F(HuntLoader, MispResponseWithSeveralEvents) {
  ASSERT_TRUE(Load("m.json", R"({"response":[
    {"Event":{"info":"one","Attribute":[{"type":"domain","value":"a.example"}]}},
    {"Event":{"info":"two","Attribute":[{"type":"campaign-name","value":"Op X"},
      {"type":"ip-src","value":"198.51.100.0/24"},{"type":"sha256","value":"bad"}]}}]})")
                  .ok());
  EXPECT_TRUE(Has(IndicatorType::kDomain, "a.example"));
  EXPECT_TRUE(Has(IndicatorType::kCidr, "198.51.100.0/24"));
  EXPECT_EQ(set_.at(1).event, "two");
  EXPECT_EQ(set_.at(1).campaign, "Op X");
  EXPECT_EQ(report_.invalid, 1U);
}

TEST_F(HuntLoader, BrokenJsonNamesFileAndLine) {
  const auto status = Load("bad.json", "{\n  \"type\": \"bundle\",\n  \"objects\": [,]\n}\n");
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.error().message.find("bad.json: line 3: not valid JSON"), std::string::npos)
      << status.error().message;
}

TEST_F(HuntLoader, JsonThatIsNeitherStixNorMisp) {
  const auto status = Load("other.json", R"({"hello": "world"})");
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.error().message.find("other.json: neither a STIX bundle nor a MISP event"),
            std::string::npos);
}

TEST_F(HuntLoader, CompressedListsAreRead) {
  const std::string list = "evil.example\n203.0.113.5\n";
  const std::string path = (dir_ / "list.txt.gz").string();
  gzFile gz = gzopen(path.c_str(), "wb");
  gzwrite(gz, list.data(), static_cast<unsigned>(list.size()));
  gzclose(gz);
  ASSERT_TRUE(ts::hunt::LoadIndicators(path, set_, report_, 1).ok());
  EXPECT_TRUE(Has(IndicatorType::kDomain, "evil.example"));
  EXPECT_TRUE(Has(IndicatorType::kIpv4, "203.0.113.5"));
  EXPECT_EQ(report_.added, 2U);
}

TEST_F(HuntLoader, MissingFileIsAnError) {
  const auto status = ts::hunt::LoadIndicators((dir_ / "nope.txt").string(), set_, report_, 1);
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.error().message.find("nope.txt: cannot open"), std::string::npos);
}

}  // namespace
