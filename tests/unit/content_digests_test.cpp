// ComputeDigests against published test vectors, the ssdeep tool's output,
// and the one-shot library calls on inputs larger than the streaming chunk.
#include <fuzzy.h>
#include <gtest/gtest.h>
#include <tlsh.h>

#include <random>
#include <string>

#include "content_fixtures.hpp"
#include "ingest/content/digests.hpp"
#include "ingest/fuzzy_hash.hpp"

namespace {

using ts::ingest::content::ComputeDigests;

std::string RandomBytes(std::size_t n, unsigned seed) {
  std::mt19937 gen(seed);
  std::string s(n, '\0');
  for (auto& c : s) c = static_cast<char>(gen() & 0xff);
  return s;
}

TEST(ContentDigests, CryptographicDigestsMatchPublishedVectors) {
  const auto d = ComputeDigests("abc");
  EXPECT_EQ(d.md5, "900150983cd24fb0d6963f7d28e17f72");
  EXPECT_EQ(d.sha1, "a9993e364706816aba3e25717850c26c9cd0d89d");
  EXPECT_EQ(d.sha256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(d.sha512,
            "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
            "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");
}

TEST(ContentDigests, EmptyInputHasDigestsButNoTlsh) {
  const auto d = ComputeDigests("");
  EXPECT_EQ(d.sha256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(d.ssdeep, "3::");
  EXPECT_EQ(d.tlsh, "");
}

TEST(ContentDigests, SsdeepMatchesTheSsdeepTool) {
  // `ssdeep -b pe32.exe` (ssdeep 2.14) on the generated fixture.
  const auto d = ComputeDigests(ts::testing_support::ContentFixture("pe32.exe"));
  EXPECT_EQ(d.ssdeep, "6:ya1ykP+EUQnlo9ERV/loF8AjZrVhJJeSUCTrMMA:zPwwomRdlTANpf8/CTYL");
  EXPECT_EQ(d.md5, "a504fe7d5fe7edd0756c2c9ce8fa6612");
}

TEST(ContentDigests, ShortOrUniformInputHasNoTlsh) {
  EXPECT_EQ(ComputeDigests(std::string(4096, 'A')).tlsh, "");
  EXPECT_EQ(ComputeDigests(RandomBytes(255, 1)).tlsh, "");
  EXPECT_EQ(ComputeDigests(RandomBytes(256, 1)).tlsh.size(), 72u);
}

TEST(ContentDigests, StreamingEqualsOneShotAcrossChunks) {
  // Larger than the 256 KiB chunk and the 1 MiB from which TLSH runs on a
  // second thread, so that both paths are exercised.
  const std::string data = RandomBytes(1536 * 1024 + 13, 7);
  const auto d = ComputeDigests(data);
  const auto* bytes = reinterpret_cast<const unsigned char*>(data.data());

  char fuzzy[FUZZY_MAX_RESULT] = {};
  ASSERT_EQ(fuzzy_hash_buf(bytes, static_cast<uint32_t>(data.size()), fuzzy), 0);
  EXPECT_EQ(d.ssdeep, fuzzy);

  Tlsh tlsh;
  tlsh.final(bytes, static_cast<unsigned int>(data.size()));
  // The library prints the digits without the "T1" that tools print.
  EXPECT_EQ(d.tlsh, "T1" + std::string(tlsh.getHash()));
  // The shape the indicator layer accepts as a TLSH value, unchanged.
  auto normalized = ts::ingest::NormalizeTlsh(d.tlsh);
  ASSERT_TRUE(normalized.ok()) << d.tlsh;
  EXPECT_EQ(*normalized, d.tlsh);
  EXPECT_TRUE(d.tlsh.starts_with("T1")) << d.tlsh;
  auto ssdeep = ts::ingest::NormalizeSsdeep(d.ssdeep);
  ASSERT_TRUE(ssdeep.ok());
  EXPECT_EQ(*ssdeep, d.ssdeep);
}

}  // namespace
