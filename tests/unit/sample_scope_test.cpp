// The visibility rule of samples and YARA rules exists as C++
// (access::CanSeeSubmission, CanSeeYaraRule) and as SQL in the SQLite
// engine. This test stores a submission and a rule for every provider
// membership × level, and a match of every rule on every sample, then checks
// for every viewer that the engine returns exactly what the policy allows:
// samples, their submissions, the sample list and its total, rules, and
// matches (shown only when both the sample and the rule are visible).
#include <gtest/gtest.h>

#include <set>

#include "access/policy.hpp"
#include "scope_fixture.hpp"
#include "store/store.hpp"
#include "util/crypto.hpp"
#include "util/time.hpp"

namespace ts::access {
namespace {

using model::Level;

class SampleScope : public ScopeStoreTest {
 protected:
  // A submission and a rule per provider membership × level, and a match of
  // every rule on every sample.
  void Fill(store::WriteTxn& txn) override {
    for (auto [provider, m] : orgs_) {
      for (Level level : model::kAllLevels) {
        model::SampleContent c;
        c.sha256 = Sha256Hex(RandomToken(16));
        c.kind = "text";
        c.analysis = "{}";
        txn.InsertSampleContent(c);
        model::SampleSubmission s;
        s.id = NewUuid();
        s.sha256 = c.sha256;
        s.provider_org_id = provider;
        s.level = level;
        s.name = "n";
        s.created = NowUtc();
        txn.InsertSampleSubmission(s);
        submissions_.push_back(s);

        model::YaraRule r;
        r.id = NewUuid();
        r.name = "r";
        r.text = "rule r { condition: true }";
        r.level = level;
        r.provider_org_id = provider;
        r.created = r.modified = NowUtc();
        txn.InsertYaraRule(r);
        rules_.push_back(r);
      }
    }
    for (const auto& r : rules_)
      for (const auto& s : submissions_)
        txn.InsertYaraMatch({r.id, r.name, "r", s.sha256, NowUtc()});
  }

  std::vector<model::SampleSubmission> submissions_;
  std::vector<model::YaraRule> rules_;
};

TEST_F(SampleScope, SqlAndPolicyAgree) {
  for (bool anonymous_read : {false, true}) {
    for (const auto& v : Viewers()) {
      const Scope scope = ScopeFactory::For(v, anonymous_read);
      std::set<std::string> visible_rules;
      for (const auto& r : rules_)
        if (CanSeeYaraRule(v, r, anonymous_read)) visible_rules.insert(r.id);
      int64_t visible_samples = 0;
      Status st = store_->Read([&](store::ReadTxn& txn) -> Status {
        for (const auto& s : submissions_) {
          const bool allowed = CanSeeSubmission(v, s, anonymous_read);
          visible_samples += allowed;
          SCOPED_TRACE(v.email + " org " + std::to_string(v.org_id) + " level " +
                       std::string(model::LevelName(s.level)) + " provider " +
                       std::to_string(s.provider_org_id) + " anon " +
                       std::to_string(anonymous_read));
          EXPECT_EQ(txn.SampleBySha256(scope, s.sha256).has_value(), allowed);
          EXPECT_EQ(txn.SampleSubmissions(scope, s.sha256).size(), allowed ? 1u : 0u);
          std::set<std::string> matched;
          for (const auto& m : txn.YaraMatches(scope, s.sha256)) matched.insert(m.rule_id);
          EXPECT_EQ(matched, visible_rules);
        }
        store::SampleFilter all;
        all.limit = 1000;
        EXPECT_EQ(txn.Samples(scope, all).total, visible_samples);
        std::set<std::string> listed;
        for (const auto& r : txn.YaraRules(scope)) listed.insert(r.id);
        EXPECT_EQ(listed, visible_rules);
        for (const auto& r : rules_)
          EXPECT_EQ(txn.YaraRuleById(scope, r.id).has_value(), visible_rules.count(r.id) == 1);
        return {};
      });
      ASSERT_TRUE(st.ok());
    }
  }
}

}  // namespace
}  // namespace ts::access
