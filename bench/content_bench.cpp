// Sample hashing throughput: ComputeDigests (md5, sha1, sha256, sha512,
// ssdeep and TLSH in one pass) and each library alone for the breakdown.
// Input: the file named by CONTENT_BENCH_FILE (read into memory first, as
// uploads are), or 64 MiB generated with a fixed seed, half random bytes
// and half repetitive text, when unset. bench/content_compare.sh runs this
// next to sha256sum and ssdeep on the same file.
#include <benchmark/benchmark.h>
#include <fuzzy.h>
#include <openssl/evp.h>
#include <tlsh.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "ingest/content/analysis.hpp"
#include "ingest/content/digests.hpp"

namespace {

const std::string& Input() {
  static const std::string* data = [] {
    if (const char* path = std::getenv("CONTENT_BENCH_FILE")) {
      std::ifstream in(path, std::ios::binary);
      std::ostringstream bytes;
      bytes << in.rdbuf();
      return new std::string(bytes.str());
    }
    auto* s = new std::string;
    std::mt19937 rng(1);
    const std::size_t half = 32u << 20;
    s->reserve(2 * half);
    while (s->size() < half) s->push_back(static_cast<char>(rng() & 0xff));
    while (s->size() < 2 * half)
      s->append("GET /index.php?id=" + std::to_string(rng() % 1000) + "\n");
    return s;
  }();
  return *data;
}

const unsigned char* Bytes() {
  return reinterpret_cast<const unsigned char*>(Input().data());
}

void SetBytes(benchmark::State& state) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * Input().size()));
}

void BM_AllDigests(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(ts::ingest::content::ComputeDigests(Input()));
  SetBytes(state);
}

void BM_Sha256Only(benchmark::State& state) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  for (auto _ : state) {
    EVP_Digest(Input().data(), Input().size(), md, &len, EVP_sha256(), nullptr);
    benchmark::DoNotOptimize(md);
  }
  SetBytes(state);
}

void BM_SsdeepOnly(benchmark::State& state) {
  char out[FUZZY_MAX_RESULT];
  for (auto _ : state) {
    fuzzy_hash_buf(Bytes(), static_cast<uint32_t>(Input().size()), out);
    benchmark::DoNotOptimize(out);
  }
  SetBytes(state);
}

void BM_TlshOnly(benchmark::State& state) {
  for (auto _ : state) {
    Tlsh tlsh;
    tlsh.final(Bytes(), static_cast<unsigned int>(Input().size()));
    benchmark::DoNotOptimize(tlsh.getHash());
  }
  SetBytes(state);
}

void BM_AnalyzeContent(benchmark::State& state) {
  for (auto _ : state)
    benchmark::DoNotOptimize(ts::ingest::content::AnalyzeContent(Input(), "sample.bin"));
  SetBytes(state);
}

BENCHMARK(BM_AllDigests)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_Sha256Only)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_SsdeepOnly)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_TlshOnly)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_AnalyzeContent)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
