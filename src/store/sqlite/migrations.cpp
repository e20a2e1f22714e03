#include "store/sqlite/migrations.hpp"

#include <string_view>

#include "util/time.hpp"

namespace ts::store::sqlite {
namespace {

// Append only: never edit a migration that has shipped.
constexpr std::string_view kMigrations[] = {
    // 1: organisations, users, credentials, rules, events, indicators,
    //    consent and the audit log.
    R"sql(
CREATE TABLE organisations (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  sector TEXT NOT NULL,
  sub_sector TEXT NOT NULL DEFAULT '',
  membership TEXT NOT NULL
    CHECK (membership IN ('secretariat','analyst','participant','observer','related')),
  created TEXT NOT NULL
);
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES organisations(id),
  email TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL CHECK (role IN ('admin','analyst','member','readonly')),
  password_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0,
  accepted_rules_version INTEGER NOT NULL DEFAULT 0,
  created TEXT NOT NULL
);
CREATE INDEX users_org ON users(org_id);
CREATE TABLE api_keys (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  name TEXT NOT NULL,
  prefix TEXT NOT NULL,
  secret_hash TEXT NOT NULL UNIQUE,
  created TEXT NOT NULL,
  last_used TEXT NOT NULL DEFAULT '',
  revoked INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX api_keys_user ON api_keys(user_id);
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created TEXT NOT NULL,
  expires TEXT NOT NULL
);
CREATE TABLE rules (
  version INTEGER PRIMARY KEY,
  text TEXT NOT NULL,
  created TEXT NOT NULL,
  created_by INTEGER NOT NULL
);
CREATE TABLE rules_acceptances (
  user_id INTEGER NOT NULL REFERENCES users(id),
  version INTEGER NOT NULL REFERENCES rules(version),
  accepted TEXT NOT NULL,
  PRIMARY KEY (user_id, version)
);
CREATE TABLE events (
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  provider_org_id INTEGER NOT NULL REFERENCES organisations(id),
  submitter_org_id INTEGER NOT NULL REFERENCES organisations(id),
  submitter_user_id INTEGER NOT NULL,
  level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 4),
  category TEXT NOT NULL,
  timing TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft','pending','published')),
  created TEXT NOT NULL,
  modified TEXT NOT NULL
);
CREATE INDEX events_modified ON events(modified);
CREATE INDEX events_provider ON events(provider_org_id);
CREATE TABLE event_tags (
  event_rid INTEGER NOT NULL REFERENCES events(rid) ON DELETE CASCADE,
  tag TEXT NOT NULL,
  PRIMARY KEY (event_rid, tag)
);
CREATE INDEX event_tags_tag ON event_tags(tag);
CREATE TABLE indicators (
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  event_rid INTEGER NOT NULL REFERENCES events(rid) ON DELETE CASCADE,
  type TEXT NOT NULL,
  value TEXT NOT NULL,
  level INTEGER CHECK (level IS NULL OR level BETWEEN 0 AND 4),
  first_seen TEXT NOT NULL DEFAULT '',
  last_seen TEXT NOT NULL DEFAULT '',
  confidence INTEGER NOT NULL DEFAULT -1,
  comment TEXT NOT NULL DEFAULT '',
  created TEXT NOT NULL,
  modified TEXT NOT NULL,
  UNIQUE (event_rid, type, value)
);
CREATE INDEX indicators_value ON indicators(type, value);
CREATE TABLE consent_requests (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('widen','publish')),
  event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  provider_org_id INTEGER NOT NULL REFERENCES organisations(id),
  requester_org_id INTEGER NOT NULL REFERENCES organisations(id),
  requester_user_id INTEGER NOT NULL,
  from_level INTEGER,
  to_level INTEGER,
  reason TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL CHECK (state IN ('pending','approved','rejected')),
  decided_by INTEGER NOT NULL DEFAULT 0,
  decision_comment TEXT NOT NULL DEFAULT '',
  created TEXT NOT NULL,
  decided TEXT NOT NULL DEFAULT ''
);
CREATE INDEX consent_provider ON consent_requests(provider_org_id, state);
CREATE INDEX consent_requester ON consent_requests(requester_org_id, state);
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  time TEXT NOT NULL,
  user_id INTEGER NOT NULL,
  org_id INTEGER NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  object_type TEXT NOT NULL,
  object_id TEXT NOT NULL,
  address TEXT NOT NULL,
  detail TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
)sql",
    // 2: sightings and uses reported back by members.
    R"sql(
CREATE TABLE sightings (
  id TEXT PRIMARY KEY,
  indicator_rid INTEGER NOT NULL REFERENCES indicators(rid) ON DELETE CASCADE,
  org_id INTEGER NOT NULL REFERENCES organisations(id),
  first_seen TEXT NOT NULL,
  last_seen TEXT NOT NULL,
  count INTEGER NOT NULL CHECK (count > 0),
  share_identity INTEGER NOT NULL DEFAULT 0,
  terminals TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL,
  created TEXT NOT NULL
);
CREATE INDEX sightings_indicator ON sightings(indicator_rid);
CREATE TABLE event_uses (
  id TEXT PRIMARY KEY,
  event_rid INTEGER NOT NULL REFERENCES events(rid) ON DELETE CASCADE,
  org_id INTEGER NOT NULL REFERENCES organisations(id),
  user_id INTEGER NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('blocked','detected','false_positive','not_relevant')),
  comment TEXT NOT NULL DEFAULT '',
  share_identity INTEGER NOT NULL DEFAULT 0,
  created TEXT NOT NULL
);
CREATE INDEX event_uses_event ON event_uses(event_rid);
CREATE INDEX event_uses_created ON event_uses(created);
)sql",
    // Samples: content stored once by SHA-256 (the bytes live encrypted in
    // the blob store), one submission per organisation and per archive
    // member, YARA rule files and their matches.
    R"sql(
CREATE TABLE samples (
  sha256 TEXT PRIMARY KEY,
  md5 TEXT NOT NULL,
  sha1 TEXT NOT NULL,
  sha512 TEXT NOT NULL,
  ssdeep TEXT NOT NULL DEFAULT '',
  tlsh TEXT NOT NULL DEFAULT '',
  size INTEGER NOT NULL,
  kind TEXT NOT NULL,
  mime TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  entropy_milli INTEGER NOT NULL,
  analysis TEXT NOT NULL,
  created TEXT NOT NULL
);
CREATE INDEX samples_md5 ON samples(md5);
CREATE INDEX samples_sha1 ON samples(sha1);
CREATE TABLE sample_submissions (
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  sha256 TEXT NOT NULL REFERENCES samples(sha256),
  provider_org_id INTEGER NOT NULL REFERENCES organisations(id),
  submitter_user_id INTEGER NOT NULL,
  level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 4),
  name TEXT NOT NULL DEFAULT '',
  event_id TEXT NOT NULL DEFAULT '',
  parent_id TEXT REFERENCES sample_submissions(id) ON DELETE CASCADE,
  path TEXT NOT NULL DEFAULT '',
  created TEXT NOT NULL
);
CREATE INDEX sample_submissions_sha256 ON sample_submissions(sha256);
CREATE INDEX sample_submissions_parent ON sample_submissions(parent_id);
CREATE UNIQUE INDEX sample_submissions_top ON sample_submissions(sha256, provider_org_id)
  WHERE parent_id IS NULL;
CREATE TABLE yara_rules (
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  text TEXT NOT NULL,
  level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 4),
  provider_org_id INTEGER NOT NULL REFERENCES organisations(id),
  author_user_id INTEGER NOT NULL,
  version INTEGER NOT NULL,
  created TEXT NOT NULL,
  modified TEXT NOT NULL
);
CREATE TABLE yara_matches (
  rule_id TEXT NOT NULL REFERENCES yara_rules(id) ON DELETE CASCADE,
  identifier TEXT NOT NULL,
  sha256 TEXT NOT NULL REFERENCES samples(sha256),
  created TEXT NOT NULL,
  PRIMARY KEY (rule_id, sha256, identifier)
);
CREATE INDEX yara_matches_sha256 ON yara_matches(sha256);
)sql",
    // Exchange formats: source objects kept verbatim with the event they
    // were imported into (every version), and MITRE ATT&CK reference data.
    R"sql(
CREATE TABLE source_objects (
  rid INTEGER PRIMARY KEY,
  event_rid INTEGER NOT NULL REFERENCES events(rid) ON DELETE CASCADE,
  object_id TEXT NOT NULL,
  type TEXT NOT NULL,
  modified TEXT NOT NULL,
  level INTEGER CHECK (level IS NULL OR level BETWEEN 0 AND 4),
  json TEXT NOT NULL,
  UNIQUE (event_rid, object_id, modified)
);
CREATE INDEX source_objects_object ON source_objects(object_id);
CREATE TABLE attack_entries (
  external_id TEXT PRIMARY KEY,
  stix_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('technique','tactic')),
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  tactics TEXT NOT NULL,
  deprecated INTEGER NOT NULL DEFAULT 0
);
)sql",
    // Where an imported indicator came from (model/indicator_origin.hpp).
    // Indicators imported before carried it as a mark at the start of their
    // comment, "MISP object <name>[/<relation>] <object>[/<attribute>]" then
    // ": <comment>" or "; tags: …"; a mark naming a MISP Object kept with the
    // event becomes the origin and leaves the comment. Any other text stays.
    R"sql(
ALTER TABLE indicators ADD COLUMN origin_object_uuid TEXT NOT NULL DEFAULT '';
ALTER TABLE indicators ADD COLUMN origin_object_name TEXT NOT NULL DEFAULT '';
ALTER TABLE indicators ADD COLUMN origin_relation TEXT NOT NULL DEFAULT '';
ALTER TABLE indicators ADD COLUMN origin_attribute_uuid TEXT NOT NULL DEFAULT '';
WITH marked AS (
  SELECT rid, event_rid, substr(comment, 13) AS rest FROM indicators
  WHERE substr(comment, 1, 12) = 'MISP object ' AND instr(substr(comment, 13), ' ') > 0
), split AS (
  SELECT rid, event_rid, substr(rest, 1, instr(rest, ' ') - 1) AS kind,
         substr(rest, instr(rest, ' ') + 1) AS tail FROM marked
), stop AS (
  SELECT rid, event_rid, kind, tail,
         CASE WHEN instr(tail, ':') = 0 THEN instr(tail, ';')
              WHEN instr(tail, ';') = 0 THEN instr(tail, ':')
              ELSE min(instr(tail, ':'), instr(tail, ';')) END AS at FROM split
), ids AS (
  SELECT rid, event_rid, kind,
         CASE WHEN at = 0 THEN tail ELSE substr(tail, 1, at - 1) END AS ids,
         CASE WHEN at = 0 THEN ''
              WHEN substr(tail, at + 1, 1) = ' ' THEN substr(tail, at + 2)
              ELSE substr(tail, at + 1) END AS comment FROM stop
), mark AS (
  SELECT rid, event_rid, comment,
         CASE WHEN instr(kind, '/') = 0 THEN kind ELSE substr(kind, 1, instr(kind, '/') - 1) END
           AS name,
         CASE WHEN instr(kind, '/') = 0 THEN '' ELSE substr(kind, instr(kind, '/') + 1) END
           AS relation,
         CASE WHEN instr(ids, '/') = 0 THEN ids ELSE substr(ids, 1, instr(ids, '/') - 1) END
           AS object_uuid,
         CASE WHEN instr(ids, '/') = 0 THEN '' ELSE substr(ids, instr(ids, '/') + 1) END
           AS attribute_uuid FROM ids
)
UPDATE indicators
SET comment = mark.comment, origin_object_uuid = mark.object_uuid,
    origin_object_name = mark.name, origin_relation = mark.relation,
    origin_attribute_uuid = mark.attribute_uuid
FROM mark
WHERE mark.rid = indicators.rid
  AND mark.attribute_uuid NOT GLOB '*[^A-Za-z0-9._-]*'
  AND EXISTS (SELECT 1 FROM source_objects s WHERE s.event_rid = mark.event_rid
              AND s.object_id = mark.object_uuid AND s.type = 'misp-object');
)sql",
    // Source objects are looked up by id only to find the event of an
    // earlier import of the same report; indexing every object's random id
    // cost each import an index insert per object.
    R"sql(
DROP INDEX source_objects_object;
CREATE INDEX source_objects_report ON source_objects(object_id) WHERE type = 'report';
)sql",
};

}  // namespace

void Migrate(Db& db) {
  db.Exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied TEXT NOT "
      "NULL)");
  int64_t current = 0;
  {
    Stmt s(db, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
    if (s.Step()) current = s.Int(0);
  }
  const int64_t known = static_cast<int64_t>(std::size(kMigrations));
  if (current > known)
    throw SqliteError(0, "the database schema (version " + std::to_string(current) +
                             ") is newer than this program knows (" + std::to_string(known) + ")");
  for (int64_t v = current + 1; v <= known; ++v) {
    db.Exec("BEGIN IMMEDIATE");
    try {
      db.Exec(kMigrations[v - 1]);
      Stmt(db, "INSERT INTO schema_migrations(version, applied) VALUES (?, ?)")
          .Bind(1, v)
          .Bind(2, NowUtc())
          .Run();
      db.Exec("COMMIT");
    } catch (...) {
      db.Exec("ROLLBACK");
      throw;
    }
  }
}

}  // namespace ts::store::sqlite
