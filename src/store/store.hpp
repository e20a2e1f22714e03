// The Store is the one interface to persistent state. Callers run their work
// inside a read or write transaction; a write transaction commits when the
// callback returns ok and rolls back otherwise, so a failed request never
// leaves half its changes behind. Engines (SQLite now, PostgreSQL later)
// implement ReadTxn/WriteTxn; callers never see SQL.
//
// Reads of shared items (events, indicators) take an access::Scope, which
// only access/ can make: the engine filters rows by it, so counts and pages
// include only what the viewer may see.
//
// Thread-safety: a Store may be used from any number of threads; one write
// transaction runs at a time, reads run concurrently on pooled connections.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "access/scope.hpp"
#include "model/audit.hpp"
#include "model/consent.hpp"
#include "model/event.hpp"
#include "model/organisation.hpp"
#include "model/rules.hpp"
#include "model/sample.hpp"
#include "store/queries.hpp"
#include "store/sample_queries.hpp"
#include "util/result.hpp"

namespace ts::store {

class ReadTxn {
 public:
  virtual ~ReadTxn() = default;

  virtual std::optional<model::Organisation> OrganisationById(int64_t id) = 0;
  virtual std::optional<model::Organisation> OrganisationByName(const std::string& name) = 0;
  virtual std::vector<model::Organisation> Organisations() = 0;

  virtual std::optional<model::User> UserById(int64_t id) = 0;
  virtual std::optional<model::User> UserByEmail(const std::string& email) = 0;
  // All users, or those of one organisation.
  virtual std::vector<model::User> Users(std::optional<int64_t> org_id) = 0;
  virtual std::optional<std::string> PasswordHash(int64_t user_id) = 0;

  virtual std::optional<ApiKeyRecord> ApiKeyBySecretHash(const std::string& hash) = 0;
  virtual std::vector<model::ApiKey> ApiKeys(int64_t user_id) = 0;
  virtual std::optional<SessionRecord> SessionByTokenHash(const std::string& hash) = 0;

  virtual std::optional<model::RulesVersion> CurrentRules() = 0;
  virtual std::vector<model::RulesVersion> RulesVersions() = 0;

  virtual std::optional<model::Event> EventById(const access::Scope& scope,
                                                const std::string& id) = 0;
  virtual Page<model::Event> Events(const access::Scope& scope, const EventFilter& filter) = 0;
  virtual std::optional<model::Indicator> IndicatorById(const access::Scope& scope,
                                                        const std::string& id) = 0;
  virtual Page<model::Indicator> Indicators(const access::Scope& scope,
                                            const IndicatorFilter& filter) = 0;

  virtual std::optional<model::ConsentRequest> ConsentRequestById(const std::string& id) = 0;
  // Requests where org_id is the provider or the requester.
  virtual std::vector<model::ConsentRequest> ConsentRequests(
      int64_t org_id, std::optional<model::ConsentState> state) = 0;

  // Reports of one indicator, oldest first; the caller decides what of the
  // reporter a viewer may see.
  virtual std::vector<model::Sighting> Sightings(const std::string& indicator_id) = 0;
  // Uses of the events in scope matching the filter, oldest first.
  virtual std::vector<UseRow> Uses(const access::Scope& scope, const UseFilter& filter) = 0;

  // Samples and YARA rules (model/sample.hpp). A sample is in scope when
  // one of its submissions is; every answer covers only what is in scope.
  // The content with its report, or nullopt when no submission is in scope.
  virtual std::optional<model::SampleContent> SampleBySha256(const access::Scope& scope,
                                                             const std::string& sha256) = 0;
  virtual std::vector<model::SampleSubmission> SampleSubmissions(const access::Scope& scope,
                                                                 const std::string& sha256) = 0;
  // Newest first (by the latest visible submission).
  virtual Page<SampleRow> Samples(const access::Scope& scope, const SampleFilter& filter) = 0;
  // Members of the sample's archives, and the archives the sample came out of.
  virtual std::vector<SampleLink> SampleChildren(const access::Scope& scope,
                                                 const std::string& sha256) = 0;
  virtual std::vector<SampleLink> SampleParents(const access::Scope& scope,
                                                const std::string& sha256) = 0;
  // Matches of rules in scope on one sample.
  virtual std::vector<model::YaraMatch> YaraMatches(const access::Scope& scope,
                                                    const std::string& sha256) = 0;
  virtual std::optional<model::YaraRule> YaraRuleById(const access::Scope& scope,
                                                      const std::string& id) = 0;
  virtual std::vector<model::YaraRule> YaraRules(const access::Scope& scope) = 0;
  // The top-level submission of these bytes by one organisation, if any.
  virtual std::optional<model::SampleSubmission> TopSubmission(int64_t org_id,
                                                               const std::string& sha256) = 0;
  // Digests of every sample in scope, e.g. to run a new rule over them.
  virtual std::vector<std::string> SampleSha256s(const access::Scope& scope) = 0;
  // Every rule, to scan a new sample with; what they find reaches viewers
  // only through YaraMatches.
  virtual std::vector<model::YaraRule> YaraRulesForScan() = 0;

  virtual std::optional<model::AuditEntry> LastAuditEntry() = 0;
  // Entries with seq > after_seq in order, at most limit (0: all).
  virtual std::vector<model::AuditEntry> AuditEntries(int64_t after_seq, int64_t limit) = 0;

  // Source objects kept with an event in scope, oldest version first,
  // without those marked narrower than the scope reaches.
  virtual std::vector<SourceObjectRow> SourceObjects(const access::Scope& scope,
                                                     const std::string& event_id) = 0;
  // Ids of the events in scope that keep the STIX report with this id.
  virtual std::vector<std::string> EventsWithReport(const access::Scope& scope,
                                                    const std::string& report_id) = 0;
  // ATT&CK entries whose id or name contains `text` (all when empty), by id.
  virtual std::vector<AttackRow> AttackEntries(const std::string& text, int64_t limit) = 0;
  virtual std::optional<AttackRow> AttackEntryById(const std::string& external_id) = 0;
};

class WriteTxn : public ReadTxn {
 public:
  virtual int64_t InsertOrganisation(const model::Organisation& org) = 0;
  virtual void UpdateOrganisation(const model::Organisation& org) = 0;

  virtual int64_t InsertUser(const model::User& user, const std::string& password_hash) = 0;
  virtual void UpdateUser(const model::User& user) = 0;
  virtual void SetPasswordHash(int64_t user_id, const std::string& password_hash) = 0;

  virtual int64_t InsertApiKey(const model::ApiKey& key, const std::string& secret_hash) = 0;
  virtual void RevokeApiKey(int64_t key_id) = 0;
  virtual void TouchApiKey(int64_t key_id, const std::string& time) = 0;

  virtual void InsertSession(const SessionRecord& session) = 0;
  virtual void DeleteSession(const std::string& token_hash) = 0;
  virtual void DeleteSessionsOfUser(int64_t user_id) = 0;
  virtual void DeleteExpiredSessions(const std::string& now) = 0;

  virtual void InsertRules(const model::RulesVersion& rules) = 0;
  // Records that the user accepted a version, at a time, and makes it theirs.
  virtual void RecordRulesAcceptance(int64_t user_id, int version, const std::string& time) = 0;

  virtual void InsertEvent(const model::Event& event) = 0;
  virtual void UpdateEvent(const model::Event& event) = 0;
  virtual void DeleteEvent(const std::string& id) = 0;
  // Whether the event already holds this (type, normalised value).
  virtual bool IndicatorExists(const std::string& event_id, model::IndicatorType type,
                               const std::string& value, const std::string& except_id) = 0;
  virtual void InsertIndicator(const model::Indicator& indicator) = 0;
  virtual void UpdateIndicator(const model::Indicator& indicator) = 0;
  virtual void DeleteIndicator(const std::string& id) = 0;

  virtual void InsertConsentRequest(const model::ConsentRequest& request) = 0;
  virtual void UpdateConsentRequest(const model::ConsentRequest& request) = 0;

  virtual void InsertSighting(const model::Sighting& sighting) = 0;
  virtual void InsertEventUse(const model::EventUse& use) = 0;

  // Stores a sample's content once; no-op when its digest is present.
  virtual void InsertSampleContent(const model::SampleContent& content) = 0;
  virtual void InsertSampleSubmission(const model::SampleSubmission& submission) = 0;
  virtual void InsertYaraRule(const model::YaraRule& rule) = 0;
  virtual void UpdateYaraRule(const model::YaraRule& rule) = 0;
  virtual void DeleteYaraRule(const std::string& id) = 0;           // with its matches
  virtual void InsertYaraMatch(const model::YaraMatch& match) = 0;  // no-op when present
  virtual void DeleteYaraMatchesOfRule(const std::string& rule_id) = 0;

  virtual void AppendAudit(const model::AuditEntry& entry) = 0;

  // Keeps a version of a source object; false when the event already has it.
  virtual bool InsertSourceObject(const SourceObjectRow& row) = 0;
  virtual void UpsertAttackEntry(const AttackRow& row) = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  // Runs fn in a read transaction (a consistent snapshot).
  virtual Status Read(const std::function<Status(ReadTxn&)>& fn) = 0;
  // Runs fn in the write transaction; commits when it returns ok.
  virtual Status Write(const std::function<Status(WriteTxn&)>& fn) = 0;
  // Bytes used on disk by the database (for metrics).
  virtual int64_t DatabaseBytes() = 0;
  // Engine integrity check; ok or an Internal error listing the problems.
  virtual Status CheckIntegrity() = 0;
};

struct SqliteOptions {
  std::string synchronous = "NORMAL";  // NORMAL survives process crashes; FULL power loss too
  int reader_connections = 4;
};

// Opens (creating if needed) the SQLite database in dir and applies pending
// migrations.
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::filesystem::path& dir,
                                               const SqliteOptions& options);

}  // namespace ts::store
