// SqliteTxn: samples, their submissions, YARA rules and matches, filtered
// by scope with the same rule as events (a submission or rule is visible to
// its provider, and to others when its level reaches them).
#include <cmath>

#include "store/sqlite/rows.hpp"
#include "store/sqlite/sqlite_txn.hpp"

namespace ts::store::sqlite {
namespace {

// The visibility rule of access::CanSeeSample / CanSeeYaraRule for a table
// alias; binds ?1..?3 like kEventVisible.
std::string Visible(std::string_view alias) {
  std::string a(alias);
  return "(?1 OR " + a + ".provider_org_id = ?2 OR " + a + ".level >= ?3)";
}

constexpr std::string_view kContentColumns =
    "c.sha256, c.md5, c.sha1, c.sha512, c.ssdeep, c.tlsh, c.size, c.kind, c.mime, c.description, "
    "c.entropy_milli";

constexpr std::string_view kSubmissionColumns =
    "s.id, s.sha256, s.provider_org_id, s.submitter_user_id, s.level, s.name, s.event_id, "
    "COALESCE(s.parent_id, ''), s.path, s.created, o.name";

constexpr std::string_view kRuleColumns =
    "r.id, r.name, r.text, r.level, r.provider_org_id, r.author_user_id, r.version, r.created, "
    "r.modified, o.name";

constexpr char kSeparator = '\x1f';

model::SampleContent ReadContent(const Stmt& s) {
  model::SampleContent c;
  c.sha256 = s.Text(0);
  c.md5 = s.Text(1);
  c.sha1 = s.Text(2);
  c.sha512 = s.Text(3);
  c.ssdeep = s.Text(4);
  c.tlsh = s.Text(5);
  c.size = s.Int(6);
  c.kind = s.Text(7);
  c.mime = s.Text(8);
  c.description = s.Text(9);
  c.entropy = static_cast<double>(s.Int(10)) / 1000.0;
  return c;
}

model::SampleSubmission ReadSubmission(const Stmt& s) {
  model::SampleSubmission m;
  m.id = s.Text(0);
  m.sha256 = s.Text(1);
  m.provider_org_id = s.Int(2);
  m.submitter_user_id = s.Int(3);
  m.level = static_cast<model::Level>(s.Int(4));
  m.name = s.Text(5);
  m.event_id = s.Text(6);
  m.parent_id = s.Text(7);
  m.path = s.Text(8);
  m.created = s.Text(9);
  m.provider_org_name = s.Text(10);
  return m;
}

model::YaraRule ReadRule(const Stmt& s) {
  model::YaraRule r;
  r.id = s.Text(0);
  r.name = s.Text(1);
  r.text = s.Text(2);
  r.level = static_cast<model::Level>(s.Int(3));
  r.provider_org_id = s.Int(4);
  r.author_user_id = s.Int(5);
  r.version = static_cast<int>(s.Int(6));
  r.created = s.Text(7);
  r.modified = s.Text(8);
  r.provider_org_name = s.Text(9);
  return r;
}

std::vector<std::string> Split(const std::string& joined) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < joined.size()) {
    auto end = joined.find(kSeparator, start);
    if (end == std::string::npos) end = joined.size();
    out.push_back(joined.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// A LIKE pattern matching values that start with `text`.
std::string PrefixPattern(std::string_view text) {
  std::string p = LikePattern(text);
  p.pop_back();  // the trailing % stays; drop the leading one
  return p.substr(1) + "%";
}

std::vector<SampleLink> ReadLinks(Stmt& s) {
  std::vector<SampleLink> links;
  while (s.Step()) {
    SampleLink l;
    l.sha256 = s.Text(0);
    l.path = s.Text(1);
    l.name = s.Text(2);
    l.level = static_cast<model::Level>(s.Int(3));
    l.kind = s.Text(4);
    l.size = s.Int(5);
    links.push_back(std::move(l));
  }
  return links;
}

}  // namespace

std::optional<model::SampleContent> SqliteTxn::SampleBySha256(const access::Scope& scope,
                                                              const std::string& sha256) {
  Stmt s(db_, "SELECT " + std::string(kContentColumns) +
                  ", c.analysis FROM samples c WHERE c.sha256 = ?4 AND EXISTS (SELECT 1 FROM "
                  "sample_submissions s WHERE s.sha256 = c.sha256 AND " +
                  Visible("s") + ")");
  BindScope(s, scope);
  s.Bind(4, sha256);
  if (!s.Step()) return std::nullopt;
  auto c = ReadContent(s);
  c.analysis = s.Text(11);
  return c;
}

std::vector<model::SampleSubmission> SqliteTxn::SampleSubmissions(const access::Scope& scope,
                                                                  const std::string& sha256) {
  Stmt s(db_, "SELECT " + std::string(kSubmissionColumns) +
                  " FROM sample_submissions s JOIN organisations o ON o.id = s.provider_org_id "
                  "WHERE s.sha256 = ?4 AND " +
                  Visible("s") + " ORDER BY s.created, s.rid");
  BindScope(s, scope);
  s.Bind(4, sha256);
  std::vector<model::SampleSubmission> out;
  while (s.Step()) out.push_back(ReadSubmission(s));
  return out;
}

Page<SampleRow> SqliteTxn::Samples(const access::Scope& scope, const SampleFilter& f) {
  const std::string vis = Visible("s");
  const std::string visible_of_c =
      " FROM sample_submissions s WHERE s.sha256 = c.sha256 AND " + vis;
  const std::string where =
      " FROM samples c WHERE EXISTS (SELECT 1" + visible_of_c +
      " AND (?4 IS NULL OR s.level = ?4))"
      " AND (?5 IS NULL OR c.kind = ?5)"
      " AND (?6 IS NULL OR EXISTS (SELECT 1 FROM yara_matches m JOIN yara_rules r ON r.id = "
      "m.rule_id WHERE m.sha256 = c.sha256 AND " +
      Visible("r") +
      " AND 'yara:' || m.identifier = ?6))"
      " AND (?7 IS NULL OR c.sha256 LIKE ?8 ESCAPE '\\' OR c.md5 LIKE ?8 ESCAPE '\\'"
      " OR c.sha1 LIKE ?8 ESCAPE '\\' OR EXISTS (SELECT 1" +
      visible_of_c + " AND s.name LIKE ?7 ESCAPE '\\'))";
  auto bind = [&](Stmt& s) {
    BindScope(s, scope);
    s.Bind(4, LevelColumn(f.level));
    f.kind.empty() ? s.BindNull(5) : s.Bind(5, f.kind);
    f.tag.empty() ? s.BindNull(6) : s.Bind(6, f.tag);
    if (f.text.empty()) {
      s.BindNull(7).BindNull(8);
    } else {
      s.Bind(7, LikePattern(f.text)).Bind(8, PrefixPattern(f.text));
    }
  };
  Page<SampleRow> page;
  {
    Stmt s(db_, "SELECT count(*)" + where);
    bind(s);
    if (s.Step()) page.total = s.Int(0);
  }
  Stmt s(db_, "SELECT " + std::string(kContentColumns) + ", (SELECT max(s.level)" + visible_of_c +
                  "), (SELECT group_concat(name, char(31)) FROM (SELECT DISTINCT s.name" +
                  visible_of_c + " AND s.name != '' ORDER BY s.name)), (SELECT min(s.created)" +
                  visible_of_c + "), (SELECT max(s.created)" + visible_of_c +
                  ") AS last_seen, (SELECT min(s.parent_id IS NOT NULL)" + visible_of_c + ")" +
                  where + " ORDER BY last_seen DESC, c.sha256 LIMIT ?9 OFFSET ?10");
  bind(s);
  s.Bind(9, f.limit).Bind(10, f.offset);
  while (s.Step()) {
    SampleRow row;
    row.content = ReadContent(s);
    row.level = static_cast<model::Level>(s.Int(11));
    row.names = Split(s.Text(12));
    row.first_seen = s.Text(13);
    row.last_seen = s.Text(14);
    row.is_member = s.Int(15) != 0;
    page.items.push_back(std::move(row));
  }
  return page;
}

std::vector<SampleLink> SqliteTxn::SampleChildren(const access::Scope& scope,
                                                  const std::string& sha256) {
  Stmt s(db_,
         "SELECT s.sha256, s.path, s.name, max(s.level), c.kind, c.size FROM sample_submissions p "
         "JOIN sample_submissions s ON s.parent_id = p.id JOIN samples c ON c.sha256 = s.sha256 "
         "WHERE p.sha256 = ?4 AND " +
             Visible("p") + " AND " + Visible("s") +
             " GROUP BY s.sha256, s.path ORDER BY s.path, s.sha256");
  BindScope(s, scope);
  s.Bind(4, sha256);
  return ReadLinks(s);
}

std::vector<SampleLink> SqliteTxn::SampleParents(const access::Scope& scope,
                                                 const std::string& sha256) {
  Stmt s(db_,
         "SELECT p.sha256, s.path, p.name, max(p.level), c.kind, c.size FROM sample_submissions s "
         "JOIN sample_submissions p ON p.id = s.parent_id JOIN samples c ON c.sha256 = p.sha256 "
         "WHERE s.sha256 = ?4 AND " +
             Visible("p") + " AND " + Visible("s") +
             " GROUP BY p.sha256, s.path ORDER BY p.sha256, s.path");
  BindScope(s, scope);
  s.Bind(4, sha256);
  return ReadLinks(s);
}

std::vector<model::YaraMatch> SqliteTxn::YaraMatches(const access::Scope& scope,
                                                     const std::string& sha256) {
  Stmt s(db_,
         "SELECT m.rule_id, r.name, m.identifier, m.sha256, m.created FROM yara_matches m "
         "JOIN yara_rules r ON r.id = m.rule_id WHERE m.sha256 = ?4 AND " +
             Visible("r") + " ORDER BY m.identifier, r.name");
  BindScope(s, scope);
  s.Bind(4, sha256);
  std::vector<model::YaraMatch> out;
  while (s.Step()) {
    model::YaraMatch m;
    m.rule_id = s.Text(0);
    m.rule_name = s.Text(1);
    m.identifier = s.Text(2);
    m.sha256 = s.Text(3);
    m.created = s.Text(4);
    out.push_back(std::move(m));
  }
  return out;
}

std::optional<model::YaraRule> SqliteTxn::YaraRuleById(const access::Scope& scope,
                                                       const std::string& id) {
  Stmt s(db_, "SELECT " + std::string(kRuleColumns) +
                  " FROM yara_rules r JOIN organisations o ON o.id = r.provider_org_id "
                  "WHERE r.id = ?4 AND " +
                  Visible("r"));
  BindScope(s, scope);
  s.Bind(4, id);
  if (!s.Step()) return std::nullopt;
  return ReadRule(s);
}

std::vector<model::YaraRule> SqliteTxn::YaraRules(const access::Scope& scope) {
  Stmt s(db_, "SELECT " + std::string(kRuleColumns) +
                  " FROM yara_rules r JOIN organisations o ON o.id = r.provider_org_id WHERE " +
                  Visible("r") + " ORDER BY r.name COLLATE NOCASE, r.rid");
  BindScope(s, scope);
  std::vector<model::YaraRule> out;
  while (s.Step()) out.push_back(ReadRule(s));
  return out;
}

std::vector<model::YaraRule> SqliteTxn::YaraRulesForScan() {
  Stmt s(db_, "SELECT " + std::string(kRuleColumns) +
                  " FROM yara_rules r JOIN organisations o ON o.id = r.provider_org_id "
                  "ORDER BY r.rid");
  std::vector<model::YaraRule> out;
  while (s.Step()) out.push_back(ReadRule(s));
  return out;
}

std::optional<model::SampleSubmission> SqliteTxn::TopSubmission(int64_t org_id,
                                                                const std::string& sha256) {
  Stmt s(db_, "SELECT " + std::string(kSubmissionColumns) +
                  " FROM sample_submissions s JOIN organisations o ON o.id = s.provider_org_id "
                  "WHERE s.sha256 = ? AND s.provider_org_id = ? AND s.parent_id IS NULL");
  s.Bind(1, sha256).Bind(2, org_id);
  if (!s.Step()) return std::nullopt;
  return ReadSubmission(s);
}

std::vector<std::string> SqliteTxn::SampleSha256s(const access::Scope& scope) {
  Stmt s(db_, "SELECT DISTINCT s.sha256 FROM sample_submissions s WHERE " + Visible("s") +
                  " ORDER BY s.sha256");
  BindScope(s, scope);
  std::vector<std::string> out;
  while (s.Step()) out.push_back(s.Text(0));
  return out;
}

void SqliteTxn::InsertSampleContent(const model::SampleContent& c) {
  Stmt(db_,
       "INSERT OR IGNORE INTO samples(sha256, md5, sha1, sha512, ssdeep, tlsh, size, kind, mime, "
       "description, entropy_milli, analysis, created) "
       "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,strftime('%Y-%m-%dT%H:%M:%fZ','now'))")
      .Bind(1, c.sha256)
      .Bind(2, c.md5)
      .Bind(3, c.sha1)
      .Bind(4, c.sha512)
      .Bind(5, c.ssdeep)
      .Bind(6, c.tlsh)
      .Bind(7, c.size)
      .Bind(8, c.kind)
      .Bind(9, c.mime)
      .Bind(10, c.description)
      .Bind(11, static_cast<int64_t>(std::llround(c.entropy * 1000.0)))
      .Bind(12, c.analysis)
      .Run();
}

void SqliteTxn::InsertSampleSubmission(const model::SampleSubmission& m) {
  Stmt s(db_,
         "INSERT INTO sample_submissions(id, sha256, provider_org_id, submitter_user_id, level, "
         "name, event_id, parent_id, path, created) VALUES (?,?,?,?,?,?,?,?,?,?)");
  s.Bind(1, m.id)
      .Bind(2, m.sha256)
      .Bind(3, m.provider_org_id)
      .Bind(4, m.submitter_user_id)
      .Bind(5, static_cast<int64_t>(m.level))
      .Bind(6, m.name)
      .Bind(7, m.event_id);
  m.parent_id.empty() ? s.BindNull(8) : s.Bind(8, m.parent_id);
  s.Bind(9, m.path).Bind(10, m.created).Run();
}

void SqliteTxn::InsertYaraRule(const model::YaraRule& r) {
  Stmt(db_,
       "INSERT INTO yara_rules(id, name, text, level, provider_org_id, author_user_id, version, "
       "created, modified) VALUES (?,?,?,?,?,?,?,?,?)")
      .Bind(1, r.id)
      .Bind(2, r.name)
      .Bind(3, r.text)
      .Bind(4, static_cast<int64_t>(r.level))
      .Bind(5, r.provider_org_id)
      .Bind(6, r.author_user_id)
      .Bind(7, r.version)
      .Bind(8, r.created)
      .Bind(9, r.modified)
      .Run();
}

void SqliteTxn::UpdateYaraRule(const model::YaraRule& r) {
  Stmt(db_,
       "UPDATE yara_rules SET name = ?, text = ?, level = ?, version = ?, modified = ? "
       "WHERE id = ?")
      .Bind(1, r.name)
      .Bind(2, r.text)
      .Bind(3, static_cast<int64_t>(r.level))
      .Bind(4, r.version)
      .Bind(5, r.modified)
      .Bind(6, r.id)
      .Run();
}

void SqliteTxn::DeleteYaraRule(const std::string& id) {
  DeleteYaraMatchesOfRule(id);
  Stmt(db_, "DELETE FROM yara_rules WHERE id = ?").Bind(1, id).Run();
}

void SqliteTxn::InsertYaraMatch(const model::YaraMatch& m) {
  Stmt(db_,
       "INSERT OR IGNORE INTO yara_matches(rule_id, identifier, sha256, created) VALUES (?,?,?,?)")
      .Bind(1, m.rule_id)
      .Bind(2, m.identifier)
      .Bind(3, m.sha256)
      .Bind(4, m.created)
      .Run();
}

void SqliteTxn::DeleteYaraMatchesOfRule(const std::string& rule_id) {
  Stmt(db_, "DELETE FROM yara_matches WHERE rule_id = ?").Bind(1, rule_id).Run();
}

}  // namespace ts::store::sqlite
