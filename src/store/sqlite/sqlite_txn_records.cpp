// SqliteTxn: consent requests, sightings, uses and the audit log.
#include "store/sqlite/sqlite_txn.hpp"

#include "store/sqlite/rows.hpp"

namespace ts::store::sqlite {

std::optional<model::ConsentRequest> SqliteTxn::ConsentRequestById(const std::string& id) {
  Stmt s(db_, std::string("SELECT ") + std::string(kConsentColumns) +
                  " FROM consent_requests WHERE id = ?");
  s.Bind(1, id);
  if (!s.Step()) return std::nullopt;
  return ReadConsent(s);
}

std::vector<model::ConsentRequest> SqliteTxn::ConsentRequests(
    int64_t org_id, std::optional<model::ConsentState> state) {
  Stmt s(db_, std::string("SELECT ") + std::string(kConsentColumns) +
                  " FROM consent_requests WHERE (provider_org_id = ?1 OR requester_org_id = ?1)"
                  " AND (?2 IS NULL OR state = ?2) ORDER BY created DESC");
  s.Bind(1, org_id);
  state ? s.Bind(2, model::ConsentStateName(*state)) : s.BindNull(2);
  std::vector<model::ConsentRequest> out;
  while (s.Step()) out.push_back(ReadConsent(s));
  return out;
}

std::vector<model::Sighting> SqliteTxn::Sightings(const std::string& indicator_id) {
  Stmt s(db_,
         "SELECT s.id, i.id, s.org_id, s.first_seen, s.last_seen, s.count, s.share_identity, "
         "s.terminals, s.source, s.created FROM sightings s JOIN indicators i ON i.rid = "
         "s.indicator_rid "
         "WHERE i.id = ? ORDER BY s.created, s.id");
  s.Bind(1, indicator_id);
  std::vector<model::Sighting> out;
  while (s.Step())
    out.push_back({s.Text(0), s.Text(1), s.Int(2), s.Text(3), s.Text(4), s.Int(5), s.Int(6) != 0,
                   s.Text(7), s.Text(8), s.Text(9)});
  return out;
}

std::vector<UseRow> SqliteTxn::Uses(const access::Scope& scope, const UseFilter& f) {
  Stmt s(
      db_,
      std::string(
          "SELECT u.id, e.id, u.org_id, u.user_id, u.action, u.comment, u.share_identity, "
          "u.created, e.title, e.provider_org_id, o.name FROM event_uses u "
          "JOIN events e ON e.rid = u.event_rid JOIN organisations o ON o.id = e.provider_org_id "
          "WHERE ") +
          std::string(kEventVisible) +
          " AND (?4 IS NULL OR u.created >= ?4) AND (?5 IS NULL OR u.created < ?5)"
          " AND (?6 IS NULL OR e.provider_org_id = ?6) AND (?7 IS NULL OR e.id = ?7)"
          " ORDER BY u.created, u.id");
  BindScope(s, scope);
  f.from.empty() ? s.BindNull(4) : s.Bind(4, f.from);
  f.to.empty() ? s.BindNull(5) : s.Bind(5, f.to);
  s.Bind(6, f.provider_org_id);
  f.event_id.empty() ? s.BindNull(7) : s.Bind(7, f.event_id);
  std::vector<UseRow> out;
  while (s.Step()) {
    UseRow r;
    r.use.id = s.Text(0);
    r.use.event_id = s.Text(1);
    r.use.org_id = s.Int(2);
    r.use.user_id = s.Int(3);
    r.use.action = model::ParseUseAction(s.Text(4)).value_or(model::UseAction::kDetected);
    r.use.comment = s.Text(5);
    r.use.share_identity = s.Int(6) != 0;
    r.use.created = s.Text(7);
    r.event_title = s.Text(8);
    r.provider_org_id = s.Int(9);
    r.provider_name = s.Text(10);
    out.push_back(std::move(r));
  }
  return out;
}

std::optional<model::AuditEntry> SqliteTxn::LastAuditEntry() {
  Stmt s(db_, std::string("SELECT ") + std::string(kAuditColumns) +
                  " FROM audit_log ORDER BY seq DESC LIMIT 1");
  if (!s.Step()) return std::nullopt;
  return ReadAudit(s);
}

std::vector<model::AuditEntry> SqliteTxn::AuditEntries(int64_t after_seq, int64_t limit) {
  Stmt s(db_, std::string("SELECT ") + std::string(kAuditColumns) +
                  " FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?");
  s.Bind(1, after_seq).Bind(2, limit > 0 ? limit : -1);
  std::vector<model::AuditEntry> out;
  while (s.Step()) out.push_back(ReadAudit(s));
  return out;
}

void SqliteTxn::InsertConsentRequest(const model::ConsentRequest& r) {
  Stmt(db_, std::string("INSERT INTO consent_requests(") + std::string(kConsentColumns) +
                ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
      .Bind(1, r.id)
      .Bind(2, model::ConsentKindName(r.kind))
      .Bind(3, r.event_id)
      .Bind(4, r.provider_org_id)
      .Bind(5, r.requester_org_id)
      .Bind(6, r.requester_user_id)
      .Bind(7, LevelColumn(r.from_level))
      .Bind(8, LevelColumn(r.to_level))
      .Bind(9, r.reason)
      .Bind(10, model::ConsentStateName(r.state))
      .Bind(11, r.decided_by_user_id)
      .Bind(12, r.decision_comment)
      .Bind(13, r.created)
      .Bind(14, r.decided)
      .Run();
}

void SqliteTxn::UpdateConsentRequest(const model::ConsentRequest& r) {
  Stmt(db_,
       "UPDATE consent_requests SET state = ?, decided_by = ?, decision_comment = ?, decided = ? "
       "WHERE id = ?")
      .Bind(1, model::ConsentStateName(r.state))
      .Bind(2, r.decided_by_user_id)
      .Bind(3, r.decision_comment)
      .Bind(4, r.decided)
      .Bind(5, r.id)
      .Run();
}

void SqliteTxn::InsertSighting(const model::Sighting& x) {
  Stmt(db_,
       "INSERT INTO sightings(id, indicator_rid, org_id, first_seen, last_seen, count, "
       "share_identity, "
       "terminals, source, created) SELECT ?, rid, ?, ?, ?, ?, ?, ?, ?, ? FROM indicators WHERE id "
       "= ?")
      .Bind(1, x.id)
      .Bind(2, x.org_id)
      .Bind(3, x.first_seen)
      .Bind(4, x.last_seen)
      .Bind(5, x.count)
      .Bind(6, static_cast<int64_t>(x.share_identity))
      .Bind(7, x.terminals)
      .Bind(8, x.source)
      .Bind(9, x.created)
      .Bind(10, x.indicator_id)
      .Run();
}

void SqliteTxn::InsertEventUse(const model::EventUse& u) {
  Stmt(db_,
       "INSERT INTO event_uses(id, event_rid, org_id, user_id, action, comment, share_identity, "
       "created) "
       "SELECT ?, rid, ?, ?, ?, ?, ?, ? FROM events WHERE id = ?")
      .Bind(1, u.id)
      .Bind(2, u.org_id)
      .Bind(3, u.user_id)
      .Bind(4, model::UseActionName(u.action))
      .Bind(5, u.comment)
      .Bind(6, static_cast<int64_t>(u.share_identity))
      .Bind(7, u.created)
      .Bind(8, u.event_id)
      .Run();
}

void SqliteTxn::AppendAudit(const model::AuditEntry& a) {
  Stmt(db_, std::string("INSERT INTO audit_log(") + std::string(kAuditColumns) +
                ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")
      .Bind(1, a.seq)
      .Bind(2, a.time)
      .Bind(3, a.user_id)
      .Bind(4, a.org_id)
      .Bind(5, a.actor)
      .Bind(6, a.action)
      .Bind(7, a.object_type)
      .Bind(8, a.object_id)
      .Bind(9, a.address)
      .Bind(10, a.detail)
      .Bind(11, a.prev_hash)
      .Bind(12, a.hash)
      .Run();
}

}  // namespace ts::store::sqlite
