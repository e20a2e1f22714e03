// SqliteTxn: events, their tags and indicators, filtered by scope.
#include "store/sqlite/sqlite_txn.hpp"

#include <nlohmann/json.hpp>

#include "store/sqlite/rows.hpp"

namespace ts::store::sqlite {
namespace {

using model::Level;

std::string_view OrderBy(EventSort sort) {
  switch (sort) {
    case EventSort::kModifiedDesc:
      return "e.modified DESC, e.id";
    case EventSort::kModifiedAsc:
      return "e.modified ASC, e.id";
    case EventSort::kCreatedDesc:
      return "e.created DESC, e.id";
    case EventSort::kCreatedAsc:
      return "e.created ASC, e.id";
    case EventSort::kTitle:
      return "e.title COLLATE NOCASE, e.id";
    case EventSort::kLevel:
      return "e.level, e.modified DESC, e.id";
  }
  return "e.modified DESC, e.id";
}

}  // namespace

std::optional<model::Event> SqliteTxn::EventById(const access::Scope& scope,
                                                 const std::string& id) {
  Stmt s(
      db_,
      std::string("SELECT ") + std::string(kEventColumns) +
          " FROM events e JOIN organisations o ON o.id = e.provider_org_id WHERE e.id = ?4 AND " +
          std::string(kEventVisible));
  BindScope(s, scope);
  s.Bind(4, id);
  if (!s.Step()) return std::nullopt;
  return ReadEvent(s);
}

Page<model::Event> SqliteTxn::Events(const access::Scope& scope, const EventFilter& f) {
  std::string where =
      std::string(" FROM events e JOIN organisations o ON o.id = e.provider_org_id WHERE ") +
      std::string(kEventVisible) +
      " AND (?4 IS NULL OR e.level = ?4) AND (?5 IS NULL OR e.category = ?5)"
      " AND (?6 IS NULL OR e.timing = ?6) AND (?7 IS NULL OR e.status = ?7)"
      " AND (?8 IS NULL OR e.provider_org_id = ?8)"
      " AND (?9 IS NULL OR EXISTS (SELECT 1 FROM event_tags t WHERE t.event_rid = e.rid"
      " AND t.tag = ?9))"
      " AND (?10 IS NULL OR e.title LIKE ?10 ESCAPE '\\' OR e.description LIKE ?10 ESCAPE '\\')";
  auto bind = [&](Stmt& s) {
    BindScope(s, scope);
    s.Bind(4, LevelColumn(f.level));
    f.category ? s.Bind(5, model::CategoryName(*f.category)) : s.BindNull(5);
    f.timing ? s.Bind(6, model::TimingName(*f.timing)) : s.BindNull(6);
    f.status ? s.Bind(7, model::EventStatusName(*f.status)) : s.BindNull(7);
    s.Bind(8, f.provider_org_id);
    f.tag.empty() ? s.BindNull(9) : s.Bind(9, f.tag);
    f.text.empty() ? s.BindNull(10) : s.Bind(10, LikePattern(f.text));
  };
  Page<model::Event> page;
  {
    Stmt s(db_, "SELECT count(*)" + where);
    bind(s);
    if (s.Step()) page.total = s.Int(0);
  }
  Stmt s(db_, std::string("SELECT ") + std::string(kEventColumns) + where + " ORDER BY " +
                  std::string(OrderBy(f.sort)) + " LIMIT ?11 OFFSET ?12");
  bind(s);
  s.Bind(11, f.limit).Bind(12, f.offset);
  while (s.Step()) page.items.push_back(ReadEvent(s));
  return page;
}

std::optional<model::Indicator> SqliteTxn::IndicatorById(const access::Scope& scope,
                                                         const std::string& id) {
  Stmt s(db_, std::string("SELECT ") + std::string(kIndicatorColumns) +
                  " FROM indicators i JOIN events e ON e.rid = i.event_rid WHERE i.id = ?4 AND " +
                  std::string(kEventVisible) + " AND " + std::string(kIndicatorVisible));
  BindScope(s, scope);
  s.Bind(4, id);
  if (!s.Step()) return std::nullopt;
  return ReadIndicator(s);
}

Page<model::Indicator> SqliteTxn::Indicators(const access::Scope& scope, const IndicatorFilter& f) {
  std::string where =
      std::string(" FROM indicators i JOIN events e ON e.rid = i.event_rid WHERE ") +
      std::string(kEventVisible) + " AND " + std::string(kIndicatorVisible) +
      " AND (?4 IS NULL OR e.id = ?4) AND (?5 IS NULL OR i.type = ?5)"
      " AND (?6 IS NULL OR (i.type, i.value) IN (SELECT json_extract(value, '$[0]'),"
      " json_extract(value, '$[1]') FROM json_each(?6)))"
      " AND (?7 IS NULL OR i.value LIKE ?7 ESCAPE '\\')"
      " AND (?10 IS NULL OR (CASE WHEN i.level IS NOT NULL AND i.level < e.level"
      " THEN i.level ELSE e.level END) IN (SELECT value FROM json_each(?10)))"
      " AND (?11 IS NULL OR EXISTS (SELECT 1 FROM event_tags t WHERE t.event_rid = e.rid"
      " AND t.tag = ?11))"
      " AND (?12 IS NULL OR max(i.modified, e.modified) >= ?12)";
  auto bind = [&](Stmt& s) {
    BindScope(s, scope);
    f.event_id.empty() ? s.BindNull(4) : s.Bind(4, f.event_id);
    f.type ? s.Bind(5, model::IndicatorTypeName(*f.type)) : s.BindNull(5);
    if (f.typed_values) {
      nlohmann::json pairs = nlohmann::json::array();
      for (const auto& [type, value] : *f.typed_values)
        pairs.push_back({model::IndicatorTypeName(type), value});
      s.Bind(6, pairs.dump());
    } else {
      s.BindNull(6);
    }
    f.text.empty() ? s.BindNull(7) : s.Bind(7, LikePattern(f.text));
    if (f.levels.empty()) {
      s.BindNull(10);
    } else {
      nlohmann::json levels = nlohmann::json::array();
      for (auto l : f.levels) levels.push_back(static_cast<int>(l));
      s.Bind(10, levels.dump());
    }
    f.event_tag.empty() ? s.BindNull(11) : s.Bind(11, f.event_tag);
    f.modified_since.empty() ? s.BindNull(12) : s.Bind(12, f.modified_since);
  };
  Page<model::Indicator> page;
  {
    Stmt s(db_, "SELECT count(*)" + where);
    bind(s);
    if (s.Step()) page.total = s.Int(0);
  }
  Stmt s(db_, std::string("SELECT ") + std::string(kIndicatorColumns) + where +
                  " ORDER BY i.created, i.rid LIMIT ?8 OFFSET ?9");
  bind(s);
  s.Bind(8, f.limit).Bind(9, f.offset);
  while (s.Step()) page.items.push_back(ReadIndicator(s));
  return page;
}

void SqliteTxn::ReplaceTags(const model::Event& e) {
  Stmt(db_, "DELETE FROM event_tags WHERE event_rid = (SELECT rid FROM events WHERE id = ?)")
      .Bind(1, e.id)
      .Run();
  for (const auto& tag : e.tags)
    Stmt(db_,
         "INSERT OR IGNORE INTO event_tags(event_rid, tag) SELECT rid, ? FROM events WHERE id = ?")
        .Bind(1, tag)
        .Bind(2, e.id)
        .Run();
}

void SqliteTxn::InsertEvent(const model::Event& e) {
  Stmt(db_,
       "INSERT INTO events(id, title, description, provider_org_id, submitter_org_id, "
       "submitter_user_id, level, category, timing, status, created, modified) "
       "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")
      .Bind(1, e.id)
      .Bind(2, e.title)
      .Bind(3, e.description)
      .Bind(4, e.provider_org_id)
      .Bind(5, e.submitter_org_id)
      .Bind(6, e.submitter_user_id)
      .Bind(7, static_cast<int64_t>(e.level))
      .Bind(8, model::CategoryName(e.category))
      .Bind(9, model::TimingName(e.timing))
      .Bind(10, model::EventStatusName(e.status))
      .Bind(11, e.created)
      .Bind(12, e.modified)
      .Run();
  ReplaceTags(e);
}

void SqliteTxn::UpdateEvent(const model::Event& e) {
  Stmt(db_,
       "UPDATE events SET title = ?, description = ?, level = ?, category = ?, timing = ?, "
       "status = ?, modified = ? WHERE id = ?")
      .Bind(1, e.title)
      .Bind(2, e.description)
      .Bind(3, static_cast<int64_t>(e.level))
      .Bind(4, model::CategoryName(e.category))
      .Bind(5, model::TimingName(e.timing))
      .Bind(6, model::EventStatusName(e.status))
      .Bind(7, e.modified)
      .Bind(8, e.id)
      .Run();
  ReplaceTags(e);
}

void SqliteTxn::DeleteEvent(const std::string& id) {
  Stmt(db_, "DELETE FROM events WHERE id = ?").Bind(1, id).Run();
  rid_event_id_.clear();
}

std::optional<int64_t> SqliteTxn::EventRid(const std::string& event_id) {
  if (!rid_event_id_.empty() && event_id == rid_event_id_) return rid_;
  Stmt s(db_, "SELECT rid FROM events WHERE id = ?");
  s.BindRef(1, event_id);
  if (!s.Step()) return std::nullopt;
  rid_event_id_ = event_id;
  rid_ = s.Int(0);
  return rid_;
}

bool SqliteTxn::IndicatorExists(const std::string& event_id, model::IndicatorType type,
                                const std::string& value, const std::string& except_id) {
  Stmt s(db_,
         "SELECT 1 FROM indicators i JOIN events e ON e.rid = i.event_rid "
         "WHERE e.id = ? AND i.type = ? AND i.value = ? AND i.id != ?");
  s.Bind(1, event_id).Bind(2, model::IndicatorTypeName(type)).Bind(3, value).Bind(4, except_id);
  return s.Step();
}

void SqliteTxn::InsertIndicator(const model::Indicator& i) {
  // The origin is written here only: updates keep it (it is read-only).
  static const model::IndicatorOrigin kNone;
  const model::IndicatorOrigin& origin = i.origin ? *i.origin : kNone;
  auto rid = EventRid(i.event_id);
  if (!rid) return;
  Stmt(db_,
       "INSERT INTO indicators(id, type, value, level, first_seen, last_seen, confidence, "
       "comment, created, modified, origin_object_uuid, origin_object_name, origin_relation, "
       "origin_attribute_uuid, event_rid) "
       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .BindRef(1, i.id)
      .BindRef(2, model::IndicatorTypeName(i.type))
      .BindRef(3, i.value)
      .Bind(4, LevelColumn(i.level))
      .BindRef(5, i.first_seen)
      .BindRef(6, i.last_seen)
      .Bind(7, i.confidence)
      .BindRef(8, i.comment)
      .BindRef(9, i.created)
      .BindRef(10, i.modified)
      .BindRef(11, origin.object_uuid)
      .BindRef(12, origin.object_name)
      .BindRef(13, origin.relation)
      .BindRef(14, origin.attribute_uuid)
      .Bind(15, *rid)
      .Run();
}

void SqliteTxn::UpdateIndicator(const model::Indicator& i) {
  Stmt(db_,
       "UPDATE indicators SET type = ?, value = ?, level = ?, first_seen = ?, last_seen = ?, "
       "confidence = ?, comment = ?, modified = ? WHERE id = ?")
      .Bind(1, model::IndicatorTypeName(i.type))
      .Bind(2, i.value)
      .Bind(3, LevelColumn(i.level))
      .Bind(4, i.first_seen)
      .Bind(5, i.last_seen)
      .Bind(6, i.confidence)
      .Bind(7, i.comment)
      .Bind(8, i.modified)
      .Bind(9, i.id)
      .Run();
}

void SqliteTxn::DeleteIndicator(const std::string& id) {
  Stmt(db_, "DELETE FROM indicators WHERE id = ?").Bind(1, id).Run();
}

}  // namespace ts::store::sqlite
