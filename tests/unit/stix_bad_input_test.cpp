// Hostile STIX input that case files cannot hold conveniently: a 100 MB
// string, nesting 10,000 deep, invalid UTF-8. Each gives a clear problem
// and no crash; the pattern reader's edges are pinned down too.
#include <gtest/gtest.h>

#include <string>

#include "exchange/format.hpp"
#include "exchange/stix/pattern.hpp"
#include "exchange/stix/stix_import.hpp"

namespace {

using namespace ts::exchange;

constexpr const char* kHead =
    R"({"type":"bundle","id":"bundle--11111111-1111-4111-8111-111111111111","objects":[)";

TEST(StixBadInput, HundredMegabyteStringIsNamedAndLeftOut) {
  std::string doc = kHead;
  doc +=
      R"({"type":"tool","spec_version":"2.1","id":"tool--a2000000-0000-4000-8000-000000000001","created":"2024-01-01T00:00:00.000Z","modified":"2024-01-01T00:00:00.000Z","name":"T","description":")";
  doc.append(100'000'000, 'x');
  doc += "\"}]}";
  auto batch = stix::ParseBundle(doc, {});
  ASSERT_EQ(batch.problems.size(), 1u);
  EXPECT_EQ(DescribeProblem(batch.problems[0]),
            "tool--a2000000-0000-4000-8000-000000000001 description: value of 100000002 bytes; "
            "an object may hold at most 16 MiB");
  EXPECT_FALSE(batch.problems[0].fatal);
  EXPECT_TRUE(batch.events.empty());
}

TEST(StixBadInput, DeepNestingIsFatal) {
  std::string doc = kHead;
  doc += R"({"type":"x-deep","id":"x-deep--a2000000-0000-4000-8000-000000000002","v":)";
  doc += std::string(10000, '[') + std::string(10000, ']') + "}]}";
  auto batch = stix::ParseBundle(doc, {});
  ASSERT_EQ(batch.problems.size(), 1u);
  EXPECT_TRUE(batch.problems[0].fatal);
  EXPECT_EQ(batch.problems[0].message, "JSON is nested deeper than 128 levels");
}

TEST(StixBadInput, InvalidUtf8IsFatal) {
  std::string doc = std::string(kHead) + R"({"type":"tool","name":")" + "\xC3\x28" + "\"}]}";
  auto batch = stix::ParseBundle(doc, {});
  ASSERT_EQ(batch.problems.size(), 1u);
  EXPECT_TRUE(batch.problems[0].fatal);
  EXPECT_EQ(batch.problems[0].message, "the file is not valid UTF-8");
}

TEST(StixBadInput, EveryTruncationIsFatalOrValid) {
  const std::string doc =
      std::string(kHead) +
      R"({"type":"indicator","spec_version":"2.1","id":"indicator--a2000000-0000-4000-8000-000000000003","created":"2024-01-01T00:00:00.000Z","modified":"2024-01-01T00:00:00.000Z","pattern":"[ipv4-addr:value = '198.51.100.7']","pattern_type":"stix","valid_from":"2024-01-01T00:00:00Z"}]})";
  for (size_t n = 0; n < doc.size(); ++n) {
    auto batch = stix::ParseBundle(doc.substr(0, n), {});
    ASSERT_TRUE(batch.HasFatal()) << n;
    EXPECT_TRUE(batch.events.empty());
  }
  EXPECT_FALSE(stix::ParseBundle(doc, {}).HasFatal());
}

TEST(StixPattern, SimpleValuesAndEscapes) {
  auto v = stix::SimplePatternValues(R"([email-addr:value = 'o\'brien@example.com'])");
  ASSERT_TRUE(v);
  ASSERT_EQ(v->size(), 1u);
  EXPECT_EQ((*v)[0].indicator_type, "email-addr");
  EXPECT_EQ((*v)[0].value, "o'brien@example.com");
  EXPECT_FALSE(stix::SimplePatternValues("[ipv4-addr:value = '1.2.3.4'] AND [url:value = 'x']"));
  EXPECT_FALSE(stix::SimplePatternValues("[ipv4-addr:value = '1.2.3.4'] WITHIN 5 SECONDS"));
  EXPECT_FALSE(stix::SimplePatternValues("[ipv4-addr:value != '1.2.3.4']"));
  EXPECT_FALSE(stix::SimplePatternValues("[process:name = 'x']"));
  EXPECT_FALSE(stix::SimplePatternValues("[ipv4-addr:value = '1.2.3.4'"));
  // PatternFor writes what SimplePatternValues reads back.
  auto p = stix::PatternFor("url", "http://a.example/it's");
  ASSERT_TRUE(p);
  auto back = stix::SimplePatternValues(*p);
  ASSERT_TRUE(back);
  EXPECT_EQ((*back)[0].value, "http://a.example/it's");
  EXPECT_FALSE(stix::PatternFor("ja3", "abc"));
}

TEST(ExchangeFormat, DetectsFromContentThenName) {
  EXPECT_EQ(DetectFormat("x.txt", R"( {"type": "bundle", "id": "bundle--1"})"), Format::kStix);
  EXPECT_EQ(DetectFormat("x.json", R"({"Event": {"info": "x"}})"), Format::kMisp);
  EXPECT_EQ(DetectFormat("list.csv", "type,value\n"), Format::kCsv);
  EXPECT_EQ(DetectFormat("mail.txt", "hello 198.51.100.1"), Format::kText);
}

}  // namespace
