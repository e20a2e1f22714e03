// ExtractStrings (ASCII and UTF-16LE, minimum length, caps), indicators
// found in them with their offsets in the data, and Shannon entropy.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "content_fixtures.hpp"
#include "ingest/content/entropy.hpp"
#include "ingest/content/strings.hpp"

namespace {

using namespace ts::ingest::content;
using namespace std::string_literals;

std::string Utf16(std::string_view ascii) {
  std::string out;
  for (char c : ascii) {
    out.push_back(c);
    out.push_back('\0');
  }
  return out;
}

TEST(ContentStrings, AsciiAndUtf16WithOffsets) {
  const std::string data =
      "\x01\x02short\x00"
      "longer string\x00\xff"s +
      Utf16("wide text!") + "\x00\x00"s;
  const auto found = ExtractStrings(data);
  ASSERT_EQ(found.strings.size(), 2u);
  EXPECT_EQ(found.strings[0].text, "longer string");
  EXPECT_EQ(found.strings[0].offset, 8u);
  EXPECT_EQ(found.strings[0].encoding, FoundString::Encoding::kAscii);
  EXPECT_EQ(found.strings[1].text, "wide text!");
  EXPECT_EQ(found.strings[1].offset, 23u);
  EXPECT_EQ(found.strings[1].encoding, FoundString::Encoding::kUtf16le);
  EXPECT_FALSE(found.truncated);
}

TEST(ContentStrings, MinimumLengthAndCaps) {
  StringsOptions options;
  options.min_length = 4;
  EXPECT_EQ(ExtractStrings("abc\0abcd"s, options).strings.size(), 1u);

  std::string many;
  for (int i = 0; i < 100; ++i) many += "string" + std::to_string(i) + '\0';
  options.max_strings = 10;
  const auto capped = ExtractStrings(many, options);
  EXPECT_EQ(capped.strings.size(), 10u);
  EXPECT_TRUE(capped.truncated);

  options.max_length = 8;
  const auto cut = ExtractStrings(std::string(100, 'a'), options);
  ASSERT_EQ(cut.strings.size(), 1u);
  EXPECT_EQ(cut.strings[0].text, "aaaaaaaa");
}

TEST(ContentStrings, IndicatorsPointIntoTheData) {
  const auto pe = ts::testing_support::ContentFixture("pe32.exe");
  const auto indicators = IndicatorsInStrings(ExtractStrings(pe));
  bool url = false;
  for (const auto& e : indicators) {
    if (e.value != "http://update.example.net/beacon") continue;
    url = true;
    EXPECT_EQ(e.offset, 0x600u);
    EXPECT_EQ(pe.substr(e.offset, 7), "http://");
  }
  EXPECT_TRUE(url) << "URL in .data not found among " << indicators.size() << " findings";
}

TEST(ContentEntropy, KnownValues) {
  EXPECT_DOUBLE_EQ(ShannonEntropy(""), 0);
  EXPECT_DOUBLE_EQ(ShannonEntropy(std::string(1000, 'x')), 0);
  EXPECT_DOUBLE_EQ(ShannonEntropy("abab"), 1);
  std::string all;
  for (int i = 0; i < 256; ++i) all.push_back(static_cast<char>(i));
  EXPECT_DOUBLE_EQ(ShannonEntropy(all), 8);
  std::mt19937 gen(3);
  std::string random(1 << 16, '\0');
  for (auto& c : random) c = static_cast<char>(gen() & 0xff);
  EXPECT_GT(ShannonEntropy(random), 7.99);
}

}  // namespace
