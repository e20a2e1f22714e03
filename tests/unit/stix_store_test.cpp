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
#include "catalog/imports.hpp"
#include "exchange/format.hpp"
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

}  // namespace
