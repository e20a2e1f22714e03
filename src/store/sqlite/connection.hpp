// Thin RAII wrappers over the SQLite C API used by the SQLite engine only.
// Failures throw SqliteError; the engine turns them into Status at the
// transaction boundary so that no exception leaves store/.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace ts::store::sqlite {

class SqliteError : public std::runtime_error {
 public:
  SqliteError(int code, const std::string& message) : std::runtime_error(message), code_(code) {}
  int code() const { return code_; }

 private:
  int code_;
};

class Db {
 public:
  // Opens or creates the file; throws on failure.
  explicit Db(const std::string& path);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  // Runs one or more statements without results.
  void Exec(std::string_view sql);
  int64_t LastInsertId() const;
  sqlite3* raw() { return db_; }

 private:
  friend class Stmt;
  // A prepared statement kept for reuse; busy while a Stmt holds it.
  struct Cached {
    sqlite3_stmt* stmt = nullptr;
    bool busy = false;
  };
  struct SqlHash {
    using is_transparent = void;
    size_t operator()(std::string_view sql) const { return std::hash<std::string_view>{}(sql); }
  };
  // Preparing costs more than running a small statement, so each
  // connection keeps what it prepared, up to kMaxCached distinct texts.
  static constexpr size_t kMaxCached = 128;

  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, Cached, SqlHash, std::equal_to<>> cache_;
};

// One use of a statement: taken from the connection's cache (or prepared
// for this use when the cached one is in use or the cache is full), and
// reset with its bindings cleared when the Stmt goes away.
class Stmt {
 public:
  Stmt(Db& db, std::string_view sql);
  ~Stmt();
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  // Binds by 1-based index; returns *this for chaining.
  Stmt& Bind(int index, int64_t value);
  Stmt& Bind(int index, int value) { return Bind(index, static_cast<int64_t>(value)); }
  Stmt& Bind(int index, std::string_view value);
  Stmt& Bind(int index, const std::string& value) { return Bind(index, std::string_view(value)); }
  Stmt& Bind(int index, const char* value) { return Bind(index, std::string_view(value)); }
  Stmt& Bind(int index, std::optional<int64_t> value);
  // Binds without copying, for bulk inserts: the text must stay alive and
  // unchanged until the last Step, as when bound and run in one expression.
  Stmt& BindRef(int index, std::string_view value);
  Stmt& BindNull(int index);

  // Advances; true while a row is available.
  bool Step();
  // Runs a statement that returns no rows.
  void Run();

  int64_t Int(int column) const;
  std::string Text(int column) const;
  bool IsNull(int column) const;

 private:
  Db& db_;
  sqlite3_stmt* stmt_ = nullptr;
  Db::Cached* cached_ = nullptr;  // null: prepared for this use only
};

}  // namespace ts::store::sqlite
