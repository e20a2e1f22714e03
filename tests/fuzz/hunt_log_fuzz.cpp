// Fuzzes the log parsers and the scan loop of `threatshare hunt` with
// arbitrary text in every format: no crash, no sanitizer report, hit lines
// inside the text, and the same hits whether the text is scanned whole or
// cut at line ends into blocks, as the scanner cuts big files for threads.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <tuple>
#include <vector>

#include "hunt/indicator_set.hpp"
#include "hunt/line_scanner.hpp"
#include "hunt/log_format.hpp"

namespace {

using ts::hunt::BlockResult;
using ts::model::IndicatorType;

const ts::hunt::IndicatorSet& Indicators() {
  static const ts::hunt::IndicatorSet* set = [] {
    auto* s = new ts::hunt::IndicatorSet;
    s->Add({IndicatorType::kDomain, "evil.example", "", ""});
    s->Add({IndicatorType::kHostname, "c2.bad.example", "", ""});
    s->Add({IndicatorType::kIpv4, "203.0.113.5", "", ""});
    s->Add({IndicatorType::kCidr, "198.51.100.0/24", "", ""});
    s->Add({IndicatorType::kIpv6, "2001:db8::1", "", ""});
    s->Add({IndicatorType::kUrl, "http://dl.example.net/payload.exe", "", ""});
    s->Add({IndicatorType::kMd5, "d41d8cd98f00b204e9800998ecf8427e", "", ""});
    s->Add({IndicatorType::kJa3, "e7d705a3286e19ea42f587b344ee6865", "", ""});
    s->Add({IndicatorType::kUserAgent, "EvilAgent/1.0", "", ""});
    s->Build();
    return s;
  }();
  return *set;
}

std::vector<std::tuple<std::uint64_t, std::uint32_t, std::string, std::string>> Found(
    const BlockResult& r) {
  std::vector<std::tuple<std::uint64_t, std::uint32_t, std::string, std::string>> found;
  for (const auto& hit : r.hits)
    found.emplace_back(hit.line, hit.indicator, hit.matched, hit.client);
  return found;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  // The first byte picks the format (or detection) and how often to cut.
  constexpr ts::hunt::LogFormat kFormats[] = {
      ts::hunt::LogFormat::kSquid,    ts::hunt::LogFormat::kCombined, ts::hunt::LogFormat::kZeek,
      ts::hunt::LogFormat::kZeekJson, ts::hunt::LogFormat::kCsv,      ts::hunt::LogFormat::kText};
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  const unsigned pick = data[0] % 7;
  const auto format = pick == 6 ? ts::hunt::DetectLogFormat(text) : kFormats[pick];
  const std::size_t every = 1 + data[0] / 7 % 5;  // lines per block
  auto parser = ts::hunt::MakeLogParser(format, text);
  if (!parser) return 0;

  BlockResult whole;
  ts::hunt::LineScanner(Indicators(), **parser).Scan(text, whole);
  for (const auto& hit : whole.hits)
    if (hit.line == 0 || hit.line > whole.lines) std::abort();
  if (whole.lines_with_hits > whole.lines || whole.malformed > whole.lines) std::abort();

  BlockResult cut;
  std::string_view rest = text;
  while (!rest.empty()) {
    std::size_t end = 0;
    for (std::size_t n = 0; n < every && end < rest.size(); ++n) {
      const std::size_t newline = rest.find('\n', end);
      end = newline == std::string_view::npos ? rest.size() : newline + 1;
    }
    BlockResult block;
    ts::hunt::LineScanner(Indicators(), **parser).Scan(rest.substr(0, end), block);
    for (auto& hit : block.hits) {
      hit.line += cut.lines;
      cut.hits.push_back(std::move(hit));
    }
    cut.lines += block.lines;
    cut.malformed += block.malformed;
    cut.lines_with_hits += block.lines_with_hits;
    rest.remove_prefix(end);
  }
  if (cut.lines != whole.lines || cut.malformed != whole.malformed ||
      cut.lines_with_hits != whole.lines_with_hits || Found(cut) != Found(whole))
    std::abort();
  return 0;
}
