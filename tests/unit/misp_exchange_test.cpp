// MISP event JSON: import of our fixtures (tests/cases/misp/), the level
// mapping and its reported ambiguities, the public PyMISP fixtures
// (/work/shared/data/misp-event-json, skipped when absent), and the round
// trip MISP → import → export MISP → import.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "exchange/format.hpp"
#include "exchange/misp/misp_export.hpp"
#include "exchange/misp/misp_import.hpp"
#include "exchange/misp/misp_levels.hpp"
#include "ingest/normalize.hpp"

namespace {

namespace fs = std::filesystem;
using ts::exchange::ImportBatch;
using ts::exchange::ParseOptions;
using ts::exchange::misp::ParseMisp;
using ts::exchange::misp::ReadLevel;
using ts::exchange::misp::Sharing;
using ts::model::Level;

const fs::path kCases = TS_CASES_DIR "/misp";
const fs::path kPublic = TS_CASES_DIR "/../../../shared/data/misp-event-json";

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

ImportBatch ParseFile(const fs::path& path) {
  ParseOptions opts;
  opts.source_name = path.filename().string();
  return ParseMisp(ReadFile(path), opts);
}

// (type, canonical value) of every indicator, types detected where empty.
std::set<std::pair<std::string, std::string>> Indicators(const ts::exchange::EventDraft& e) {
  std::set<std::pair<std::string, std::string>> out;
  for (const auto& d : e.indicators) {
    auto type =
        d.type.empty() ? ts::ingest::DetectType(d.value) : ts::model::ParseIndicatorType(d.type);
    if (!type) {
      out.emplace("?", d.value);
      continue;
    }
    auto value = ts::ingest::Normalize(*type, d.value);
    out.emplace(ts::model::IndicatorTypeName(*type), value.ok() ? *value : "!" + d.value);
  }
  return out;
}

bool HasProblem(const ImportBatch& b, std::string_view id, std::string_view words) {
  return std::any_of(b.problems.begin(), b.problems.end(), [&](const auto& p) {
    return p.object_id == id && p.message.find(words) != std::string::npos;
  });
}

TEST(MispLevels, TableAndItsAmbiguities) {
  auto level = [](std::optional<int> d, std::vector<std::string> tags, bool event = true) {
    return ReadLevel(Sharing{d, "", std::move(tags)}, event);
  };
  EXPECT_EQ(level(0, {}).level, Level::kRed);
  EXPECT_EQ(level(1, {}).level, Level::kAmber);
  EXPECT_EQ(level(2, {}).level, Level::kGreen);
  EXPECT_EQ(level(3, {}).level, Level::kGreen);
  EXPECT_EQ(level(3, {"tlp:clear"}).level, Level::kWhite);
  EXPECT_EQ(level(std::nullopt, {"tlp:amber"}).level, Level::kYellow);
  EXPECT_EQ(level(std::nullopt, {"TLP:AMBER+STRICT"}).level, Level::kAmber);
  EXPECT_EQ(level(1, {"tlp:green"}).level, Level::kAmber);  // the narrower
  EXPECT_EQ(level(1, {"threatshare:level=\"YELLOW\"", "tlp:red"}).level, Level::kYellow);
  EXPECT_FALSE(level(std::nullopt, {}).level.has_value());
  for (const auto& ambiguous :
       {level(4, {}), level(5, {}), level(3, {"tlp:green", "tlp:red"}), level(9, {})})
    EXPECT_EQ(ambiguous.problems.size(), 1u);
  EXPECT_EQ(level(4, {}).level, Level::kRed);
  EXPECT_TRUE(level(4, {"tlp:green"}).problems.empty());
  EXPECT_TRUE(level(5, {}, false).problems.empty());  // an attribute inherits
  EXPECT_EQ(level(3, {"tlp:green", "tlp:red"}).level, Level::kRed);
}

TEST(MispImport, ReadsEventAttributesObjectsGalaxiesAndSightings) {
  const ImportBatch b = ParseFile(kCases / "campaign.json");
  for (const auto& p : b.problems) ADD_FAILURE() << ts::exchange::DescribeProblem(p);
  ASSERT_EQ(b.events.size(), 1u);
  const auto& e = b.events[0];
  EXPECT_EQ(e.key, "5f0c2a1e-8b6d-4c3a-9e7f-1a2b3c4d5e6f");
  EXPECT_EQ(e.title, "Spear-phishing wave against energy operators");
  EXPECT_EQ(e.level, Level::kAmber);  // distribution 1 and tlp:amber: the narrower
  const std::set<std::string> tags(e.tags.begin(), e.tags.end());
  EXPECT_EQ(tags, (std::set<std::string>{
                      "attack:T1566.001", "attack:T1204.002", "campaign:blue-termite",
                      "misp-galaxy:threat-actor=\"Blue Termite\"", "cve:CVE-2017-11882"}));
  EXPECT_EQ(Indicators(e),
            (std::set<std::pair<std::string, std::string>>{
                {"ipv4", "198.51.100.23"},
                {"domain", "update-check.example.com"},
                {"url", "http://update-check.example.com/gate.php"},
                {"filename", "請求書.pdf.exe"},
                {"sha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"},
                {"email-addr", "keiri@invoice-cloud.example"},
                {"ipv6", "2001:db8::15"},
                {"email-subject", "【重要】請求書送付のご案内"},
                {"filename", "svhost.exe"},
                {"md5", "d41d8cd98f00b204e9800998ecf8427e"},
            }));
  for (const auto& d : e.indicators) {
    if (d.value == "198.51.100.23") {
      EXPECT_EQ(d.comment, "C2");
      EXPECT_EQ(d.first_seen, "2024-04-01T00:00:00.000000Z");  // sightings, not the false positive
      EXPECT_EQ(d.last_seen, "2024-04-02T00:00:00.000000Z");
    }
    if (d.value == "Update-Check.Example.com") {
      EXPECT_EQ(d.level, Level::kRed);
    }
    if (d.value == "198.51.100.23") {
      EXPECT_FALSE(d.level.has_value());
    }
    if (d.value.starts_with("hxxp")) {
      EXPECT_EQ(d.first_seen, "2024-03-30T00:00:00.000000Z");
    }
    if (d.value == "svhost.exe") {
      EXPECT_EQ(d.comment, "MISP object file/filename");
    }
  }
  EXPECT_NE(e.description.find("communicates-with a1000000-0000-4000-8000-000000000001"),
            std::string::npos);
}

TEST(MispImport, ReportsAmbiguousLevelsAndUnmappedTypes) {
  const ImportBatch b = ParseFile(kCases / "ambiguous.json");
  ASSERT_EQ(b.events.size(), 3u);
  EXPECT_FALSE(b.HasFatal());
  EXPECT_TRUE(HasProblem(b, "c3000000-0000-4000-8000-000000000001", "Energy ISAC core"));
  EXPECT_EQ(b.events[0].level, Level::kRed);
  EXPECT_TRUE(HasProblem(b, "c3000000-0000-4000-8000-000000000002", "TLP tags disagree"));
  EXPECT_EQ(b.events[1].level, Level::kRed);
  EXPECT_TRUE(HasProblem(b, "c3000000-0000-4000-8000-0000000000a2", "'link'"));
  EXPECT_EQ(Indicators(b.events[1]),
            (std::set<std::pair<std::string, std::string>>{{"cidr", "192.0.2.0/24"}}));
  EXPECT_TRUE(HasProblem(b, "c3000000-0000-4000-8000-000000000003", "inherit"));
  EXPECT_FALSE(b.events[2].level.has_value());
  EXPECT_EQ(b.problems.size(), 4u);
}

TEST(MispImport, RejectsWhatIsNoMispEvent) {
  for (const char* bad : {"", "{", "[1,2]", "{\"type\":\"bundle\"}", "\"x\""}) {
    const ImportBatch b = ParseMisp(bad, {});
    EXPECT_TRUE(b.HasFatal()) << bad;
    EXPECT_TRUE(b.events.empty()) << bad;
  }
}

TEST(MispImport, PublicPyMispFixtures) {
  if (!fs::exists(kPublic)) GTEST_SKIP() << "no public MISP data at " << kPublic;
  int files = 0;
  for (const auto& entry : fs::directory_iterator(kPublic)) {
    if (entry.path().extension() != ".json") continue;
    ++files;
    const ImportBatch b = ParseFile(entry.path());
    SCOPED_TRACE(entry.path().filename().string());
    EXPECT_FALSE(b.events.empty() && !b.HasFatal());
  }
  EXPECT_GT(files, 10);
  const ImportBatch existing = ParseFile(kPublic / "existing_event.json");
  ASSERT_EQ(existing.events.size(), 1u);
  EXPECT_GT(existing.events[0].indicators.size(), 50u);
  // Its "link" attributes are references, not indicators: reported.
  EXPECT_TRUE(std::any_of(existing.problems.begin(), existing.problems.end(), [](const auto& p) {
    return p.message.find("'link'") != std::string::npos;
  }));
  const ImportBatch tags = ParseFile(kPublic / "event_tags.json");
  ASSERT_EQ(tags.events.size(), 1u);
  EXPECT_EQ(tags.events[0].tags, (std::vector<std::string>{"bar", "baz", "foo"}));
  EXPECT_EQ(tags.events[0].level, Level::kAmber);  // distribution 1
}

// What the store would hand the writer after importing `draft`.
ts::exchange::ExportEvent Stored(const ts::exchange::EventDraft& draft, Level default_level) {
  ts::exchange::ExportEvent ee;
  ee.event.id = draft.key;
  ee.event.title = draft.title;
  ee.event.level = draft.level.value_or(default_level);
  ee.event.tags = draft.tags;
  ee.event.created = "2024-04-01T00:00:00.000000Z";
  int n = 0;
  for (const auto& d : draft.indicators) {
    ts::model::Indicator i;
    i.id = "00000000-0000-4000-8000-" + std::string(11, '0') + std::to_string(++n % 10);
    auto type =
        d.type.empty() ? ts::ingest::DetectType(d.value) : ts::model::ParseIndicatorType(d.type);
    if (!type) continue;
    i.type = *type;
    i.value = *ts::ingest::Normalize(*type, d.value);
    i.level = d.level;
    i.event_level = ee.event.level;
    i.comment = d.comment;
    i.first_seen = d.first_seen;
    i.last_seen = d.last_seen;
    ee.indicators.push_back(std::move(i));
  }
  return ee;
}

TEST(MispRoundTrip, KeepsAttributesTagsAndLevels) {
  const ImportBatch first = ParseFile(kCases / "campaign.json");
  ASSERT_EQ(first.events.size(), 1u);
  ts::exchange::ExportSet set;
  set.events.push_back(Stored(first.events[0], Level::kAmber));
  auto written = ts::exchange::Write(ts::exchange::Format::kMisp, set);
  ASSERT_TRUE(written.ok());
  EXPECT_EQ(ts::exchange::DetectFormat("x.json", *written), ts::exchange::Format::kMisp);
  const ImportBatch again = ParseMisp(*written, {});
  for (const auto& p : again.problems) ADD_FAILURE() << ts::exchange::DescribeProblem(p);
  ASSERT_EQ(again.events.size(), 1u);
  const auto& e = again.events[0];
  EXPECT_EQ(e.title, first.events[0].title);
  EXPECT_EQ(e.level, Level::kAmber);
  EXPECT_EQ(std::set<std::string>(e.tags.begin(), e.tags.end()),
            std::set<std::string>(first.events[0].tags.begin(), first.events[0].tags.end()));
  EXPECT_EQ(Indicators(e), Indicators(first.events[0]));
  for (const auto& d : e.indicators) {
    if (d.value == "update-check.example.com") {
      EXPECT_EQ(d.level, Level::kRed);
    }
    if (d.value == "198.51.100.23") {
      EXPECT_EQ(d.first_seen, "2024-04-01T00:00:00.000000Z");
    }
  }
}

TEST(MispRoundTrip, KeepsEveryLevelExactly) {
  for (Level level : ts::model::kAllLevels) {
    ts::exchange::ExportSet set;
    ts::exchange::ExportEvent ee;
    ee.event.id = "d4000000-0000-4000-8000-000000000001";
    ee.event.title = "level";
    ee.event.level = level;
    set.events.push_back(ee);
    const ImportBatch b = ParseMisp(ts::exchange::misp::WriteMisp(set), {});
    ASSERT_EQ(b.events.size(), 1u);
    EXPECT_EQ(b.events[0].level, level);
    EXPECT_TRUE(b.problems.empty());
  }
}

}  // namespace
