// The connection's statement cache: a statement in use is never handed out
// twice, and a statement that failed is clean for its next use.
#include <gtest/gtest.h>

#include <filesystem>

#include "store/sqlite/connection.hpp"
#include "util/crypto.hpp"

namespace ts::store::sqlite {
namespace {

class StatementCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() / ("ts-stmt-" + RandomToken(8) + ".db");
    db_ = std::make_unique<Db>(path_.string());
    db_->Exec("CREATE TABLE t (x INTEGER PRIMARY KEY, y TEXT NOT NULL)");
    for (int x = 1; x <= 3; ++x)
      Stmt(*db_, "INSERT INTO t VALUES (?, ?)").Bind(1, x).Bind(2, "v").Run();
  }
  void TearDown() override {
    db_.reset();
    std::filesystem::remove(path_);
  }
  std::filesystem::path path_;
  std::unique_ptr<Db> db_;
};

TEST_F(StatementCacheTest, NestedUseOfTheSameSqlReadsIndependently) {
  constexpr std::string_view kSql = "SELECT x FROM t WHERE x >= ? ORDER BY x";
  Stmt outer(*db_, kSql);
  outer.Bind(1, 1);
  std::vector<int64_t> pairs;
  while (outer.Step()) {
    Stmt inner(*db_, kSql);
    inner.Bind(1, outer.Int(0));
    int64_t count = 0;
    while (inner.Step()) ++count;
    pairs.push_back(outer.Int(0) * 10 + count);
  }
  EXPECT_EQ(pairs, (std::vector<int64_t>{13, 22, 31}));
}

TEST_F(StatementCacheTest, AFailedStatementIsResetForItsNextUse) {
  constexpr std::string_view kSql = "INSERT INTO t VALUES (?, ?)";
  EXPECT_THROW(Stmt(*db_, kSql).Bind(1, 1).Bind(2, "again").Run(), SqliteError);
  // The next use binds afresh: an unbound value would be NULL and fail.
  EXPECT_THROW(Stmt(*db_, kSql).Bind(1, 9).Run(), SqliteError);
  Stmt(*db_, kSql).Bind(1, 9).Bind(2, "nine").Run();
  Stmt read(*db_, "SELECT y FROM t WHERE x = 9");
  ASSERT_TRUE(read.Step());
  EXPECT_EQ(read.Text(0), "nine");
}

}  // namespace
}  // namespace ts::store::sqlite
