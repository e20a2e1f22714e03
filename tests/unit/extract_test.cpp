// The contract of ExtractIndicators beyond what the labelled corpus scores:
// order and uniqueness of findings, offsets into the input for each format,
// and format guessing.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "ingest/extract/extract.hpp"

namespace {

using ts::ingest::Extracted;
using ts::ingest::ExtractIndicators;
using ts::ingest::GuessTextFormat;
using ts::ingest::TextFormat;
using ts::model::IndicatorType;

std::string_view Written(std::string_view input, const Extracted& e) {
  return input.substr(e.offset, e.length);
}

TEST(Extract, FindingsComeOnceInOrderOfFirstOccurrence) {
  const std::string text =
      "b.example then 192.0.2.1, again b.example and B.EXAMPLE, then a.example";
  const auto found = ExtractIndicators(text, TextFormat::kPlain);
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].value, "b.example");
  EXPECT_EQ(found[0].offset, 0u);
  EXPECT_EQ(found[1].type, IndicatorType::kIpv4);
  EXPECT_EQ(found[2].value, "a.example");
}

TEST(Extract, OffsetsPointAtTheWrittenForm) {
  const std::string text = "通信先：ｅｖｉｌ．ｅｘａｍｐｌｅ と hxxp://bad[.]example/x を確認";
  const auto found = ExtractIndicators(text, TextFormat::kPlain);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].value, "evil.example");
  EXPECT_EQ(Written(text, found[0]), "ｅｖｉｌ．ｅｘａｍｐｌｅ");
  EXPECT_EQ(found[1].value, "http://bad.example/x");
  EXPECT_EQ(Written(text, found[1]), "hxxp://bad[.]example/x");
}

TEST(Extract, KindsOfIdsAreNotIndicators) {
  const auto found = ExtractIndicators("CVE-2021-44228 via T1190", TextFormat::kPlain);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].kind, Extracted::Kind::kVulnerability);
  EXPECT_EQ(found[0].value, "CVE-2021-44228");
  EXPECT_EQ(found[1].kind, Extracted::Kind::kAttackTechnique);
  EXPECT_EQ(found[1].value, "T1190");
}

TEST(Extract, HtmlOffsetsPointIntoTheMarkup) {
  const std::string html = R"(<p>Go to <a href="http://evil.example/a">x</a> or 192&#46;0.2.7</p>)";
  const auto found = ExtractIndicators(html, TextFormat::kHtml);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].value, "http://evil.example/a");
  EXPECT_EQ(Written(html, found[0]), "http://evil.example/a");
  EXPECT_EQ(found[1].value, "192.0.2.7");
  EXPECT_EQ(Written(html, found[1]), "192&#46;0.2.7");
}

TEST(Extract, TheSameTextReadAsPlainKeepsMarkupWords) {
  const std::string html = "<p>ev<b>il</b>.example</p>";
  EXPECT_EQ(ExtractIndicators(html, TextFormat::kHtml).size(), 1u);
  EXPECT_TRUE(ExtractIndicators(html, TextFormat::kPlain).empty());
}

TEST(Extract, EmptyAndBinaryInputFindNothing) {
  EXPECT_TRUE(ExtractIndicators("", TextFormat::kPlain).empty());
  const std::string bytes("\xff\xfe\x00\x01\xef\xbc", 6);
  for (auto format : {TextFormat::kPlain, TextFormat::kMarkdown, TextFormat::kHtml})
    EXPECT_TRUE(ExtractIndicators(bytes, format).empty());
}

TEST(Extract, GuessesTheFormat) {
  EXPECT_EQ(GuessTextFormat("  \n<html><body>x</body></html>"), TextFormat::kHtml);
  EXPECT_EQ(GuessTextFormat("<!DOCTYPE html><p>x</p>"), TextFormat::kHtml);
  EXPECT_EQ(GuessTextFormat("# Report\n\ntext"), TextFormat::kMarkdown);
  EXPECT_EQ(GuessTextFormat("see [here](http://x.example/)"), TextFormat::kMarkdown);
  EXPECT_EQ(GuessTextFormat("plain text with a < b and #5"), TextFormat::kPlain);
}

}  // namespace
