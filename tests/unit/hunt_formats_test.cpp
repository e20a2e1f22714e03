// Log formats: detection from the first lines, what each parser takes from
// a line, and timestamps.
#include <gtest/gtest.h>

#include <random>
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

// The Squid parser finds a line's end while splitting it: what it makes of
// a block's lines must be what the line-at-a-time path makes of each, for
// any mix of blanks, tabs, "\r\n", short lines and a last line without "\n".
TEST(HuntFormats, SquidFirstLineAgreesWithLineAtATime) {
  auto parser = ts::hunt::MakeSquidParser();
  const char* pieces[] = {"1464739200.123",
                          "245",
                          "10.0.0.5",
                          "TCP_MISS/200",
                          "5120",
                          "GET",
                          "http://a.example/x",
                          "-",
                          "HIER_DIRECT/192.0.2.1",
                          "text/html",
                          "CONNECT",
                          "b.example:443",
                          "x",
                          ""};
  const char* gaps[] = {" ", "  ", "\t", " \t "};
  std::mt19937 rng(7);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int lines = 1 + static_cast<int>(rng() % 6);
    for (int l = 0; l < lines; ++l) {
      if (rng() % 3 == 0) text += gaps[rng() % 4];
      const std::size_t fields = rng() % 13;
      for (std::size_t k = 0; k < fields; ++k) {
        text += k < 10 && rng() % 4 != 0 ? pieces[k] : pieces[rng() % 14];
        if (k + 1 < fields || rng() % 4 == 0) text += gaps[rng() % 4];
      }
      if (rng() % 4 == 0) text += '\r';
      if (l + 1 < lines || rng() % 2 == 0) text += '\n';
    }
    for (std::string_view rest = text; !rest.empty();) {
      ts::hunt::LogRecord fused, plain;
      std::string_view line;
      std::size_t next = 0, plain_next = 0;
      const ParseOutcome outcome = parser->ParseFirstLine(rest, line, next, fused);
      const std::string_view plain_line = ts::hunt::FirstLine(rest, plain_next);
      ASSERT_EQ(line, plain_line) << text;
      ASSERT_EQ(next, plain_next) << text;
      ASSERT_EQ(outcome, parser->Parse(plain_line, plain)) << text;
      ASSERT_EQ(fused.time, plain.time) << text;
      ASSERT_EQ(fused.user, plain.user) << text;
      ASSERT_EQ(fused.destination, plain.destination) << text;
      ASSERT_EQ(fused.fields.size(), plain.fields.size()) << text;
      for (std::size_t k = 0; k < plain.fields.size(); ++k) {
        EXPECT_EQ(fused.fields[k].kind, plain.fields[k].kind) << text;
        EXPECT_EQ(fused.fields[k].text, plain.fields[k].text) << text;
      }
      rest.remove_prefix(next);
    }
  }
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
