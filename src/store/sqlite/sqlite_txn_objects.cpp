// SqliteTxn: source objects kept by imports (filtered like indicators) and
// ATT&CK reference data.
#include <sqlite3.h>

#include <nlohmann/json.hpp>

#include "store/sqlite/rows.hpp"
#include "store/sqlite/sqlite_txn.hpp"

namespace ts::store::sqlite {
namespace {

// The rule of kIndicatorVisible with the object's own level.
constexpr std::string_view kObjectVisible =
    "(?1 OR e.provider_org_id = ?2 OR e.submitter_org_id = ?2 OR s.level IS NULL OR s.level >= ?3)";

AttackRow ReadAttack(const Stmt& s) {
  AttackRow a;
  a.external_id = s.Text(0);
  a.stix_id = s.Text(1);
  a.kind = s.Text(2);
  a.name = s.Text(3);
  a.description = s.Text(4);
  auto tactics = nlohmann::json::parse(s.Text(5), nullptr, false);
  if (tactics.is_array())
    for (const auto& t : tactics)
      if (t.is_string()) a.tactics.push_back(t.get<std::string>());
  a.deprecated = s.Int(6) != 0;
  return a;
}

constexpr std::string_view kAttackColumns =
    "external_id, stix_id, kind, name, description, tactics, deprecated";

}  // namespace

std::vector<SourceObjectRow> SqliteTxn::SourceObjects(const access::Scope& scope,
                                                      const std::string& event_id) {
  Stmt s(db_,
         "SELECT e.id, s.object_id, s.type, s.modified, s.json, s.level FROM source_objects s "
         "JOIN events e ON e.rid = s.event_rid WHERE e.id = ?4 AND " +
             std::string(kEventVisible) + " AND " + std::string(kObjectVisible) +
             " ORDER BY s.rid");
  BindScope(s, scope);
  s.Bind(4, event_id);
  std::vector<SourceObjectRow> out;
  while (s.Step()) {
    SourceObjectRow r{s.Text(0), s.Text(1), s.Text(2), s.Text(3), s.Text(4), std::nullopt};
    if (!s.IsNull(5)) r.level = static_cast<model::Level>(s.Int(5));
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<std::string> SqliteTxn::EventsWithReport(const access::Scope& scope,
                                                     const std::string& report_id) {
  Stmt s(db_,
         "SELECT DISTINCT e.id FROM source_objects s JOIN events e ON e.rid = s.event_rid "
         "WHERE s.type = 'report' AND s.object_id = ?4 AND " +
             std::string(kEventVisible) + " ORDER BY e.rid");
  BindScope(s, scope);
  s.Bind(4, report_id);
  std::vector<std::string> out;
  while (s.Step()) out.push_back(s.Text(0));
  return out;
}

bool SqliteTxn::InsertSourceObject(const SourceObjectRow& r) {
  auto rid = EventRid(r.event_id);
  if (!rid) return false;
  Stmt s(db_,
         "INSERT OR IGNORE INTO source_objects(object_id, type, modified, level, json, event_rid) "
         "VALUES (?, ?, ?, ?, ?, ?)");
  s.BindRef(1, r.object_id)
      .BindRef(2, r.type)
      .BindRef(3, r.modified)
      .Bind(4, LevelColumn(r.level))
      .BindRef(5, r.json)
      .Bind(6, *rid)
      .Run();
  return sqlite3_changes(db_.raw()) > 0;
}

std::vector<AttackRow> SqliteTxn::AttackEntries(const std::string& text, int64_t limit) {
  Stmt s(db_, "SELECT " + std::string(kAttackColumns) +
                  " FROM attack_entries WHERE ?1 IS NULL OR external_id LIKE ?1 ESCAPE '\\' "
                  "OR name LIKE ?1 ESCAPE '\\' ORDER BY external_id LIMIT ?2");
  text.empty() ? s.BindNull(1) : s.Bind(1, LikePattern(text));
  s.Bind(2, limit);
  std::vector<AttackRow> out;
  while (s.Step()) out.push_back(ReadAttack(s));
  return out;
}

std::optional<AttackRow> SqliteTxn::AttackEntryById(const std::string& external_id) {
  Stmt s(db_,
         "SELECT " + std::string(kAttackColumns) + " FROM attack_entries WHERE external_id = ?");
  s.Bind(1, external_id);
  if (!s.Step()) return std::nullopt;
  return ReadAttack(s);
}

void SqliteTxn::UpsertAttackEntry(const AttackRow& a) {
  Stmt(db_,
       "INSERT INTO attack_entries(external_id, stix_id, kind, name, description, tactics, "
       "deprecated) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(external_id) DO UPDATE SET "
       "stix_id = excluded.stix_id, kind = excluded.kind, name = excluded.name, "
       "description = excluded.description, tactics = excluded.tactics, "
       "deprecated = excluded.deprecated")
      .Bind(1, a.external_id)
      .Bind(2, a.stix_id)
      .Bind(3, a.kind)
      .Bind(4, a.name)
      .Bind(5, a.description)
      .Bind(6, nlohmann::json(a.tactics).dump())
      .Bind(7, a.deprecated ? 1 : 0)
      .Run();
}

}  // namespace ts::store::sqlite
