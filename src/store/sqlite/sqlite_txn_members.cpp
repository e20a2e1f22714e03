// SqliteTxn: organisations, users, API keys, sessions and operating rules.
#include "store/sqlite/sqlite_txn.hpp"

#include "store/sqlite/rows.hpp"

namespace ts::store::sqlite {

std::optional<model::Organisation> SqliteTxn::OrganisationById(int64_t id) {
  Stmt s(db_,
         std::string("SELECT ") + std::string(kOrgColumns) + " FROM organisations WHERE id = ?");
  s.Bind(1, id);
  if (!s.Step()) return std::nullopt;
  return ReadOrg(s);
}

std::optional<model::Organisation> SqliteTxn::OrganisationByName(const std::string& name) {
  Stmt s(db_,
         std::string("SELECT ") + std::string(kOrgColumns) + " FROM organisations WHERE name = ?");
  s.Bind(1, name);
  if (!s.Step()) return std::nullopt;
  return ReadOrg(s);
}

std::vector<model::Organisation> SqliteTxn::Organisations() {
  Stmt s(db_,
         std::string("SELECT ") + std::string(kOrgColumns) + " FROM organisations ORDER BY name");
  std::vector<model::Organisation> out;
  while (s.Step()) out.push_back(ReadOrg(s));
  return out;
}

std::optional<model::User> SqliteTxn::UserById(int64_t id) {
  Stmt s(db_, std::string("SELECT ") + std::string(kUserColumns) + " FROM users u WHERE u.id = ?");
  s.Bind(1, id);
  if (!s.Step()) return std::nullopt;
  return ReadUser(s);
}

std::optional<model::User> SqliteTxn::UserByEmail(const std::string& email) {
  Stmt s(db_,
         std::string("SELECT ") + std::string(kUserColumns) + " FROM users u WHERE u.email = ?");
  s.Bind(1, email);
  if (!s.Step()) return std::nullopt;
  return ReadUser(s);
}

std::vector<model::User> SqliteTxn::Users(std::optional<int64_t> org_id) {
  Stmt s(db_, std::string("SELECT ") + std::string(kUserColumns) +
                  " FROM users u WHERE ?1 IS NULL OR u.org_id = ?1 ORDER BY u.email");
  s.Bind(1, org_id);
  std::vector<model::User> out;
  while (s.Step()) out.push_back(ReadUser(s));
  return out;
}

std::optional<std::string> SqliteTxn::PasswordHash(int64_t user_id) {
  Stmt s(db_, "SELECT password_hash FROM users WHERE id = ?");
  s.Bind(1, user_id);
  if (!s.Step()) return std::nullopt;
  return s.Text(0);
}

std::optional<ApiKeyRecord> SqliteTxn::ApiKeyBySecretHash(const std::string& hash) {
  Stmt s(db_, std::string("SELECT ") + std::string(kKeyColumns) + ", " + std::string(kUserColumns) +
                  " FROM api_keys k JOIN users u ON u.id = k.user_id WHERE k.secret_hash = ?");
  s.Bind(1, hash);
  if (!s.Step()) return std::nullopt;
  return ApiKeyRecord{ReadKey(s), ReadUser(s, 7)};
}

std::vector<model::ApiKey> SqliteTxn::ApiKeys(int64_t user_id) {
  Stmt s(db_, std::string("SELECT ") + std::string(kKeyColumns) +
                  " FROM api_keys k WHERE k.user_id = ? ORDER BY k.id");
  s.Bind(1, user_id);
  std::vector<model::ApiKey> out;
  while (s.Step()) out.push_back(ReadKey(s));
  return out;
}

std::optional<SessionRecord> SqliteTxn::SessionByTokenHash(const std::string& hash) {
  Stmt s(db_,
         "SELECT token_hash, user_id, csrf_token, created, expires FROM sessions WHERE token_hash "
         "= ?");
  s.Bind(1, hash);
  if (!s.Step()) return std::nullopt;
  return SessionRecord{s.Text(0), s.Int(1), s.Text(2), s.Text(3), s.Text(4)};
}

std::optional<model::RulesVersion> SqliteTxn::CurrentRules() {
  Stmt s(db_, "SELECT version, text, created, created_by FROM rules ORDER BY version DESC LIMIT 1");
  if (!s.Step()) return std::nullopt;
  return model::RulesVersion{static_cast<int>(s.Int(0)), s.Text(1), s.Text(2), s.Int(3)};
}

std::vector<model::RulesVersion> SqliteTxn::RulesVersions() {
  Stmt s(db_, "SELECT version, text, created, created_by FROM rules ORDER BY version DESC");
  std::vector<model::RulesVersion> out;
  while (s.Step()) out.push_back({static_cast<int>(s.Int(0)), s.Text(1), s.Text(2), s.Int(3)});
  return out;
}

int64_t SqliteTxn::InsertOrganisation(const model::Organisation& o) {
  Stmt(
      db_,
      "INSERT INTO organisations(name, sector, sub_sector, membership, created) VALUES (?,?,?,?,?)")
      .Bind(1, o.name)
      .Bind(2, o.sector)
      .Bind(3, o.sub_sector)
      .Bind(4, model::MembershipName(o.membership))
      .Bind(5, o.created)
      .Run();
  return db_.LastInsertId();
}

void SqliteTxn::UpdateOrganisation(const model::Organisation& o) {
  Stmt(db_,
       "UPDATE organisations SET name = ?, sector = ?, sub_sector = ?, membership = ? WHERE id = ?")
      .Bind(1, o.name)
      .Bind(2, o.sector)
      .Bind(3, o.sub_sector)
      .Bind(4, model::MembershipName(o.membership))
      .Bind(5, o.id)
      .Run();
}

int64_t SqliteTxn::InsertUser(const model::User& u, const std::string& password_hash) {
  Stmt(db_,
       "INSERT INTO users(org_id, email, display_name, role, password_hash, disabled, "
       "accepted_rules_version, created) VALUES (?,?,?,?,?,?,?,?)")
      .Bind(1, u.org_id)
      .Bind(2, u.email)
      .Bind(3, u.display_name)
      .Bind(4, model::RoleName(u.role))
      .Bind(5, password_hash)
      .Bind(6, static_cast<int64_t>(u.disabled))
      .Bind(7, u.accepted_rules_version)
      .Bind(8, u.created)
      .Run();
  return db_.LastInsertId();
}

void SqliteTxn::UpdateUser(const model::User& u) {
  Stmt(db_, "UPDATE users SET org_id = ?, display_name = ?, role = ?, disabled = ? WHERE id = ?")
      .Bind(1, u.org_id)
      .Bind(2, u.display_name)
      .Bind(3, model::RoleName(u.role))
      .Bind(4, static_cast<int64_t>(u.disabled))
      .Bind(5, u.id)
      .Run();
}

void SqliteTxn::SetPasswordHash(int64_t user_id, const std::string& password_hash) {
  Stmt(db_, "UPDATE users SET password_hash = ? WHERE id = ?")
      .Bind(1, password_hash)
      .Bind(2, user_id)
      .Run();
}

int64_t SqliteTxn::InsertApiKey(const model::ApiKey& k, const std::string& secret_hash) {
  Stmt(db_, "INSERT INTO api_keys(user_id, name, prefix, secret_hash, created) VALUES (?,?,?,?,?)")
      .Bind(1, k.user_id)
      .Bind(2, k.name)
      .Bind(3, k.prefix)
      .Bind(4, secret_hash)
      .Bind(5, k.created)
      .Run();
  return db_.LastInsertId();
}

void SqliteTxn::RevokeApiKey(int64_t key_id) {
  Stmt(db_, "UPDATE api_keys SET revoked = 1 WHERE id = ?").Bind(1, key_id).Run();
}

void SqliteTxn::TouchApiKey(int64_t key_id, const std::string& time) {
  Stmt(db_, "UPDATE api_keys SET last_used = ? WHERE id = ?").Bind(1, time).Bind(2, key_id).Run();
}

void SqliteTxn::InsertSession(const SessionRecord& r) {
  Stmt(db_,
       "INSERT INTO sessions(token_hash, user_id, csrf_token, created, expires) VALUES (?,?,?,?,?)")
      .Bind(1, r.token_hash)
      .Bind(2, r.user_id)
      .Bind(3, r.csrf_token)
      .Bind(4, r.created)
      .Bind(5, r.expires)
      .Run();
}

void SqliteTxn::DeleteSession(const std::string& token_hash) {
  Stmt(db_, "DELETE FROM sessions WHERE token_hash = ?").Bind(1, token_hash).Run();
}

void SqliteTxn::DeleteSessionsOfUser(int64_t user_id) {
  Stmt(db_, "DELETE FROM sessions WHERE user_id = ?").Bind(1, user_id).Run();
}

void SqliteTxn::DeleteExpiredSessions(const std::string& now) {
  Stmt(db_, "DELETE FROM sessions WHERE expires < ?").Bind(1, now).Run();
}

void SqliteTxn::InsertRules(const model::RulesVersion& r) {
  Stmt(db_, "INSERT INTO rules(version, text, created, created_by) VALUES (?,?,?,?)")
      .Bind(1, r.version)
      .Bind(2, r.text)
      .Bind(3, r.created)
      .Bind(4, r.created_by_user_id)
      .Run();
}

void SqliteTxn::RecordRulesAcceptance(int64_t user_id, int version, const std::string& time) {
  Stmt(db_, "INSERT OR IGNORE INTO rules_acceptances(user_id, version, accepted) VALUES (?,?,?)")
      .Bind(1, user_id)
      .Bind(2, version)
      .Bind(3, time)
      .Run();
  Stmt(db_, "UPDATE users SET accepted_rules_version = max(accepted_rules_version, ?) WHERE id = ?")
      .Bind(1, version)
      .Bind(2, user_id)
      .Run();
}

}  // namespace ts::store::sqlite
