// The audit hash chain: appends link up, and any edit, deletion in the
// middle or truncation of the newest entries is detected.
#include <gtest/gtest.h>

#include <filesystem>

#include "access/audit_log.hpp"
#include "access/gate.hpp"
#include "store/sqlite/connection.hpp"
#include "util/crypto.hpp"

namespace ts::access {
namespace {

class AuditLogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("ts-audit-" + RandomToken(8));
    Open();
    Gate gate(*store_, *log_, Viewer::System(), false);
    for (int n = 0; n < 20; ++n) {
      ASSERT_TRUE(gate.Write([&](store::WriteTxn&, Auditor& a) -> Status {
                        a.Record("test.write", "thing", std::to_string(n),
                                 "{\"n\":" + std::to_string(n) + "}");
                        return {};
                      })
                      .ok());
    }
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  void Open() {
    store_.reset();
    store_ = std::move(store::OpenSqliteStore(dir_, {}).value());
    log_ = std::make_unique<AuditLog>(dir_ / "audit.anchor");
  }
  // Changes the database behind the store's back, as an intruder would.
  void Tamper(const std::string& sql) {
    store_.reset();
    store::sqlite::Db db((dir_ / "threatshare.db").string());
    db.Exec(sql);
    Open();
  }

  std::filesystem::path dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<AuditLog> log_;
};

TEST_F(AuditLogTest, IntactChainVerifies) {
  auto v = log_->Verify(*store_);
  EXPECT_TRUE(v.ok) << v.problem;
  EXPECT_EQ(v.entries, 20);
  EXPECT_EQ(v.head_hash.size(), 64u);
}

TEST_F(AuditLogTest, RolledBackWriteLeavesNoEntry) {
  Gate gate(*store_, *log_, Viewer::System(), false);
  Status st = gate.Write([&](store::WriteTxn&, Auditor& a) -> Status {
    a.Record("test.write", "thing", "x");
    return Error::Invalid("refused");
  });
  EXPECT_FALSE(st.ok());
  auto v = log_->Verify(*store_);
  EXPECT_TRUE(v.ok) << v.problem;
  EXPECT_EQ(v.entries, 20);
}

TEST_F(AuditLogTest, EditedDetailIsDetected) {
  Tamper("UPDATE audit_log SET detail = '{\"n\":99}' WHERE seq = 7");
  auto v = log_->Verify(*store_);
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_bad_seq, 7);
  EXPECT_NE(v.problem.find("altered"), std::string::npos) << v.problem;
}

TEST_F(AuditLogTest, RehashedEditIsDetectedByTheNextEntry) {
  // An intruder who recomputes the edited entry's own hash still breaks the
  // link from the entry after it.
  model::AuditEntry e;
  ASSERT_TRUE(store_
                  ->Read([&](store::ReadTxn& txn) -> Status {
                    e = txn.AuditEntries(4, 1).at(0);
                    return {};
                  })
                  .ok());
  e.actor = "someone else";
  e.hash = AuditHash(e);
  Tamper("UPDATE audit_log SET actor = '" + e.actor + "', hash = '" + e.hash + "' WHERE seq = 5");
  auto v = log_->Verify(*store_);
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_bad_seq, 6);
  EXPECT_NE(v.problem.find("previous entry"), std::string::npos) << v.problem;
}

TEST_F(AuditLogTest, DeletedMiddleEntryIsDetected) {
  Tamper("DELETE FROM audit_log WHERE seq = 10");
  auto v = log_->Verify(*store_);
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_bad_seq, 10);
  EXPECT_NE(v.problem.find("missing"), std::string::npos) << v.problem;
}

TEST_F(AuditLogTest, TruncatedTailIsDetectedByTheAnchor) {
  Tamper("DELETE FROM audit_log WHERE seq > 17");
  auto v = log_->Verify(*store_);
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_bad_seq, 18);
  EXPECT_NE(v.problem.find("deleted"), std::string::npos) << v.problem;
}

// An import's first transaction records many entries at once: the anchor
// must still be created, or a truncation of that log would go unnoticed.
TEST(AuditAnchor, FirstTransactionWithSeveralEntriesCreatesTheAnchor) {
  const auto dir = std::filesystem::temp_directory_path() / ("ts-anchor-" + RandomToken(8));
  auto store = std::move(store::OpenSqliteStore(dir, {}).value());
  AuditLog log(dir / "audit.anchor");
  Gate gate(*store, log, Viewer::System(), false);
  ASSERT_TRUE(gate.Write([&](store::WriteTxn&, Auditor& a) -> Status {
                    for (int n = 0; n < 3; ++n) a.Record("test.write", "thing", std::to_string(n));
                    return {};
                  })
                  .ok());
  EXPECT_TRUE(std::filesystem::exists(dir / "audit.anchor"));
  store::sqlite::Db((dir / "threatshare.db").string()).Exec("DELETE FROM audit_log WHERE seq > 1");
  EXPECT_FALSE(log.Verify(*store).ok);
  store.reset();
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace ts::access
