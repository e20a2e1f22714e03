// Versioned schema migrations of the SQLite engine. Each migration runs once,
// in order, inside one transaction with its record in schema_migrations, so
// a crash mid-way leaves the previous version intact.
#pragma once

#include "store/sqlite/connection.hpp"

namespace ts::store::sqlite {

// Applies every migration newer than the database's version.
void Migrate(Db& db);

}  // namespace ts::store::sqlite
