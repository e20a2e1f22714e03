// STIX import and export against a real SQLite store: what is stored, that
// nothing is stored on problems unless best effort, that an export holds
// nothing above the viewer's scope, that re-importing a report adds its new
// versions, ATT&CK reference data, and the round trip of the public OASIS
// examples (skipped when ../shared is absent).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "access/audit_log.hpp"
#include "access/gate.hpp"
#include "catalog/exports.hpp"
#include "catalog/follow_up.hpp"
#include "catalog/imports.hpp"
#include "exchange/format.hpp"
#include "exchange/stix/portal_ids.hpp"
#include "exchange/stix/stix_import.hpp"
#include "store/store.hpp"
#include "util/crypto.hpp"
#include "util/time.hpp"

namespace {

namespace fs = std::filesystem;
using namespace ts;
using json = nlohmann::json;

constexpr const char* kExamples = TS_CASES_DIR "/../../../shared/data/stix2-json-schemas/examples";

std::string Bundle(const std::vector<std::string>& objects) {
  std::string s =
      R"({"type":"bundle","id":"bundle--11111111-1111-4111-8111-111111111111","objects":[)";
  for (size_t i = 0; i < objects.size(); ++i) s += (i ? "," : "") + objects[i];
  return s + "]}";
}

const std::string kReport =
    R"({"type":"report","spec_version":"2.1","id":"report--a1000000-0000-4000-8000-000000000001","created":"2024-01-01T00:00:00.000Z","modified":"2024-01-01T00:00:00.000Z","name":"Wave","published":"2024-01-01T00:00:00Z","object_refs":["indicator--a1000000-0000-4000-8000-000000000002","indicator--a1000000-0000-4000-8000-000000000003"],"object_marking_refs":["marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"]})";
const std::string kGreenIndicator =
    R"({"type":"indicator","spec_version":"2.1","id":"indicator--a1000000-0000-4000-8000-000000000002","created":"2024-01-01T00:00:00.000Z","modified":"2024-01-01T00:00:00.000Z","pattern":"[domain-name:value = 'green.example']","pattern_type":"stix","valid_from":"2024-01-01T00:00:00Z","x_vendor_score":9})";
const std::string kRedIndicator =
    R"({"type":"indicator","spec_version":"2.1","id":"indicator--a1000000-0000-4000-8000-000000000003","created":"2024-01-01T00:00:00.000Z","modified":"2024-01-01T00:00:00.000Z","pattern":"[ipv4-addr:value = '203.0.113.66']","pattern_type":"stix","valid_from":"2024-01-01T00:00:00Z","object_marking_refs":["marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1"]})";
const std::string kBadTool =
    R"({"type":"tool","spec_version":"2.1","id":"tool--a1000000-0000-4000-8000-000000000004","created":"2024-01-01T00:00:00.000Z","modified":"2024-01-01T00:00:00.000Z"})";

// A GREEN report listing an indicator and a sighting of it (count 7) made
// where an identity sits.
const std::string kSightedReport =
    R"({"type":"report","spec_version":"2.1","id":"report--a2000000-0000-4000-8000-000000000001","created":"2024-01-01T00:00:00.000Z","modified":"2024-01-01T00:00:00.000Z","name":"Sighted","published":"2024-01-01T00:00:00Z","object_refs":["indicator--a2000000-0000-4000-8000-000000000002","sighting--a2000000-0000-4000-8000-000000000003"],"object_marking_refs":["marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da"]})";
const std::string kSightedIndicator =
    R"({"type":"indicator","spec_version":"2.1","id":"indicator--a2000000-0000-4000-8000-000000000002","created":"2024-01-01T00:00:00.000Z","modified":"2024-01-01T00:00:00.000Z","pattern":"[ipv4-addr:value = '198.51.100.77']","pattern_type":"stix","valid_from":"2024-01-01T00:00:00Z"})";
const std::string kSighting =
    R"({"type":"sighting","spec_version":"2.1","id":"sighting--a2000000-0000-4000-8000-000000000003","created":"2024-03-05T00:00:00.000Z","modified":"2024-03-05T00:00:00.000Z","sighting_of_ref":"indicator--a2000000-0000-4000-8000-000000000002","count":7,"first_seen":"2024-03-01T10:00:00Z","last_seen":"2024-03-04T12:00:00Z","where_sighted_refs":["identity--a2000000-0000-4000-8000-000000000004"]})";
const std::string kSightingPlace =
    R"({"type":"identity","spec_version":"2.1","id":"identity--a2000000-0000-4000-8000-000000000004","created":"2024-01-01T00:00:00.000Z","modified":"2024-01-01T00:00:00.000Z","name":"Water utility","identity_class":"organization"})";

// Objects by (id, modified) → parsed JSON.
std::map<std::pair<std::string, std::string>, json> ObjectsOf(const std::string& bundle) {
  std::map<std::pair<std::string, std::string>, json> out;
  auto j = json::parse(bundle);
  for (const auto& o : j["objects"])
    out[{o["id"].get<std::string>(), o.value("modified", o.value("created", ""))}] = o;
  return out;
}

class StixStore : public ::testing::Test {
 protected:
  void SetUp() override { Open(dir_); }
  void TearDown() override {
    for (const auto& d : dirs_) fs::remove_all(d);
  }

  void Open(fs::path& dir) {
    dir = fs::temp_directory_path() / ("ts-stix-" + RandomToken(8));
    dirs_.push_back(dir);
    auto store = store::OpenSqliteStore(dir, {});
    ASSERT_TRUE(store.ok()) << store.error().message;
    store_ = std::move(store.value());
    audit_ = std::make_unique<access::AuditLog>(dir / "audit.anchor");
    Status st = store_->Write([&](store::WriteTxn& txn) -> Status {
      for (auto [name, m] : {std::pair{"Provider", model::Membership::kParticipant},
                             std::pair{"Watcher", model::Membership::kObserver}}) {
        model::Organisation org;
        org.name = name;
        org.sector = "none";
        org.membership = m;
        org.created = NowUtc();
        access::Viewer v;
        v.kind = access::Viewer::Kind::kUser;
        v.org_id = txn.InsertOrganisation(org);
        v.user_id = v.org_id * 10;
        v.membership = m;
        v.role = model::Role::kMember;
        (m == model::Membership::kParticipant ? provider_ : watcher_) = v;
      }
      return {};
    });
    ASSERT_TRUE(st.ok());
  }

  access::Gate GateFor(const access::Viewer& v) { return access::Gate(*store_, *audit_, v, false); }

  catalog::ImportReport Import(const std::string& text, bool best_effort = false) {
    auto gate = GateFor(provider_);
    exchange::ParseOptions popts;
    popts.source_name = "test.json";
    auto batch = exchange::stix::ParseBundle(text, popts);
    catalog::ImportOptions opts;
    opts.best_effort = best_effort;
    auto report = catalog::StoreBatch(gate, batch, opts);
    EXPECT_TRUE(report.ok()) << report.error().message;
    return report.ok() ? *report : catalog::ImportReport{};
  }

  std::string Export(const access::Viewer& v, const std::string& event_id = "") {
    auto gate = GateFor(v);
    auto set = catalog::CollectExport(gate, event_id);
    EXPECT_TRUE(set.ok());
    auto out = exchange::Write(exchange::Format::kStix, *set);
    EXPECT_TRUE(out.ok());
    return *out;
  }

  int64_t EventCount() {
    auto gate = access::Gate(*store_, *audit_, access::Viewer::System(), false);
    auto page = gate.ListEvents({});
    return page->total;
  }

  fs::path dir_;
  std::vector<fs::path> dirs_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<access::AuditLog> audit_;
  access::Viewer provider_, watcher_;
};

TEST_F(StixStore, ImportStoresEventIndicatorsAndVerbatimObjects) {
  auto report = Import(Bundle({kReport, kGreenIndicator, kRedIndicator}));
  ASSERT_TRUE(report.stored);
  EXPECT_EQ(report.events_created, 1);
  EXPECT_EQ(report.indicators_added, 2);
  EXPECT_EQ(report.objects_kept, 3);
  auto gate = GateFor(provider_);
  auto event = gate.GetEvent(report.event_ids.at(0));
  ASSERT_TRUE(event.ok());
  EXPECT_EQ(event->level, model::Level::kGreen);
  EXPECT_EQ(event->title, "Wave");
  EXPECT_EQ(event->provider_org_id, provider_.org_id);
  store::IndicatorFilter f;
  f.event_id = event->id;
  auto indicators = gate.ListIndicators(f);
  ASSERT_EQ(indicators->items.size(), 2u);
  for (const auto& i : indicators->items) {
    if (i.type == model::IndicatorType::kIpv4) {
      EXPECT_EQ(i.level, model::Level::kRed);
    }
  }
  auto objects = gate.SourceObjectsOf(event->id);
  ASSERT_EQ(objects->size(), 3u);
}

TEST_F(StixStore, ExportHoldsNothingAboveTheViewersScope) {
  auto report = Import(Bundle({kReport, kGreenIndicator, kRedIndicator}));
  ASSERT_TRUE(report.stored);
  std::string mine = Export(provider_);
  EXPECT_NE(mine.find("indicator--a1000000-0000-4000-8000-000000000003"), std::string::npos);
  std::string theirs = Export(watcher_);
  EXPECT_NE(theirs.find("indicator--a1000000-0000-4000-8000-000000000002"), std::string::npos);
  EXPECT_EQ(theirs.find("indicator--a1000000-0000-4000-8000-000000000003"), std::string::npos);
  EXPECT_EQ(theirs.find("203.0.113.66"), std::string::npos);
  // The report kept verbatim loses its reference to the hidden indicator
  // for this viewer only; the provider gets it unchanged.
  auto objects = ObjectsOf(theirs);
  auto shown =
      objects.at({"report--a1000000-0000-4000-8000-000000000001", "2024-01-01T00:00:00.000Z"});
  EXPECT_EQ(shown["object_refs"], json::array({"indicator--a1000000-0000-4000-8000-000000000002"}));
  auto original = ObjectsOf(mine).at(
      {"report--a1000000-0000-4000-8000-000000000001", "2024-01-01T00:00:00.000Z"});
  EXPECT_EQ(original, json::parse(kReport));
}

TEST_F(StixStore, ProblemsStoreNothingUnlessBestEffort) {
  auto strict = Import(Bundle({kReport, kGreenIndicator, kBadTool}));
  EXPECT_FALSE(strict.stored);
  ASSERT_EQ(strict.problems.size(), 1u);
  EXPECT_EQ(exchange::DescribeProblem(strict.problems[0]),
            "tool--a1000000-0000-4000-8000-000000000004 name: required property is missing");
  EXPECT_EQ(EventCount(), 0);

  auto lenient = Import(Bundle({kReport, kGreenIndicator, kBadTool}), true);
  EXPECT_TRUE(lenient.stored);
  EXPECT_EQ(lenient.problems.size(), 1u);
  EXPECT_EQ(lenient.events_created, 1);
  EXPECT_EQ(EventCount(), 1);
}

TEST_F(StixStore, FatalInputStoresNothingEvenBestEffort) {
  auto report =
      Import(R"({"type":"bundle","id":"bundle--11111111-1111-4111-8111-111111111111","objects":[)" +
                 kReport,
             true);
  EXPECT_FALSE(report.stored);
  ASSERT_FALSE(report.problems.empty());
  EXPECT_TRUE(report.problems[0].fatal);
  EXPECT_EQ(EventCount(), 0);
}

TEST_F(StixStore, ReimportedReportGainsItsNewVersion) {
  ASSERT_TRUE(Import(Bundle({kReport, kGreenIndicator})).stored);
  std::string v2 = kReport;
  v2.replace(v2.find("\"modified\":\"2024-01-01"), 22, "\"modified\":\"2024-06-01");
  auto again = Import(Bundle({v2, kGreenIndicator}));
  ASSERT_TRUE(again.stored);
  EXPECT_EQ(again.events_created, 0);
  EXPECT_EQ(again.events_updated, 1);
  EXPECT_EQ(again.objects_kept, 1);  // only the new version
  EXPECT_EQ(EventCount(), 1);
  auto objects = ObjectsOf(Export(provider_));
  EXPECT_TRUE(
      objects.count({"report--a1000000-0000-4000-8000-000000000001", "2024-01-01T00:00:00.000Z"}));
  EXPECT_TRUE(
      objects.count({"report--a1000000-0000-4000-8000-000000000001", "2024-06-01T00:00:00.000Z"}));
}

TEST_F(StixStore, AttackReferenceDataValidatesTags) {
  const std::string tactic =
      R"({"type":"x-mitre-tactic","spec_version":"2.1","id":"x-mitre-tactic--a1000000-0000-4000-8000-000000000010","created":"2024-01-01T00:00:00.000Z","modified":"2024-01-01T00:00:00.000Z","name":"Initial Access","x_mitre_shortname":"initial-access","external_references":[{"source_name":"mitre-attack","external_id":"TA0001"}]})";
  const std::string technique =
      R"({"type":"attack-pattern","spec_version":"2.1","id":"attack-pattern--a1000000-0000-4000-8000-000000000011","created":"2024-01-01T00:00:00.000Z","modified":"2024-01-01T00:00:00.000Z","name":"Phishing","external_references":[{"source_name":"mitre-attack","external_id":"T1566"}],"kill_chain_phases":[{"kill_chain_name":"mitre-attack","phase_name":"initial-access"}]})";
  auto reference = Import(Bundle({tactic, technique}));
  ASSERT_TRUE(reference.stored);
  EXPECT_EQ(reference.attack_entries, 2);
  EXPECT_EQ(reference.events_created, 0);
  std::vector<store::AttackRow> rows;
  ASSERT_TRUE(store_
                  ->Read([&](store::ReadTxn& txn) -> Status {
                    rows = txn.AttackEntries("phish", 10);
                    return {};
                  })
                  .ok());
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].external_id, "T1566");
  EXPECT_EQ(rows[0].tactics, std::vector<std::string>{"initial-access"});

  std::string unknown = technique;
  unknown.replace(unknown.find("T1566"), 5, "T9999");
  unknown.replace(unknown.find("a1000000-0000-4000-8000-000000000011"), 36,
                  "a1000000-0000-4000-8000-000000000012");
  auto tagged = Import(Bundle({unknown}));
  EXPECT_FALSE(tagged.stored);
  ASSERT_EQ(tagged.problems.size(), 1u);
  EXPECT_EQ(tagged.problems[0].message, "unknown ATT&CK id in tag 'attack:T9999'");
}

TEST_F(StixStore, PublicExamplesRoundTripLosingNothing) {
  if (!fs::exists(kExamples)) GTEST_SKIP() << "no ../shared/data (public STIX examples absent)";
  for (const char* name : {"threat-reports/apt1.json", "threat-reports/poisonivy.json",
                           "indicator-for-c2-ip-address.json", "infrastructure.json",
                           "malicious-email-indicator-with-attachment.json"}) {
    SCOPED_TRACE(name);
    std::ifstream in(fs::path(kExamples) / name);
    std::stringstream text;
    text << in.rdbuf();
    auto original = ObjectsOf(text.str());
    auto report = Import(text.str());
    ASSERT_TRUE(report.stored) << (report.problems.empty()
                                       ? ""
                                       : exchange::DescribeProblem(report.problems[0]));
    std::string first = Export(provider_);
    auto exported = ObjectsOf(first);
    for (const auto& [key, o] : original) {
      auto it = exported.find(key);
      ASSERT_NE(it, exported.end()) << key.first << " " << key.second;
      EXPECT_EQ(it->second, o) << key.first;
    }
    // The export imports cleanly into another portal and comes back whole.
    fs::path other;
    Open(other);
    auto again = Import(first);
    ASSERT_TRUE(again.stored) << (again.problems.empty()
                                      ? ""
                                      : exchange::DescribeProblem(again.problems[0]));
    auto second = ObjectsOf(Export(provider_));
    for (const auto& [key, o] : original) {
      auto it = second.find(key);
      ASSERT_NE(it, second.end()) << key.first;
      EXPECT_EQ(it->second, o) << key.first;
    }
    Open(dir_);
  }
}

// Sighting objects of a bundle by id (the latest version of each).
std::map<std::string, json> SightingsIn(const std::string& bundle) {
  std::map<std::string, json> out;
  for (const auto& [key, o] : ObjectsOf(bundle))
    if (o["type"] == "sighting") out[key.first] = o;
  return out;
}

class StixSightings : public StixStore {
 protected:
  // The portal's sightings of the one indicator of `event_id`, as `v` sees them.
  std::vector<model::Sighting> SightingsOf(const access::Viewer& v, const std::string& event_id) {
    auto gate = GateFor(v);
    auto sighted = gate.SightingsOfEvent(event_id);
    EXPECT_TRUE(sighted.ok());
    if (!sighted.ok() || sighted->empty()) return {};
    EXPECT_EQ(sighted->size(), 1u);
    return sighted->front().second;
  }
  int64_t TotalCount(const access::Viewer& v, const std::string& event_id) {
    int64_t total = 0;
    for (const auto& s : SightingsOf(v, event_id)) total += s.count;
    return total;
  }
  std::string IndicatorId(const std::string& event_id) {
    auto gate = GateFor(provider_);
    store::IndicatorFilter f;
    f.event_id = event_id;
    auto page = gate.ListIndicators(f);
    return page.ok() && page->items.size() == 1 ? page->items[0].id : "";
  }
  void Report(int64_t count, bool share_identity) {
    auto gate = GateFor(provider_);
    catalog::SightingInput in;
    in.type = "ipv4";
    in.value = "198.51.100.77";
    in.first_seen = "2024-04-01T00:00:00Z";
    in.last_seen = "2024-04-02T00:00:00Z";
    in.count = count;
    auto r = catalog::ReportSightings(gate, {in}, share_identity, "manual");
    ASSERT_TRUE(r.ok()) << r.error().message;
    ASSERT_EQ(r->recorded, 1);
  }
};

TEST_F(StixSightings, SightingOfAnIndicatorIsTheImportersAnonymousSighting) {
  auto report = Import(Bundle({kSightedReport, kSightedIndicator, kSighting, kSightingPlace}));
  ASSERT_TRUE(report.stored);
  EXPECT_TRUE(report.problems.empty());
  EXPECT_EQ(report.sightings_added, 1);
  const std::string event = report.event_ids.at(0);
  auto seen = SightingsOf(watcher_, event);
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].count, 7);
  EXPECT_EQ(seen[0].first_seen, *CanonicalTime("2024-03-01T10:00:00Z"));
  EXPECT_EQ(seen[0].last_seen, *CanonicalTime("2024-03-04T12:00:00Z"));
  EXPECT_FALSE(seen[0].share_identity);
  EXPECT_EQ(seen[0].org_id, 0);  // another organisation does not learn who
  EXPECT_EQ(seen[0].source, "stix:sighting--a2000000-0000-4000-8000-000000000003");
  auto own = SightingsOf(provider_, event);
  ASSERT_EQ(own.size(), 1u);
  EXPECT_EQ(own[0].org_id, provider_.org_id);

  // The same bundle again records nothing more.
  auto again = Import(Bundle({kSightedReport, kSightedIndicator, kSighting, kSightingPlace}));
  ASSERT_TRUE(again.stored);
  EXPECT_EQ(again.events_updated, 1);
  EXPECT_EQ(again.sightings_added, 0);
  EXPECT_EQ(TotalCount(watcher_, event), 7);
}

TEST_F(StixSightings, SightingsOfWhatThePortalCannotMatchAreKeptOnly) {
  const std::string malware =
      R"({"type":"malware","spec_version":"2.1","id":"malware--a2000000-0000-4000-8000-000000000010","created":"2024-01-01T00:00:00.000Z","modified":"2024-01-01T00:00:00.000Z","name":"PlugX","is_family":true})";
  std::string of_malware = kSighting, of_absent = kSighting, narrower = kSighting;
  of_malware.replace(of_malware.find("a2000000-0000-4000-8000-000000000003"), 36,
                     "a2000000-0000-4000-8000-000000000011");
  of_malware.replace(of_malware.find("indicator--a2000000-0000-4000-8000-000000000002"), 47,
                     "malware--a2000000-0000-4000-8000-000000000010");
  of_absent.replace(of_absent.find("a2000000-0000-4000-8000-000000000003"), 36,
                    "a2000000-0000-4000-8000-000000000012");
  of_absent.replace(of_absent.find("a2000000-0000-4000-8000-000000000002"), 36,
                    "a2000000-0000-4000-8000-0000000000ff");
  // RED while its indicator is GREEN: a portal sighting would show it to
  // everyone who sees the indicator.
  narrower.replace(
      narrower.find("\"count\""), 7,
      R"("object_marking_refs":["marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1"],"count")");
  auto report =
      Import(Bundle({kSightedReport, kSightedIndicator, malware, of_malware, of_absent, narrower}));
  ASSERT_TRUE(report.stored);
  EXPECT_TRUE(report.problems.empty());
  EXPECT_EQ(report.sightings_added, 0);
  EXPECT_EQ(report.objects_kept, 6);
  for (const auto& id : report.event_ids) EXPECT_TRUE(SightingsOf(provider_, id).empty());
}

TEST_F(StixSightings, ExportSumsThePortalsSightingsNamingOnlyThoseWhoShared) {
  auto report = Import(Bundle({kSightedReport, kSightedIndicator, kSighting, kSightingPlace}));
  ASSERT_TRUE(report.stored);
  const std::string event = report.event_ids.at(0);
  const std::string summary_id = exchange::stix::AggregateSightingId(IndicatorId(event));

  // The imported sighting comes back as its own object, not summed again.
  auto only_kept = SightingsIn(Export(watcher_, event));
  ASSERT_EQ(only_kept.size(), 1u);
  EXPECT_EQ(only_kept.begin()->second, json::parse(kSighting));

  Report(2, false);
  auto anonymous = SightingsIn(Export(watcher_, event));
  ASSERT_EQ(anonymous.size(), 2u);
  const json& sum = anonymous.at(summary_id);
  EXPECT_EQ(sum["sighting_of_ref"], "indicator--a2000000-0000-4000-8000-000000000002");
  EXPECT_EQ(sum["count"], 2);
  EXPECT_EQ(sum["first_seen"], *CanonicalTime("2024-04-01T00:00:00Z"));
  EXPECT_EQ(sum["last_seen"], *CanonicalTime("2024-04-02T00:00:00Z"));
  EXPECT_FALSE(sum.contains("where_sighted_refs"));
  // Not even the reporter's own export names it: the file travels.
  EXPECT_FALSE(SightingsIn(Export(provider_, event)).at(summary_id).contains("where_sighted_refs"));

  Report(3, true);
  std::string shared = Export(watcher_, event);
  const json named = SightingsIn(shared).at(summary_id);
  EXPECT_EQ(named["count"], 5);
  const std::string org = exchange::stix::OrganisationIdentityId(provider_.org_id);
  EXPECT_EQ(named["where_sighted_refs"], json::array({org}));
  bool identity_written = false;
  for (const auto& [key, o] : ObjectsOf(shared))
    if (key.first == org) identity_written = o["name"] == "Provider";
  EXPECT_TRUE(identity_written);
  // The bundle reads back without a problem.
  auto parsed = exchange::stix::ParseBundle(shared, {});
  EXPECT_TRUE(parsed.problems.empty()) << exchange::DescribeProblem(
      parsed.problems.empty() ? exchange::Problem{} : parsed.problems[0]);
}

TEST_F(StixSightings, ViewerOutsideTheEventsScopeSeesNoSighting) {
  std::string red = kSightedReport;
  red.replace(red.find("marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da"), 56,
              "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1");
  auto report = Import(Bundle({red, kSightedIndicator, kSighting, kSightingPlace}));
  ASSERT_TRUE(report.stored);
  EXPECT_EQ(report.sightings_added, 1);
  Report(2, true);
  const std::string event = report.event_ids.at(0);
  auto gate = GateFor(watcher_);
  auto one = catalog::CollectExport(gate, event);
  ASSERT_FALSE(one.ok());
  EXPECT_EQ(one.error().code, Code::kNotFound);
  EXPECT_FALSE(gate.SightingsOfEvent(event).ok());
  std::string all = Export(watcher_);
  EXPECT_TRUE(SightingsIn(all).empty());
  EXPECT_EQ(all.find("198.51.100.77"), std::string::npos);
  EXPECT_EQ(all.find(exchange::stix::OrganisationIdentityId(provider_.org_id)), std::string::npos);
  EXPECT_EQ(SightingsIn(Export(provider_)).size(), 2u);
}

// Import → export → import counts every report once: the kept sighting
// object is recognised by its source id, and the portal's own summary by
// its stable id; another portal records both once.
TEST_F(StixSightings, RoundTripDoesNotCountTwice) {
  auto report = Import(Bundle({kSightedReport, kSightedIndicator, kSighting, kSightingPlace}));
  ASSERT_TRUE(report.stored);
  const std::string event = report.event_ids.at(0);
  Report(2, false);
  const std::string exported = Export(provider_, event);
  auto back = Import(exported);
  ASSERT_TRUE(back.stored);
  EXPECT_EQ(back.events_updated, 1);
  EXPECT_EQ(back.sightings_added, 0);
  EXPECT_EQ(TotalCount(watcher_, event), 9);
  // Exported again, the summary is still one object of count 2.
  auto sums = SightingsIn(Export(provider_, event));
  EXPECT_EQ(sums.size(), 2u);
  EXPECT_EQ(sums.at(exchange::stix::AggregateSightingId(IndicatorId(event)))["count"], 2);

  fs::path other;
  Open(other);
  auto elsewhere = Import(exported);
  ASSERT_TRUE(elsewhere.stored);
  EXPECT_EQ(elsewhere.sightings_added, 2);
  EXPECT_EQ(TotalCount(watcher_, elsewhere.event_ids.at(0)), 9);
  EXPECT_EQ(Import(exported).sightings_added, 0);
}

}  // namespace
