// The scan driver: splitting big files across threads, streams (gzip with
// several members, zstd, truncated data), input expansion, and summaries.
#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "hunt/huge_pages.hpp"
#include "hunt/input.hpp"
#include "hunt/scanner.hpp"
#include "hunt/summary.hpp"

namespace {

namespace fs = std::filesystem;
using ts::hunt::Hit;
using ts::model::IndicatorType;

class HuntScanner : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("hunt_scanner_" + std::to_string(getpid()));
    fs::create_directories(dir_);
    set_.Add({IndicatorType::kDomain, "evil.example", "", ""});
    set_.Add({IndicatorType::kIpv4, "203.0.113.66", "", ""});
    set_.Build();
    // About 3 MB. Every 997th line hits.
    for (int i = 1; i <= 24000; ++i) {
      const bool hit = i % 997 == 0;
      log_ += std::to_string(1464739200 + i) + ".000     80 10.0.0." + std::to_string(i % 250) +
              " TCP_MISS/200 777 GET http://" + (hit ? "www.evil.example" : "www.example.com") +
              "/some/long/path/to/make/the/line/longer?page=" + std::to_string(i) +
              " - HIER_DIRECT/192.0.2.1 text/html" + (i % 3 ? "\n" : "\r\n");
      if (hit) hit_lines_.push_back(static_cast<std::uint64_t>(i));
    }
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& data) {
    std::ofstream(dir_ / name, std::ios::binary) << data;
    return (dir_ / name).string();
  }
  static std::string Gzip(const std::string& data) {
    std::string out(compressBound(data.size()) + 64, '\0');
    z_stream z{};
    deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    return out;
  }
  static std::string Zstd(const std::string& data) {
    std::string out(ZSTD_compressBound(data.size()), '\0');
    out.resize(ZSTD_compress(out.data(), out.size(), data.data(), data.size(), 1));
    return out;
  }

  // Hit lines and total lines of scanning `files` on `threads` threads.
  ts::Result<std::pair<std::vector<std::uint64_t>, std::uint64_t>> ScanLines(
      const std::vector<std::string>& files, unsigned threads) {
    ts::hunt::ScanOptions options;
    options.threads = threads;
    std::vector<std::uint64_t> lines;
    std::uint64_t total = 0;
    const auto status = ts::hunt::Scan(files, set_, options, [&](ts::hunt::FileResult& file) {
      for (const Hit& h : file.hits) lines.push_back(h.line);
      total += file.lines;
    });
    if (!status.ok()) return status.error();
    return std::make_pair(lines, total);
  }

  fs::path dir_;
  ts::hunt::IndicatorSet set_;
  std::string log_;
  std::vector<std::uint64_t> hit_lines_;
};

TEST_F(HuntScanner, ThreadsAndChunksGiveTheSameHits) {
  const std::string path = Write("big.log", log_);
  for (unsigned threads : {1u, 2u, 3u, 8u}) {
    auto result = ScanLines({path}, threads);
    ASSERT_TRUE(result.ok()) << result.error().message;
    EXPECT_EQ(result->first, hit_lines_) << threads << " threads";
    EXPECT_EQ(result->second, 24000U);
  }
}

TEST_F(HuntScanner, FilesOfManyChunksGiveTheSameHits) {
  // About 12 MB: several 4 MB chunks, each prefaulted before its scan, with
  // cuts that fall mid-line.
  std::string big;
  std::vector<std::uint64_t> expected;
  for (std::uint64_t copy = 0; copy < 4; ++copy) {
    big += log_;
    for (std::uint64_t line : hit_lines_) expected.push_back(copy * 24000 + line);
  }
  const std::string path = Write("bigger.log", big);
  for (unsigned threads : {1u, 2u, 5u}) {
    auto result = ScanLines({path}, threads);
    ASSERT_TRUE(result.ok()) << result.error().message;
    EXPECT_EQ(result->first, expected) << threads << " threads";
    EXPECT_EQ(result->second, 96000U);
  }
}

TEST(HuntHugePages, ReserveAndAssignKeepTheVectorsContents) {
  std::vector<std::uint64_t> v{1, 2, 3};
  ts::hunt::ReserveHuge(v, 1 << 20);  // 8 MB: whole huge pages inside
  EXPECT_GE(v.capacity(), 1U << 20);
  EXPECT_EQ(v, (std::vector<std::uint64_t>{1, 2, 3}));
  v.resize(1 << 20, 7);
  EXPECT_EQ(v.back(), 7U);
  ts::hunt::AssignHuge(v, 3 << 20, std::uint64_t{9});
  EXPECT_EQ(v.size(), 3U << 20);
  EXPECT_EQ(v.front(), 9U);
  EXPECT_EQ(v.back(), 9U);
  ts::hunt::ReserveHuge(v, 10);  // no shrinking
  EXPECT_EQ(v.size(), 3U << 20);
  ts::hunt::AdviseHugePages(v.data(), 100);  // too small: nothing to do
}

TEST_F(HuntScanner, CompressedStreamsGiveTheSameHits) {
  // Two gzip members, as `cat a.gz b.gz` makes; the cut is mid-line.
  const std::size_t cut = log_.size() / 2 + 7;
  const std::string gz = Write("big.log.gz", Gzip(log_.substr(0, cut)) + Gzip(log_.substr(cut)));
  const std::string zst = Write("big.log.zst", Zstd(log_));
  for (const std::string& path : {gz, zst}) {
    for (unsigned threads : {1u, 2u}) {
      auto result = ScanLines({path}, threads);
      ASSERT_TRUE(result.ok()) << result.error().message;
      EXPECT_EQ(result->first, hit_lines_) << path;
      EXPECT_EQ(result->second, 24000U);
    }
  }
}

TEST_F(HuntScanner, TruncatedCompressedDataIsAnErrorNamingTheFile) {
  const std::string gz = Gzip(log_);
  const std::string zst = Zstd(log_);
  for (const std::string& path : {Write("cut.log.gz", gz.substr(0, gz.size() / 2)),
                                  Write("cut.log.zst", zst.substr(0, zst.size() / 2)),
                                  Write("bad.log.gz", gz.substr(0, 10) + std::string(500, 'x'))}) {
    auto result = ScanLines({path}, 2);
    ASSERT_FALSE(result.ok()) << path;
    EXPECT_EQ(result.error().message.rfind(path + ": ", 0), 0U) << result.error().message;
  }
}

TEST_F(HuntScanner, EmptyFileAndUnterminatedLastLine) {
  auto empty = ScanLines({Write("empty.log", "")}, 2);
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty->second, 0U);
  auto last = ScanLines({Write("last.log", "a\nb\nevil.example")}, 2);
  ASSERT_TRUE(last.ok());
  EXPECT_EQ(last->first, std::vector<std::uint64_t>{3});
  EXPECT_EQ(last->second, 3U);
}

TEST_F(HuntScanner, UnusableHeaderIsAnErrorNamingTheFile) {
  const std::string path = Write("conn.log", "#fields\tuid\tproto\nx\ty\n");
  ts::hunt::ScanOptions options;
  options.format = ts::hunt::LogFormat::kZeek;
  const auto status = ts::hunt::Scan({path}, set_, options, [](ts::hunt::FileResult&) {});
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.error().message.find("conn.log: "), std::string::npos);
}

TEST_F(HuntScanner, ExpandInputsWalksDirectoriesAndGlobs) {
  fs::create_directories(dir_ / "logs" / "sub");
  Write("logs/b.log", "x");
  Write("logs/a.log", "x");
  Write("logs/sub/c.log.gz", "x");
  auto files = ts::hunt::ExpandInputs({(dir_ / "logs").string()});
  ASSERT_TRUE(files.ok());
  ASSERT_EQ(files->size(), 3U);
  EXPECT_EQ(fs::path((*files)[0]).filename(), "a.log");
  EXPECT_EQ(fs::path((*files)[2]).filename(), "c.log.gz");
  auto globbed = ts::hunt::ExpandInputs({(dir_ / "logs" / "*.log").string(), "-"});
  ASSERT_TRUE(globbed.ok());
  EXPECT_EQ(globbed->size(), 3U);
  EXPECT_EQ(globbed->back(), "-");
  auto missing = ts::hunt::ExpandInputs({(dir_ / "nope.log").string()});
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("nope.log: no such file"), std::string::npos);
  auto nothing = ts::hunt::ExpandInputs({(dir_ / "*.nothing").string()});
  ASSERT_FALSE(nothing.ok());
  EXPECT_NE(nothing.error().message.find("no file matches"), std::string::npos);
}

TEST(HuntSummary, CountsFirstAndLastSeenPerTerminalAndIndicator) {
  ts::hunt::Summary summary;
  const auto t = [](int s) { return ts::SysTime(std::chrono::seconds(1464739200 + s)); };
  summary.Add(Hit{"a.log", 1, t(5), "10.0.0.5", "", "", "evil.example", 0});
  summary.Add(Hit{"a.log", 2, t(1), "10.0.0.5", "", "", "evil.example", 1});
  summary.Add(Hit{"a.log", 3, std::nullopt, "10.0.0.6", "", "", "evil.example", 0});
  summary.Add(Hit{"a.log", 4, t(9), "10.0.0.6", "", "", "evil.example", 0});
  EXPECT_EQ(summary.hits, 4U);
  const auto& a = summary.terminals.at("10.0.0.5");
  EXPECT_EQ(a.seen.count, 2U);
  EXPECT_EQ(a.seen.first, t(1));
  EXPECT_EQ(a.seen.last, t(5));
  EXPECT_EQ(a.indicators.size(), 2U);
  const auto& ind = summary.indicators.at(0);
  EXPECT_EQ(ind.seen.count, 3U);
  EXPECT_EQ(ind.seen.first, t(5));
  EXPECT_EQ(ind.seen.last, t(9));
  EXPECT_EQ(ind.clients.size(), 2U);
}

}  // namespace
