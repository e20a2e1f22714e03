// The SQLite engine: one database file in WAL mode, one writer connection
// behind a mutex and a small pool of reader connections, so that reads run
// while a write is in progress.
#include <sqlite3.h>

#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <vector>

#include <spdlog/spdlog.h>

#include "store/sqlite/connection.hpp"
#include "store/sqlite/migrations.hpp"
#include "store/sqlite/sqlite_txn.hpp"
#include "store/store.hpp"

namespace ts::store {
namespace {

using sqlite::Db;
using sqlite::SqliteError;
using sqlite::SqliteTxn;

void Configure(Db& db, const std::string& synchronous) {
  db.Exec("PRAGMA journal_mode = WAL");
  db.Exec("PRAGMA foreign_keys = ON");
  db.Exec("PRAGMA synchronous = " + synchronous);
  db.Exec("PRAGMA temp_store = MEMORY");
}

Error ToError(const std::exception& e) {
  return Error::Internal(std::string("database: ") + e.what());
}

class SqliteStore final : public Store {
 public:
  SqliteStore(std::filesystem::path path, const SqliteOptions& options)
      : path_(std::move(path)), writer_(path_.string()) {
    Configure(writer_, options.synchronous);
    // Up to 256 MB of page cache for the writer (the default is 2 MB): a
    // large import is one transaction, and a dirty page spilled to the WAL
    // before its commit may be written, and read back, more than once.
    writer_.Exec("PRAGMA cache_size = -262144");
    sqlite::Migrate(writer_);
    for (int i = 0; i < std::max(1, options.reader_connections); ++i) {
      readers_.push_back(std::make_unique<Db>(path_.string()));
      Configure(*readers_.back(), options.synchronous);
      readers_.back()->Exec("PRAGMA query_only = ON");
      free_.push_back(readers_.back().get());
    }
  }

  Status Read(const std::function<Status(ReadTxn&)>& fn) override {
    Db* db = Acquire();
    Status result;
    try {
      db->Exec("BEGIN");
      SqliteTxn txn(*db);
      result = fn(txn);
      db->Exec("COMMIT");
    } catch (const std::exception& e) {
      Rollback(*db);
      result = ToError(e);
    }
    Release(db);
    return result;
  }

  Status Write(const std::function<Status(WriteTxn&)>& fn) override {
    std::lock_guard lock(write_mutex_);
    try {
      writer_.Exec("BEGIN IMMEDIATE");
      SqliteTxn txn(writer_);
      Status result = fn(txn);
      writer_.Exec(result.ok() ? "COMMIT" : "ROLLBACK");
      ShrinkCache(writer_);
      return result;
    } catch (const std::exception& e) {
      Rollback(writer_);
      spdlog::error("write transaction failed: {}", e.what());
      return ToError(e);
    }
  }

  int64_t DatabaseBytes() override {
    std::error_code ec;
    int64_t total = 0;
    for (const char* suffix : {"", "-wal", "-shm"}) {
      auto size = std::filesystem::file_size(path_.string() + suffix, ec);
      if (!ec) total += static_cast<int64_t>(size);
    }
    return total;
  }

  Status CheckIntegrity() override {
    std::lock_guard lock(write_mutex_);
    try {
      sqlite::Stmt s(writer_, "PRAGMA integrity_check");
      std::string problems;
      while (s.Step()) {
        if (s.Text(0) != "ok") problems += s.Text(0) + "\n";
      }
      sqlite::Stmt fk(writer_, "PRAGMA foreign_key_check");
      while (fk.Step()) problems += "foreign key violation in " + fk.Text(0) + "\n";
      if (!problems.empty()) return Error::Internal(problems);
      return {};
    } catch (const std::exception& e) {
      return ToError(e);
    }
  }

 private:
  // The page cache that a large transaction grew is given back once it is
  // over; what everyday writes use stays.
  static void ShrinkCache(Db& db) {
    constexpr int kKeepBytes = 32 << 20;
    int used = 0, highwater = 0;
    sqlite3_db_status(db.raw(), SQLITE_DBSTATUS_CACHE_USED, &used, &highwater, 0);
    if (used > kKeepBytes) sqlite3_db_release_memory(db.raw());
  }

  static void Rollback(Db& db) {
    if (!sqlite3_get_autocommit(db.raw())) {
      try {
        db.Exec("ROLLBACK");
      } catch (const std::exception&) {
        // The transaction is already gone; nothing more to undo.
      }
    }
  }

  Db* Acquire() {
    std::unique_lock lock(pool_mutex_);
    pool_cv_.wait(lock, [&] { return !free_.empty(); });
    Db* db = free_.back();
    free_.pop_back();
    return db;
  }

  void Release(Db* db) {
    {
      std::lock_guard lock(pool_mutex_);
      free_.push_back(db);
    }
    pool_cv_.notify_one();
  }

  std::filesystem::path path_;
  std::mutex write_mutex_;
  Db writer_;
  std::vector<std::unique_ptr<Db>> readers_;
  std::mutex pool_mutex_;
  std::condition_variable pool_cv_;
  std::vector<Db*> free_;
};

}  // namespace

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::filesystem::path& dir,
                                               const SqliteOptions& options) {
  if (options.synchronous != "NORMAL" && options.synchronous != "FULL")
    return Error::Invalid("sqlite synchronous must be NORMAL or FULL, not '" + options.synchronous +
                          "'");
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec)
    return Error::Internal("cannot create data directory " + dir.string() + ": " + ec.message());
  try {
    return std::unique_ptr<Store>(std::make_unique<SqliteStore>(dir / "threatshare.db", options));
  } catch (const SqliteError& e) {
    return Error::Internal(std::string("cannot open the database in ") + dir.string() + ": " +
                           e.what());
  }
}

}  // namespace ts::store
