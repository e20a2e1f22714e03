// Log formats: detection from the first lines, what each parser takes from
// a line, and timestamps.
#include <gtest/gtest.h>

#include <string>

#include "hunt/log_format.hpp"
#include "hunt/log_time.hpp"

namespace {

using ts::hunt::FieldKind;
using ts::hunt::LogFormat;
using ts::hunt::ParseOutcome;

constexpr char kSquid[] =
    "1464739200.123    245 10.0.0.5 TCP_MISS/200 5120 GET http://a.example/x - "
    "HIER_DIRECT/192.0.2.1 text/html\n";
constexpr char kCombined[] =
    "192.0.2.50 - alice [01/Jun/2016:09:00:01 +0900] \"GET /a HTTP/1.1\" 200 512 "
    "\"http://r.example/\" \"Agent/1.0\"\n";

TEST(HuntFormats, DetectsEachFormat) {
  EXPECT_EQ(ts::hunt::DetectLogFormat(kSquid), LogFormat::kSquid);
  EXPECT_EQ(ts::hunt::DetectLogFormat(kCombined), LogFormat::kCombined);
  EXPECT_EQ(ts::hunt::DetectLogFormat("#separator \\x09\n#fields\tts\n"), LogFormat::kZeek);
  EXPECT_EQ(ts::hunt::DetectLogFormat("{\"ts\":1,\"id.orig_h\":\"10.0.0.1\"}\n"),
            LogFormat::kZeekJson);
  EXPECT_EQ(ts::hunt::DetectLogFormat("time,src_ip,url\n1,2,3\n"), LogFormat::kCsv);
  EXPECT_EQ(ts::hunt::DetectLogFormat("Jun  1 09:00:00 host sshd[1]: hello\n"), LogFormat::kText);
  EXPECT_EQ(ts::hunt::DetectLogFormat(""), LogFormat::kText);
  // One broken first line does not turn a proxy log into text.
  EXPECT_EQ(ts::hunt::DetectLogFormat(std::string("garbage\n") + kSquid + kSquid),
            LogFormat::kSquid);
}

TEST(HuntFormats, NamesRoundTrip) {
  for (const char* name : {"squid", "combined", "zeek", "zeek-json", "csv", "text"})
    EXPECT_EQ(ts::hunt::LogFormatName(*ts::hunt::ParseLogFormat(name)), name);
  EXPECT_FALSE(ts::hunt::ParseLogFormat("apache").has_value());
}

TEST(HuntFormats, SquidLine) {
  auto parser = ts::hunt::MakeSquidParser();
  ts::hunt::LogRecord r;
  const std::string line(kSquid, sizeof kSquid - 2);  // without "\n"; the record points into it
  ASSERT_EQ(parser->Parse(line, r), ParseOutcome::kRecord);
  EXPECT_EQ(r.time, "1464739200.123");
  EXPECT_EQ(r.client, "10.0.0.5");
  EXPECT_EQ(r.destination, "http://a.example/x");
  ASSERT_EQ(r.fields.size(), 3U);
  EXPECT_EQ(r.fields[1].kind, FieldKind::kUrl);
  EXPECT_EQ(r.fields[2].text, "192.0.2.1");
  r.Clear();
  EXPECT_EQ(parser->Parse("1464739200.123 1 10.0.0.5 TCP_MISS/200", r), ParseOutcome::kMalformed);
  r.Clear();
  EXPECT_EQ(parser->Parse("   ", r), ParseOutcome::kSkip);
}

TEST(HuntFormats, CombinedLine) {
  auto parser = ts::hunt::MakeCombinedParser();
  ts::hunt::LogRecord r;
  const std::string line(kCombined, sizeof kCombined - 2);
  ASSERT_EQ(parser->Parse(line, r), ParseOutcome::kRecord);
  EXPECT_EQ(r.user, "alice");
  EXPECT_EQ(r.time, "01/Jun/2016:09:00:01 +0900");
  ASSERT_EQ(r.fields.size(), 3U);
  EXPECT_EQ(r.fields[1].text, "http://r.example/");
  EXPECT_EQ(r.fields[2].kind, FieldKind::kUserAgent);
  EXPECT_EQ(r.fields[2].text, "Agent/1.0");
  r.Clear();
  EXPECT_EQ(parser->Parse("192.0.2.1 - - no time \"GET / HTTP/1.1\" 200 1", r),
            ParseOutcome::kMalformed);
}

TEST(HuntFormats, ZeekNeedsItsHeader) {
  EXPECT_FALSE(ts::hunt::MakeLogParser(LogFormat::kZeek, "1\t2\t3\n").ok());
  EXPECT_FALSE(ts::hunt::MakeLogParser(LogFormat::kZeek, "#fields\tuid\tproto\n").ok());
  EXPECT_FALSE(ts::hunt::MakeLogParser(LogFormat::kCsv, "a,b,c\n").ok());
  EXPECT_TRUE(ts::hunt::MakeLogParser(LogFormat::kCsv, "ts,url\n").ok());
}

TEST(HuntFormats, TextFindsEveryKindOfValue) {
  auto parser = ts::hunt::MakeTextParser();
  ts::hunt::LogRecord r;
  ASSERT_EQ(parser->Parse("2016-06-01 09:00:00 「a.example」(url=https://b.example/x?y=1), "
                          "[2001:db8::1]:443 1.2.3.4:80 D41D8CD98F00B204E9800998ECF8427E",
                          r),
            ParseOutcome::kRecord);
  EXPECT_EQ(r.time, "2016-06-01 09:00:00");
  std::vector<std::string> texts;
  for (const auto& f : r.fields) texts.emplace_back(f.text);
  const std::vector<std::string> want = {"a.example", "https://b.example/x?y=1", "2001:db8::1",
                                         "1.2.3.4:80", "D41D8CD98F00B204E9800998ECF8427E"};
  EXPECT_EQ(texts, want);
}

TEST(HuntLogTime, ReadsEachTimestampForm) {
  using ts::hunt::TimeFormat;
  auto iso = [](std::string_view text, TimeFormat f) {
    auto t = ts::hunt::ParseLogTime(text, f);
    return t ? ts::FormatUtc(*t) : std::string("none");
  };
  EXPECT_EQ(iso("1464739200.5", TimeFormat::kEpoch), "2016-06-01T00:00:00.500000Z");
  EXPECT_EQ(iso("1464739200", TimeFormat::kEpoch), "2016-06-01T00:00:00.000000Z");
  EXPECT_EQ(iso("01/Jun/2016:09:00:01 +0900", TimeFormat::kClf), "2016-06-01T00:00:01.000000Z");
  EXPECT_EQ(iso("31/May/2016:23:00:00 -0100", TimeFormat::kClf), "2016-06-01T00:00:00.000000Z");
  EXPECT_EQ(iso("2016-06-01T09:00:00+09:00", TimeFormat::kIso), "2016-06-01T00:00:00.000000Z");
  EXPECT_EQ(iso("2016-06-01 00:00:00", TimeFormat::kIso), "2016-06-01T00:00:00.000000Z");
  EXPECT_EQ(iso("32/Jun/2016:09:00:01 +0900", TimeFormat::kClf), "none");
  EXPECT_EQ(iso("12ab", TimeFormat::kEpoch), "none");
  EXPECT_EQ(iso("", TimeFormat::kNone), "none");
}

}  // namespace
