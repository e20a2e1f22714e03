// Micro-benchmarks of the retro-hunt scanner's hot paths: the Bloom-fronted
// key probe, each matching structure with a million indicators, the URL
// shortcut, and the whole line loop on Squid lines. bench/hunt_compare.sh
// measures the command end to end against grep and ripgrep.
#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

#include "hunt/canonical_text.hpp"
#include "hunt/indicator_set.hpp"
#include "hunt/line_scanner.hpp"
#include "hunt/log_format.hpp"

namespace {

using ts::model::IndicatorType;

constexpr int kIndicators = 1'000'000;

std::string Label(std::mt19937& rng, int n) {
  static constexpr char kAlnum[] = "abcdefghijklmnopqrstuvwxyz0123456789";
  std::string s;
  for (int i = 0; i < n; ++i) s += kAlnum[rng() % 36];
  return s;
}

// A million indicators: 40% addresses, 35% domains, 25% URLs, as in
// bench/hunt_gen.py.
const ts::hunt::IndicatorSet& Indicators() {
  static const ts::hunt::IndicatorSet* set = [] {
    auto* s = new ts::hunt::IndicatorSet;
    std::mt19937 rng(1);
    s->Reserve(kIndicators);
    for (int i = 0; i < kIndicators; ++i) {
      const int kind = i % 20;
      if (kind < 8) {
        s->Add({IndicatorType::kIpv4,
                "203." + std::to_string(100 + rng() % 156) + "." +
                    std::to_string(100 + rng() % 156) + "." + std::to_string(100 + rng() % 156),
                "", ""});
      } else if (kind < 15) {
        s->Add({IndicatorType::kDomain, Label(rng, 10) + ".top", "", ""});
      } else {
        s->Add({IndicatorType::kUrl,
                "http://" + Label(rng, 9) + ".info/" + Label(rng, 6) + "/x.php", "", ""});
      }
    }
    s->Build();
    return s;
  }();
  return *set;
}

void BM_KeySetProbeMiss(benchmark::State& state) {
  ts::hunt::KeySet set;
  std::mt19937_64 rng(2);
  for (std::uint32_t i = 0; i < static_cast<std::uint32_t>(state.range(0)); ++i) set.Add(rng(), i);
  set.Build();
  std::uint64_t key = rng();
  for (auto _ : state) {
    benchmark::DoNotOptimize(set.MayContain(key));
    key = key * 6364136223846793005ULL + 1442695040888963407ULL;
  }
}
BENCHMARK(BM_KeySetProbeMiss)->Arg(1000)->Arg(1'000'000);

void BM_FindName(benchmark::State& state) {
  const auto& set = Indicators();
  std::vector<std::uint32_t> out;
  for (auto _ : state) {
    set.FindName("cdn.static.news1234.example.co.jp", out);
    out.clear();
  }
}
BENCHMARK(BM_FindName);

void BM_FindAddress(benchmark::State& state) {
  const auto& set = Indicators();
  std::vector<std::uint32_t> out;
  std::uint32_t ip = 0x97650000;
  for (auto _ : state) {
    set.FindAddress(ts::hunt::IpAddress{false, ip++}, out);
    out.clear();
  }
}
BENCHMARK(BM_FindAddress);

void BM_IsCanonicalUrl(benchmark::State& state) {
  const std::string url = "http://www.news1234.example.co.jp/2016/05/12/article.html?id=42&x=y";
  for (auto _ : state) benchmark::DoNotOptimize(ts::hunt::IsCanonicalUrl(url));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(url.size()));
}
BENCHMARK(BM_IsCanonicalUrl);

void BM_ScanSquidLines(benchmark::State& state) {
  const auto& set = Indicators();
  std::mt19937 rng(3);
  std::string text;
  for (int i = 0; i < 20000; ++i) {
    text += std::to_string(1464739200 + i) + ".123 " + std::to_string(rng() % 60000) + " 10.1." +
            std::to_string(rng() % 256) + "." + std::to_string(rng() % 256) +
            " TCP_MISS/200 5120 GET http://www.site" + std::to_string(rng() % 5000) +
            ".example.com/static/js/app.js - HIER_DIRECT/151.101." + std::to_string(rng() % 256) +
            ".7 text/html\n";
  }
  auto parser = ts::hunt::MakeSquidParser();
  ts::hunt::LineScanner scanner(set, *parser);
  for (auto _ : state) {
    ts::hunt::BlockResult result;
    scanner.Scan(text, result);
    benchmark::DoNotOptimize(result.lines);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_ScanSquidLines)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
