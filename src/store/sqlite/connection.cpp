#include "store/sqlite/connection.hpp"

#include <sqlite3.h>

#include <mutex>

namespace ts::store::sqlite {
namespace {
[[noreturn]] void Fail(sqlite3* db, int rc, std::string_view what) {
  std::string msg(what);
  msg += ": ";
  msg += db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  throw SqliteError(rc, msg);
}
// Allocation statistics take a process-wide mutex on every allocation SQLite
// makes; nothing reads them. Must precede the library's initialisation.
void ConfigureLibrary() {
  static std::once_flag once;
  std::call_once(once, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
}

}  // namespace

Db::Db(const std::string& path) {
  ConfigureLibrary();
  int rc =
      sqlite3_open_v2(path.c_str(), &db_,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg =
        "cannot open " + path + ": " + (db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc));
    sqlite3_close(db_);
    db_ = nullptr;
    throw SqliteError(rc, msg);
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, 10000);
}

Db::~Db() {
  for (auto& [sql, cached] : cache_) sqlite3_finalize(cached.stmt);
  sqlite3_close(db_);
}

void Db::Exec(std::string_view sql) {
  std::string s(sql);
  char* err = nullptr;
  int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string msg = err ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    throw SqliteError(rc, msg);
  }
}

int64_t Db::LastInsertId() const {
  return sqlite3_last_insert_rowid(db_);
}

Stmt::Stmt(Db& db, std::string_view sql) : db_(db) {
  auto it = db.cache_.find(sql);
  if (it != db.cache_.end() && !it->second.busy) {
    cached_ = &it->second;
    cached_->busy = true;
    stmt_ = cached_->stmt;
    return;
  }
  const bool keep = it == db.cache_.end() && db.cache_.size() < Db::kMaxCached;
  int rc = sqlite3_prepare_v3(db.raw(), sql.data(), static_cast<int>(sql.size()),
                              keep ? SQLITE_PREPARE_PERSISTENT : 0, &stmt_, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(stmt_);
    Fail(db.raw(), rc, "prepare");
  }
  if (keep) {
    cached_ = &db.cache_.emplace(std::string(sql), Db::Cached{stmt_, true}).first->second;
  }
}

Stmt::~Stmt() {
  if (!cached_) {
    sqlite3_finalize(stmt_);
    return;
  }
  // The statement's outcome was reported by Step; reset only readies it.
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  cached_->busy = false;
}

Stmt& Stmt::Bind(int index, int64_t value) {
  int rc = sqlite3_bind_int64(stmt_, index, value);
  if (rc != SQLITE_OK) Fail(db_.raw(), rc, "bind");
  return *this;
}

Stmt& Stmt::Bind(int index, std::string_view value) {
  int rc = sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()),
                             SQLITE_TRANSIENT);
  if (rc != SQLITE_OK) Fail(db_.raw(), rc, "bind");
  return *this;
}

Stmt& Stmt::BindRef(int index, std::string_view value) {
  int rc =
      sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_STATIC);
  if (rc != SQLITE_OK) Fail(db_.raw(), rc, "bind");
  return *this;
}

Stmt& Stmt::Bind(int index, std::optional<int64_t> value) {
  return value ? Bind(index, *value) : BindNull(index);
}

Stmt& Stmt::BindNull(int index) {
  int rc = sqlite3_bind_null(stmt_, index);
  if (rc != SQLITE_OK) Fail(db_.raw(), rc, "bind");
  return *this;
}

bool Stmt::Step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  Fail(db_.raw(), rc, "step");
}

void Stmt::Run() {
  while (Step()) {
  }
}

int64_t Stmt::Int(int column) const {
  return sqlite3_column_int64(stmt_, column);
}

std::string Stmt::Text(int column) const {
  auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)))
           : std::string();
}

bool Stmt::IsNull(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

}  // namespace ts::store::sqlite
