// CSV import and export: RFC 4180 reading (quotes, BOM, CRLF, line breaks
// in fields), header names and the column map, type detection, problems
// that name the line, and the round trip through WriteCsv.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "exchange/csv/csv_export.hpp"
#include "exchange/csv/csv_import.hpp"
#include "exchange/csv/csv_reader.hpp"
#include "exchange/format.hpp"

namespace {

using ts::exchange::ImportBatch;
using ts::exchange::ParseOptions;
using ts::exchange::csv::ParseCsv;
using ts::exchange::csv::ReadRecords;

ImportBatch Parse(const std::string& text, const std::string& map = {}) {
  ParseOptions opts;
  opts.source_name = "feed.csv";
  opts.csv_map = map;
  return ParseCsv(text, opts);
}

std::string Problems(const ImportBatch& b) {
  std::string out;
  for (const auto& p : b.problems) out += ts::exchange::DescribeProblem(p) + "\n";
  return out;
}

TEST(CsvReader, QuotesBomAndLineEndings) {
  const auto r = ReadRecords(
      "\xEF\xBB\xBF"
      "a,\"b,c\",\"d \"\"e\"\"\"\r\n\r\n\"multi\nline\",x\ny");
  ASSERT_FALSE(r.error);
  ASSERT_EQ(r.records.size(), 3u);
  EXPECT_EQ(r.records[0].fields, (std::vector<std::string>{"a", "b,c", "d \"e\""}));
  EXPECT_EQ(r.records[1].fields, (std::vector<std::string>{"multi\nline", "x"}));
  EXPECT_EQ(r.records[1].line, 3);
  EXPECT_EQ(r.records[2].line, 5);
  EXPECT_EQ(r.records[2].fields, (std::vector<std::string>{"y"}));
}

TEST(CsvReader, UnclosedQuoteNamesItsLine) {
  const auto r = ReadRecords("value\nok\n\"never closed\nmore\n");
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error_line, 3);
  EXPECT_TRUE(ReadRecords("a,\"b\"c\n").error);
}

TEST(CsvImport, VendorHeadersWithDetectionAndLineProblems) {
  std::ifstream in(TS_CASES_DIR "/csv/vendor_feed.csv", std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const ImportBatch b = Parse(ss.str());
  ASSERT_FALSE(b.HasFatal()) << Problems(b);
  ASSERT_EQ(b.events.size(), 1u);
  const auto& ind = b.events[0].indicators;
  ASSERT_EQ(ind.size(), 4u) << Problems(b);
  EXPECT_EQ(ind[0].type, "url");
  EXPECT_EQ(ind[0].comment, "landing page, step 1");
  EXPECT_EQ(ind[0].first_seen, "2024-04-01T00:00:00.000000Z");
  EXPECT_EQ(ind[0].level, ts::model::Level::kAmber);
  EXPECT_EQ(ind[0].confidence, 80);
  EXPECT_EQ(ind[1].type, "ipv4");  // detected
  EXPECT_EQ(ind[1].comment, "multi\r\nline comment");
  EXPECT_EQ(ind[3].comment, "quoted \"word\"");
  ASSERT_EQ(b.problems.size(), 2u) << Problems(b);
  EXPECT_EQ(b.problems[0].line, 7);  // "not a value", after the record on lines 3-4
  EXPECT_NE(b.problems[0].message.find("cannot tell the type"), std::string::npos);
  EXPECT_EQ(b.problems[1].line, 8);
  EXPECT_NE(b.problems[1].message.find("unknown type 'bogus'"), std::string::npos);
}

TEST(CsvImport, ColumnMapNamesOtherColumns) {
  const std::string text = "when,what,thing\n2024-01-01,domain,evil.example\n";
  EXPECT_TRUE(Parse(text).HasFatal());
  const ImportBatch b = Parse(text, "value=thing,type=what");
  ASSERT_FALSE(b.HasFatal()) << Problems(b);
  ASSERT_EQ(b.events.size(), 1u);
  EXPECT_EQ(b.events[0].indicators.at(0).value, "evil.example");
  EXPECT_EQ(b.events[0].title, "feed.csv");
  EXPECT_TRUE(Parse(text, "value=nope").HasFatal());
  EXPECT_TRUE(Parse(text, "colour=thing").HasFatal());
}

TEST(CsvImport, EventColumnGroupsRows) {
  const ImportBatch b =
      Parse("event,value\nWave 1,192.0.2.1\nWave 2,192.0.2.2\nWave 1,192.0.2.3\n");
  ASSERT_EQ(b.events.size(), 2u);
  EXPECT_EQ(b.events[0].title, "Wave 1");
  EXPECT_EQ(b.events[0].indicators.size(), 2u);
}

TEST(CsvImport, BadInputIsFatal) {
  for (const std::string& bad :
       {std::string(""), std::string("value\n\"x"), std::string("value\n\xff\xfe\n")}) {
    const ImportBatch b = Parse(bad);
    EXPECT_TRUE(b.HasFatal());
    EXPECT_TRUE(b.events.empty());
  }
  EXPECT_EQ(Parse("value\nok\n\xff\n").problems.at(0).line, 3);
}

TEST(CsvRoundTrip, WriteThenReadGivesTheSameIndicators) {
  ts::exchange::ExportSet set;
  ts::exchange::ExportEvent ee;
  ee.event.id = "e1";
  ee.event.title = "Campaign, \"quoted\"";
  ee.event.level = ts::model::Level::kGreen;
  for (auto [type, value] : {std::pair{ts::model::IndicatorType::kDomain, "evil.example"},
                             std::pair{ts::model::IndicatorType::kUrl, "http://evil.example/a,b"},
                             std::pair{ts::model::IndicatorType::kFilename, "請求書 .pdf.exe"}}) {
    ts::model::Indicator i;
    i.type = type;
    i.value = value;
    i.event_level = ee.event.level;
    i.comment = "line one\nline two";
    i.confidence = 50;
    ee.indicators.push_back(i);
  }
  set.events.push_back(ee);
  const auto text = ts::exchange::Write(ts::exchange::Format::kCsv, set);
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(ts::exchange::DetectFormat("export.csv", *text), ts::exchange::Format::kCsv);
  const ImportBatch b = Parse(*text);
  ASSERT_TRUE(b.problems.empty()) << Problems(b);
  ASSERT_EQ(b.events.size(), 1u);
  EXPECT_EQ(b.events[0].title, ee.event.title);
  ASSERT_EQ(b.events[0].indicators.size(), 3u);
  for (std::size_t k = 0; k < 3; ++k) {
    const auto& d = b.events[0].indicators[k];
    EXPECT_EQ(d.value, ee.indicators[k].value);
    EXPECT_EQ(d.type, ts::model::IndicatorTypeName(ee.indicators[k].type));
    EXPECT_EQ(d.comment, "line one\nline two");
    EXPECT_EQ(d.level, ts::model::Level::kGreen);
    EXPECT_EQ(d.confidence, 50);
  }
}

}  // namespace
