// The visibility rule exists twice: as C++ in access/policy.cpp and as SQL
// in the SQLite engine. This test builds every combination of level, status,
// indicator level and viewer in a real database and checks that both agree.
#include <gtest/gtest.h>

#include "access/audit_log.hpp"
#include "access/gate.hpp"
#include "access/policy.hpp"
#include "scope_fixture.hpp"
#include "store/store.hpp"
#include "util/crypto.hpp"
#include "util/time.hpp"

namespace ts::access {
namespace {

using model::EventStatus;
using model::Level;
using model::Membership;

class AccessScope : public ScopeStoreTest {
 protected:
  void Fill(store::WriteTxn& txn) override {
    // Every provider membership × level × status, each with one indicator
    // per own level (none, or each level).
    for (auto [provider, m] : orgs_) {
      for (Level level : model::kAllLevels) {
        for (EventStatus status :
             {EventStatus::kDraft, EventStatus::kPending, EventStatus::kPublished}) {
          model::Event e;
          e.id = NewUuid();
          e.title = "t";
          e.provider_org_id = provider;
          e.submitter_org_id = status == EventStatus::kPending ? orgs_[1].first : provider;
          e.level = level;
          e.status = status;
          e.created = e.modified = NowUtc();
          txn.InsertEvent(e);
          events_.push_back(e);
          for (int own = -1; own < 5; ++own) {
            model::Indicator i;
            i.id = NewUuid();
            i.event_id = e.id;
            i.type = model::IndicatorType::kDomain;
            i.value = "d" + std::to_string(own) + ".example";
            if (own >= 0) i.level = static_cast<Level>(own);
            i.event_level = e.level;
            i.created = i.modified = e.created;
            txn.InsertIndicator(i);
            indicators_.push_back({e, i});
          }
        }
      }
    }
  }

  std::vector<model::Event> events_;
  std::vector<std::pair<model::Event, model::Indicator>> indicators_;
};

TEST_F(AccessScope, SqlAndPolicyAgreeOnEvents) {
  for (bool anonymous_read : {false, true}) {
    for (const auto& v : Viewers()) {
      Scope scope = ScopeFactory::For(v, anonymous_read);
      std::set<std::string> listed;
      int64_t total = 0;
      ASSERT_TRUE(store_
                      ->Read([&](store::ReadTxn& txn) -> Status {
                        store::EventFilter f;
                        f.limit = 100000;
                        auto page = txn.Events(scope, f);
                        total = page.total;
                        for (const auto& e : page.items) listed.insert(e.id);
                        for (const auto& e : events_) {
                          bool expected = CanSeeEvent(v, e, anonymous_read);
                          EXPECT_EQ(txn.EventById(scope, e.id).has_value(), expected)
                              << "viewer org " << v.org_id << " level " << model::LevelName(e.level)
                              << " status " << model::EventStatusName(e.status);
                          EXPECT_EQ(listed.count(e.id) == 1, expected);
                        }
                        return {};
                      })
                      .ok());
      EXPECT_EQ(total, static_cast<int64_t>(listed.size()));
    }
  }
}

TEST_F(AccessScope, SqlAndPolicyAgreeOnIndicators) {
  for (bool anonymous_read : {false, true}) {
    for (const auto& v : Viewers()) {
      Scope scope = ScopeFactory::For(v, anonymous_read);
      ASSERT_TRUE(store_
                      ->Read([&](store::ReadTxn& txn) -> Status {
                        store::IndicatorFilter f;
                        f.limit = 100000;
                        auto page = txn.Indicators(scope, f);
                        std::set<std::string> listed;
                        for (const auto& i : page.items) listed.insert(i.id);
                        int64_t expected_total = 0;
                        for (const auto& [e, i] : indicators_) {
                          bool expected = CanSeeIndicator(v, e, i, anonymous_read);
                          expected_total += expected;
                          EXPECT_EQ(txn.IndicatorById(scope, i.id).has_value(), expected)
                              << "viewer org " << v.org_id << " event " << model::LevelName(e.level)
                              << " own " << (i.level ? model::LevelName(*i.level) : "none");
                          EXPECT_EQ(listed.count(i.id) == 1, expected);
                        }
                        EXPECT_EQ(page.total, expected_total);
                        return {};
                      })
                      .ok());
    }
  }
}

// The policy itself, stated plainly for one provider: the DESIGN.md table.
TEST(AccessPolicy, LevelsReachMembershipTypes) {
  EXPECT_EQ(NarrowestVisibleLevel(Membership::kSecretariat), Level::kRed);
  EXPECT_EQ(NarrowestVisibleLevel(Membership::kAnalyst), Level::kRed);
  EXPECT_EQ(NarrowestVisibleLevel(Membership::kParticipant), Level::kAmber);
  EXPECT_EQ(NarrowestVisibleLevel(Membership::kObserver), Level::kYellow);
  EXPECT_EQ(NarrowestVisibleLevel(Membership::kRelated), Level::kGreen);
  EXPECT_FALSE(ScopeFactory::For(Viewer::Anonymous("x"), false).Reaches(Level::kWhite));
  EXPECT_TRUE(ScopeFactory::For(Viewer::Anonymous("x"), true).Reaches(Level::kWhite));
  EXPECT_FALSE(ScopeFactory::For(Viewer::Anonymous("x"), true).Reaches(Level::kGreen));
}

}  // namespace
}  // namespace ts::access
