// MISP event JSON: import of our fixtures (tests/cases/misp/), the level
// mapping and its reported ambiguities, the public PyMISP fixtures
// (/work/shared/data/misp-event-json, skipped when absent), the round trip
// MISP → import → export MISP → import, and MISP Objects: each indicator's
// origin, object→object and object→attribute references, and what a
// narrower viewer's export leaves out.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "exchange/format.hpp"
#include "exchange/misp/misp_export.hpp"
#include "exchange/misp/misp_import.hpp"
#include "exchange/misp/misp_levels.hpp"
#include "ingest/ascii.hpp"
#include "ingest/normalize.hpp"

#include <nlohmann/json.hpp>

namespace {

namespace fs = std::filesystem;
using ts::exchange::ImportBatch;
using ts::exchange::ParseOptions;
using ts::exchange::misp::ParseMisp;
using ts::exchange::misp::ReadLevel;
using ts::exchange::misp::Sharing;
using ts::model::IndicatorOrigin;
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
      EXPECT_EQ(d.comment, "");  // the tie to its object is data, not text
      EXPECT_EQ(d.origin, (IndicatorOrigin{"b2000000-0000-4000-8000-000000000001", "file",
                                           "filename", "b2000000-0000-4000-8000-00000000000a"}));
    }
    if (d.value == "198.51.100.23") {
      EXPECT_EQ(d.origin, (IndicatorOrigin{"", "", "", "a1000000-0000-4000-8000-000000000001"}));
    }
  }
  // The object is kept, with its reference, instead of being described.
  ASSERT_EQ(e.objects.size(), 1u);
  EXPECT_EQ(e.objects[0].id, "b2000000-0000-4000-8000-000000000001");
  EXPECT_NE(e.objects[0].json.find("communicates-with"), std::string::npos);
  EXPECT_TRUE(e.description.empty());
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
    i.origin = d.origin;
    i.first_seen = d.first_seen;
    i.last_seen = d.last_seen;
    ee.indicators.push_back(std::move(i));
  }
  ee.objects = draft.objects;
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
  // The object's reference to a top-level attribute holds: that attribute
  // is written under its MISP uuid.
  const nlohmann::json ev = nlohmann::json::parse(*written)["response"][0]["Event"];
  ASSERT_EQ(ev["Object"].size(), 1u);
  ASSERT_EQ(ev["Object"][0]["ObjectReference"].size(), 1u);
  const std::string target = "a1000000-0000-4000-8000-000000000001";
  EXPECT_EQ(ev["Object"][0]["ObjectReference"][0]["referenced_uuid"], target);
  const auto& top = ev["Attribute"];
  EXPECT_TRUE(std::any_of(top.begin(), top.end(), [&](const auto& a) {
    return a["uuid"] == target && a["value"] == "198.51.100.23";
  })) << top.dump(2);
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
      EXPECT_EQ(d.origin, (IndicatorOrigin{"", "", "", target}));
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

// --- MISP Objects: kept on import, rebuilt on export -----------------------

using Json = nlohmann::json;

const std::string kFileObject = "e5000000-0000-4000-8000-000000000010";
const std::string kDomainIpObject = "e5000000-0000-4000-8000-000000000020";

Json Written(const ts::exchange::ExportSet& set) {
  return Json::parse(ts::exchange::misp::WriteMisp(set))["response"][0]["Event"];
}

const Json* ObjectIn(const Json& ev, const std::string& uuid) {
  if (!ev.contains("Object")) return nullptr;
  for (const auto& o : ev["Object"])
    if (o["uuid"] == uuid) return &o;
  return nullptr;
}

// relation → value of an exported object's attributes.
std::map<std::string, std::string> Relations(const Json& object) {
  std::map<std::string, std::string> out;
  for (const auto& a : object["Attribute"])
    out[a["object_relation"].get<std::string>()] = a["value"].get<std::string>();
  return out;
}

std::set<std::string> ReferencedUuids(const Json& object) {
  std::set<std::string> out;
  for (const auto& r : object.value("ObjectReference", Json::array()))
    out.insert(r["referenced_uuid"].get<std::string>());
  return out;
}

ts::exchange::ExportEvent StoredObjectsEvent() {
  const ImportBatch b = ParseFile(kCases / "objects.json");
  EXPECT_TRUE(b.problems.empty());
  EXPECT_EQ(b.events.size(), 1u);
  return Stored(b.events.at(0), Level::kAmber);
}

const std::string kTopUrl = "e5000000-0000-4000-8000-0000000000a1";
const std::string kTopRedDomain = "e5000000-0000-4000-8000-0000000000a2";

TEST(MispObjects, ImportKeepsEachObjectAndRecordsEachIndicatorsOrigin) {
  const ImportBatch b = ParseFile(kCases / "objects.json");
  ASSERT_EQ(b.events.size(), 1u);
  const auto& e = b.events[0];
  ASSERT_EQ(e.objects.size(), 2u);
  for (const auto& o : e.objects) {
    EXPECT_EQ(o.type, ts::exchange::kMispObjectType);
    // Values live in indicators only (their levels decide who sees them).
    EXPECT_EQ(o.json.find("c2.loader.example"), std::string::npos);
    EXPECT_EQ(o.json.find("2c26b46b"), std::string::npos) << o.json;
  }
  EXPECT_EQ(e.objects[0].id, kFileObject);
  EXPECT_EQ(e.objects[1].id, kDomainIpObject);
  std::map<std::string, IndicatorOrigin> origin_of;  // value → origin
  for (const auto& d : e.indicators) {
    ASSERT_TRUE(d.origin) << d.value;
    origin_of[d.value] = *d.origin;
    if (d.value == "invoice.pdf.exe") {
      EXPECT_EQ(d.comment, "as attached");
    }
    if (d.value == "203.0.113.77") {
      EXPECT_EQ(d.level, Level::kRed);
    }
  }
  const std::string a = "e5000000-0000-4000-8000-0000000000";
  EXPECT_EQ(origin_of,
            (std::map<std::string, IndicatorOrigin>{
                {"http://dl.loader.example/get.php", {"", "", "", kTopUrl}},
                {"staging.loader.example", {"", "", "", kTopRedDomain}},
                {"invoice.pdf.exe", {kFileObject, "file", "filename", a + "11"}},
                {"2C26B46B68FFC68FF99B453C1D30413413422D706483BFA0F98A5E886266E7AE",
                 {kFileObject, "file", "sha256", a + "12"}},
                {"c2.loader.example", {kDomainIpObject, "domain-ip", "domain", a + "21"}},
                {"203.0.113.77", {kDomainIpObject, "domain-ip", "ip", a + "22"}}}));
}

TEST(MispObjects, ExportWritesObjectsWithAttributesAndReferences) {
  ts::exchange::ExportSet set;
  set.events.push_back(StoredObjectsEvent());
  const Json ev = Written(set);
  const Json* file = ObjectIn(ev, kFileObject);
  const Json* domain_ip = ObjectIn(ev, kDomainIpObject);
  ASSERT_TRUE(file && domain_ip) << ev.dump(2);
  EXPECT_EQ((*file)["name"], "file");
  EXPECT_EQ((*file)["comment"], "dropped by the loader");
  EXPECT_EQ(Relations(*file),
            (std::map<std::string, std::string>{
                {"filename", "invoice.pdf.exe"},
                {"sha256", "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae"}}));
  EXPECT_EQ(Relations(*domain_ip), (std::map<std::string, std::string>{
                                       {"domain", "c2.loader.example"}, {"ip", "203.0.113.77"}}));
  // References to another object, to a top-level attribute and to an
  // attribute inside another object all survive.
  EXPECT_EQ(ReferencedUuids(*file), (std::set<std::string>{kDomainIpObject, kTopUrl}));
  EXPECT_EQ(ReferencedUuids(*domain_ip),
            (std::set<std::string>{"e5000000-0000-4000-8000-000000000012", kTopRedDomain}));
  for (const auto& a : (*file)["Attribute"])
    if (a["object_relation"] == "filename") {
      EXPECT_EQ(a["uuid"], "e5000000-0000-4000-8000-000000000011");
      EXPECT_EQ(a["comment"], "as attached");
    }
  // Object attributes are not repeated at the top level; top-level ones keep
  // their MISP uuids, which the references name.
  std::map<std::string, std::string> top;  // uuid → value
  for (const auto& a : ev["Attribute"]) {
    EXPECT_FALSE(a.contains("object_relation"));
    top[a["uuid"].get<std::string>()] = a["value"].get<std::string>();
  }
  EXPECT_EQ(top, (std::map<std::string, std::string>{{kTopUrl, "http://dl.loader.example/get.php"},
                                                     {kTopRedDomain, "staging.loader.example"}}));
}

TEST(MispObjects, HiddenAttributesLeaveTheirObjectAndReferences) {
  // What the gate hands over for a viewer below RED: no 203.0.113.77 and
  // no staging.loader.example.
  ts::exchange::ExportEvent ee = StoredObjectsEvent();
  std::erase_if(ee.indicators, [](const auto& i) { return i.level == Level::kRed; });
  ASSERT_EQ(ee.indicators.size(), 4u);
  ts::exchange::ExportSet set;
  set.events.push_back(ee);
  Json ev = Written(set);
  ASSERT_TRUE(ObjectIn(ev, kDomainIpObject));
  EXPECT_EQ(Relations(*ObjectIn(ev, kDomainIpObject)),
            (std::map<std::string, std::string>{{"domain", "c2.loader.example"}}));
  // The reference to the hidden top-level attribute goes with it.
  EXPECT_EQ(ReferencedUuids(*ObjectIn(ev, kDomainIpObject)),
            std::set<std::string>{"e5000000-0000-4000-8000-000000000012"});
  for (const char* hidden :
       {"203.0.113.77", "staging.loader.example", "e5000000-0000-4000-8000-0000000000a2",
        "e5000000-0000-4000-8000-000000000022"})
    EXPECT_EQ(ev.dump().find(hidden), std::string::npos) << hidden;

  // Nothing of the domain-ip object visible: it goes, and so does the
  // file object's reference to it; its reference to the visible top-level
  // attribute stays.
  std::erase_if(set.events[0].indicators,
                [](const auto& i) { return i.value == "c2.loader.example"; });
  ev = Written(set);
  EXPECT_FALSE(ObjectIn(ev, kDomainIpObject));
  EXPECT_EQ(ev.dump().find(kDomainIpObject), std::string::npos);
  ASSERT_TRUE(ObjectIn(ev, kFileObject));
  EXPECT_EQ(ReferencedUuids(*ObjectIn(ev, kFileObject)), std::set<std::string>{kTopUrl});

  // The top-level URL hidden as well: no reference left at all.
  std::erase_if(set.events[0].indicators,
                [](const auto& i) { return i.value.starts_with("http"); });
  ev = Written(set);
  ASSERT_TRUE(ObjectIn(ev, kFileObject));
  EXPECT_TRUE(ReferencedUuids(*ObjectIn(ev, kFileObject)).empty());
  EXPECT_EQ(ev.dump().find(kTopUrl), std::string::npos);
}

TEST(MispObjects, ReimportOfTheExportGivesTheSameObjects) {
  const ImportBatch first = ParseFile(kCases / "objects.json");
  ts::exchange::ExportSet set;
  set.events.push_back(Stored(first.events.at(0), Level::kAmber));
  const ImportBatch again = ParseMisp(ts::exchange::misp::WriteMisp(set), {});
  for (const auto& p : again.problems) ADD_FAILURE() << ts::exchange::DescribeProblem(p);
  ASSERT_EQ(again.events.size(), 1u);
  const auto& e = again.events[0];
  EXPECT_EQ(Indicators(e), Indicators(first.events[0]));
  // Objects with their attribute stubs and all their references.
  ASSERT_EQ(e.objects.size(), first.events[0].objects.size());
  for (std::size_t k = 0; k < e.objects.size(); ++k) {
    EXPECT_EQ(e.objects[k].id, first.events[0].objects[k].id);
    EXPECT_EQ(Json::parse(e.objects[k].json), Json::parse(first.events[0].objects[k].json));
  }
  // Every indicator in the same place with the same comment.
  auto places = [](const ts::exchange::EventDraft& d) {
    std::map<std::string, std::pair<IndicatorOrigin, std::string>> out;
    for (const auto& i : d.indicators)
      out[ts::ingest::AsciiLowered(i.value)] = {i.origin.value_or(IndicatorOrigin{}), i.comment};
    return out;
  };
  EXPECT_EQ(places(e), places(first.events[0]));
}

TEST(MispObjects, EditedCommentsDoNotUntieAnIndicator) {
  ts::exchange::ExportEvent ee = StoredObjectsEvent();
  for (auto& i : ee.indicators) i.comment = "MISP object x/y z: reviewed by the desk";
  ts::exchange::ExportSet set;
  set.events.push_back(ee);
  const Json ev = Written(set);
  ASSERT_TRUE(ObjectIn(ev, kFileObject));
  EXPECT_EQ(Relations(*ObjectIn(ev, kFileObject)).size(), 2u);
  for (const auto& a : (*ObjectIn(ev, kFileObject))["Attribute"])
    EXPECT_EQ(a["comment"], "MISP object x/y z: reviewed by the desk");
  // Without its kept object an indicator is a top-level attribute that
  // keeps its uuid.
  std::erase_if(set.events[0].objects, [](const auto& o) { return o.id == kFileObject; });
  const Json without = Written(set);
  EXPECT_FALSE(ObjectIn(without, kFileObject));
  std::set<std::string> top;
  for (const auto& a : without["Attribute"]) top.insert(a["uuid"].get<std::string>());
  EXPECT_TRUE(top.count("e5000000-0000-4000-8000-000000000011")) << without.dump(2);
}

TEST(MispObjects, EachWriterKeepsToItsOwnSourceObjects) {
  ts::exchange::ExportEvent ee = StoredObjectsEvent();
  ee.event.provider_org_name = "CERT";
  const std::string stix_id = "malware--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061";
  ee.objects.push_back({stix_id, "malware", "2024-04-01T00:00:00.000Z",
                        R"({"type":"malware","spec_version":"2.1","id":")" + stix_id +
                            R"(","created":"2024-04-01T00:00:00.000Z",)"
                            R"("modified":"2024-04-01T00:00:00.000Z","name":"Loader",)"
                            R"("is_family":true})",
                        std::nullopt});
  ts::exchange::ExportSet set;
  set.events.push_back(ee);
  const std::string misp = ts::exchange::misp::WriteMisp(set);
  EXPECT_EQ(misp.find(stix_id), std::string::npos);
  auto stix = ts::exchange::Write(ts::exchange::Format::kStix, set);
  ASSERT_TRUE(stix.ok());
  EXPECT_NE(stix->find(stix_id), std::string::npos);
  const Json bundle = Json::parse(*stix);
  for (const auto& o : bundle["objects"]) {
    EXPECT_FALSE(o.contains("meta-category")) << o.dump();
    EXPECT_NE(o["id"], kFileObject);
  }
  // The indicators are still there as STIX indicators.
  EXPECT_NE(stix->find("c2.loader.example"), std::string::npos);
}

TEST(MispObjects, PublicFixtureObjectsSurviveTheRoundTrip) {
  const fs::path path = kPublic / "event_obj_attr_tag.json";
  if (!fs::exists(path)) GTEST_SKIP() << "no public MISP data at " << path;
  const ImportBatch first = ParseFile(path);
  ASSERT_EQ(first.events.size(), 1u);
  ASSERT_EQ(first.events[0].objects.size(), 2u);  // ids "a" and "b"
  ts::exchange::ExportSet set;
  set.events.push_back(Stored(first.events[0], Level::kAmber));
  const Json ev = Written(set);
  ASSERT_TRUE(ObjectIn(ev, "a") && ObjectIn(ev, "b")) << ev.dump(2);
  EXPECT_EQ(Relations(*ObjectIn(ev, "a")),
            (std::map<std::string, std::string>{{"filename", "bar"}}));
  EXPECT_EQ(ReferencedUuids(*ObjectIn(ev, "a")), std::set<std::string>{"b"});
  EXPECT_TRUE(ev["Attribute"].empty());
  const ImportBatch again = ParseMisp(ev.dump(), {});
  ASSERT_EQ(again.events.size(), 1u);
  EXPECT_EQ(Indicators(again.events[0]), Indicators(first.events[0]));
  ASSERT_EQ(again.events[0].objects.size(), 2u);
  EXPECT_EQ(again.events[0].objects[0].id, "a");
  EXPECT_EQ(again.events[0].objects[1].id, "b");
}

}  // namespace
