// The STIX bundle read as it arrives: any split of the bytes gives the same
// batch as the whole file, structural errors name the byte, and progress is
// reported while reading.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "exchange/stix/bundle_reader.hpp"
#include "exchange/stix/stix_import.hpp"

namespace {

using namespace ts::exchange;

std::string Indicator(int n, const std::string& value) {
  char id[64];
  std::snprintf(id, sizeof id, "indicator--a3000000-0000-4000-8000-%012d", n);
  return std::string(R"({"type":"indicator","spec_version":"2.1","id":")") + id +
         R"(","created":"2024-01-01T00:00:00.000Z","modified":"2024-01-01T00:00:00.000Z",)"
         R"("pattern":"[ipv4-addr:value = ')" +
         value +
         R"(']","pattern_type":"stix","valid_from":"2024-01-01T00:00:00Z",)"
         R"("description":"braces { [ and \"quotes\" in a string"})";
}

// Objects on separate lines, a property after "objects", escapes and nested
// values: everything the reader must step over.
std::string Bundle(int objects) {
  std::string doc = "{\n  \"type\" : \"bundle\",\n  \"objects\" : [\n";
  for (int i = 0; i < objects; ++i) {
    if (i) doc += ",\r\n";
    doc += "    " + Indicator(i, "198.51.100." + std::to_string(i % 250));
  }
  doc +=
      "\n  ],\n  \"id\": \"bundle--11111111-1111-4111-8111-111111111111\", \"x_n\": [1, {}]\n}\n";
  return doc;
}

std::string Render(const ImportBatch& b) {
  std::string out;
  for (const auto& p : b.problems) out += "problem " + DescribeProblem(p) + "\n";
  for (const auto& e : b.events) {
    out += "event " + e.key + " " + std::to_string(e.objects.size()) + " objects\n";
    for (const auto& i : e.indicators) out += "  " + i.type + " " + i.value + "\n";
    for (const auto& o : e.objects) out += "  " + o.json + "\n";
  }
  return out + "read " + std::to_string(b.objects_read) + "\n";
}

ImportBatch FeedInPieces(const std::string& doc, std::mt19937& rng, size_t max_piece) {
  stix::BundleImport import({});
  std::uniform_int_distribution<size_t> size(1, max_piece);
  for (size_t at = 0; at < doc.size();) {
    size_t n = std::min(size(rng), doc.size() - at);
    import.Feed(std::string_view(doc).substr(at, n));
    at += n;
  }
  return import.Finish();
}

TEST(StixStream, AnySplitGivesTheSameBatch) {
  const std::string doc = Bundle(1500);  // several worker batches
  const std::string whole = Render(stix::ParseBundle(doc, {}));
  ASSERT_NE(whole.find("read 1500"), std::string::npos);
  ASSERT_EQ(whole.find("problem"), std::string::npos) << whole.substr(0, 500);
  std::mt19937 rng(7);
  for (size_t max_piece : {1, 3, 17, 4096}) {
    auto batch = FeedInPieces(doc, rng, max_piece);
    EXPECT_EQ(Render(batch), whole) << "pieces up to " << max_piece;
  }
}

TEST(StixStream, BrokenStructureNamesTheByte) {
  const std::string head =
      R"({"type":"bundle","id":"bundle--11111111-1111-4111-8111-111111111111","objects":[)";
  const std::string a = Indicator(1, "198.51.100.1"), b = Indicator(2, "198.51.100.2");
  struct Case {
    std::string doc;
    std::string message;
  };
  std::vector<Case> cases = {
      {head + a + " " + b + "]}", "not valid JSON at byte " +
                                      std::to_string(head.size() + a.size() + 1) +
                                      ": expected ',' or ']', found '{'"},
      {head + a + ",]}", "not valid JSON at byte " + std::to_string(head.size() + a.size() + 1) +
                             ": expected an object, found ']'"},
      {head + a + "]} x", "not valid JSON at byte " + std::to_string(head.size() + a.size() + 3) +
                              ": content after the end of the bundle"},
      {head + a + "]", "not valid JSON: the file ends before the bundle does"},
      {R"({"type" "bundle"})", "not valid JSON at byte 8: expected ':', found '\"'"},
      {"   \n", "the file is empty"},
      {"{\"" + std::string(5000, 'k') + "\":1}",
       "not valid JSON: a property name of the bundle is longer than 4096 bytes"},
  };
  for (const auto& c : cases) {
    auto batch = stix::ParseBundle(c.doc, {});
    ASSERT_EQ(batch.problems.size(), 1u) << c.doc;
    EXPECT_TRUE(batch.problems[0].fatal);
    EXPECT_EQ(batch.problems[0].message, c.message);
    EXPECT_TRUE(batch.events.empty());
  }
}

TEST(StixStream, OversizedElementIsSkippedWithoutBeingKept) {
  std::vector<std::string> kept;
  std::vector<stix::BundleReader::Oversized> big;
  stix::BundleReader reader(
      {1000, 128}, [&](size_t, std::string text) { kept.push_back(std::move(text)); },
      [&](const stix::BundleReader::Oversized& o) { big.push_back(o); });
  std::string large = R"({"type":"note","id":"note--a","content":")" + std::string(5000, 'x') +
                      R"(","abstract":"short"})";
  std::string doc = R"({"objects":[{"a":1},)" + large + R"(,{"b":2}]})";
  for (char c : doc) ASSERT_TRUE(reader.Feed(std::string_view(&c, 1)));
  ASSERT_TRUE(reader.Finish());
  EXPECT_EQ(kept, (std::vector<std::string>{R"({"a":1})", R"({"b":2})"}));
  ASSERT_EQ(big.size(), 1u);
  EXPECT_EQ(big[0].index, 1u);
  EXPECT_EQ(big[0].id, "note--a");
  EXPECT_EQ(big[0].property, "content");
  EXPECT_EQ(big[0].property_bytes, 5002u);
}

TEST(StixStream, ProgressFollowsTheBytesRead) {
  const std::string doc = Bundle(40000);  // > two 4 MiB slices
  std::vector<size_t> done;
  ParseOptions opts;
  opts.progress = [&](size_t d, size_t total) {
    EXPECT_EQ(total, doc.size());
    done.push_back(d);
  };
  auto batch = stix::ParseBundle(doc, opts);
  EXPECT_FALSE(batch.HasFatal());
  ASSERT_GE(done.size(), 3u);
  EXPECT_TRUE(std::is_sorted(done.begin(), done.end()));
  EXPECT_LT(done.front(), doc.size());
  EXPECT_EQ(done.back(), doc.size());
}

}  // namespace
