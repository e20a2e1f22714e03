// The SQLite implementation of a transaction: every ReadTxn/WriteTxn method
// as SQL on one connection. Used for reads (as ReadTxn) and for the single
// write transaction.
#pragma once

#include "store/sqlite/connection.hpp"
#include "store/store.hpp"

namespace ts::store::sqlite {

class SqliteTxn final : public WriteTxn {
 public:
  explicit SqliteTxn(Db& db) : db_(db) {}

  std::optional<model::Organisation> OrganisationById(int64_t id) override;
  std::optional<model::Organisation> OrganisationByName(const std::string& name) override;
  std::vector<model::Organisation> Organisations() override;
  std::optional<model::User> UserById(int64_t id) override;
  std::optional<model::User> UserByEmail(const std::string& email) override;
  std::vector<model::User> Users(std::optional<int64_t> org_id) override;
  std::optional<std::string> PasswordHash(int64_t user_id) override;
  std::optional<ApiKeyRecord> ApiKeyBySecretHash(const std::string& hash) override;
  std::vector<model::ApiKey> ApiKeys(int64_t user_id) override;
  std::optional<SessionRecord> SessionByTokenHash(const std::string& hash) override;
  std::optional<model::RulesVersion> CurrentRules() override;
  std::vector<model::RulesVersion> RulesVersions() override;
  std::optional<model::Event> EventById(const access::Scope& scope, const std::string& id) override;
  Page<model::Event> Events(const access::Scope& scope, const EventFilter& filter) override;
  std::optional<model::Indicator> IndicatorById(const access::Scope& scope,
                                                const std::string& id) override;
  Page<model::Indicator> Indicators(const access::Scope& scope,
                                    const IndicatorFilter& filter) override;
  std::optional<model::ConsentRequest> ConsentRequestById(const std::string& id) override;
  std::vector<model::ConsentRequest> ConsentRequests(
      int64_t org_id, std::optional<model::ConsentState> state) override;
  std::vector<model::Sighting> Sightings(const std::string& indicator_id) override;
  std::vector<UseRow> Uses(const access::Scope& scope, const UseFilter& filter) override;
  std::optional<model::SampleContent> SampleBySha256(const access::Scope& scope,
                                                     const std::string& sha256) override;
  std::vector<model::SampleSubmission> SampleSubmissions(const access::Scope& scope,
                                                         const std::string& sha256) override;
  Page<SampleRow> Samples(const access::Scope& scope, const SampleFilter& filter) override;
  std::vector<SampleLink> SampleChildren(const access::Scope& scope,
                                         const std::string& sha256) override;
  std::vector<SampleLink> SampleParents(const access::Scope& scope,
                                        const std::string& sha256) override;
  std::vector<model::YaraMatch> YaraMatches(const access::Scope& scope,
                                            const std::string& sha256) override;
  std::optional<model::YaraRule> YaraRuleById(const access::Scope& scope,
                                              const std::string& id) override;
  std::vector<model::YaraRule> YaraRules(const access::Scope& scope) override;
  std::optional<model::SampleSubmission> TopSubmission(int64_t org_id,
                                                       const std::string& sha256) override;
  std::vector<std::string> SampleSha256s(const access::Scope& scope) override;
  std::vector<model::YaraRule> YaraRulesForScan() override;
  std::optional<model::AuditEntry> LastAuditEntry() override;
  std::vector<model::AuditEntry> AuditEntries(int64_t after_seq, int64_t limit) override;
  std::vector<SourceObjectRow> SourceObjects(const access::Scope& scope,
                                             const std::string& event_id) override;
  std::vector<std::string> EventsWithReport(const access::Scope& scope,
                                            const std::string& report_id) override;
  std::vector<AttackRow> AttackEntries(const std::string& text, int64_t limit) override;
  std::optional<AttackRow> AttackEntryById(const std::string& external_id) override;

  int64_t InsertOrganisation(const model::Organisation& org) override;
  void UpdateOrganisation(const model::Organisation& org) override;
  int64_t InsertUser(const model::User& user, const std::string& password_hash) override;
  void UpdateUser(const model::User& user) override;
  void SetPasswordHash(int64_t user_id, const std::string& password_hash) override;
  int64_t InsertApiKey(const model::ApiKey& key, const std::string& secret_hash) override;
  void RevokeApiKey(int64_t key_id) override;
  void TouchApiKey(int64_t key_id, const std::string& time) override;
  void InsertSession(const SessionRecord& session) override;
  void DeleteSession(const std::string& token_hash) override;
  void DeleteSessionsOfUser(int64_t user_id) override;
  void DeleteExpiredSessions(const std::string& now) override;
  void InsertRules(const model::RulesVersion& rules) override;
  void RecordRulesAcceptance(int64_t user_id, int version, const std::string& time) override;
  void InsertEvent(const model::Event& event) override;
  void UpdateEvent(const model::Event& event) override;
  void DeleteEvent(const std::string& id) override;
  bool IndicatorExists(const std::string& event_id, model::IndicatorType type,
                       const std::string& value, const std::string& except_id) override;
  void InsertIndicator(const model::Indicator& indicator) override;
  void UpdateIndicator(const model::Indicator& indicator) override;
  void DeleteIndicator(const std::string& id) override;
  void InsertConsentRequest(const model::ConsentRequest& request) override;
  void UpdateConsentRequest(const model::ConsentRequest& request) override;
  void InsertSighting(const model::Sighting& sighting) override;
  void InsertEventUse(const model::EventUse& use) override;
  void InsertSampleContent(const model::SampleContent& content) override;
  void InsertSampleSubmission(const model::SampleSubmission& submission) override;
  void InsertYaraRule(const model::YaraRule& rule) override;
  void UpdateYaraRule(const model::YaraRule& rule) override;
  void DeleteYaraRule(const std::string& id) override;
  void InsertYaraMatch(const model::YaraMatch& match) override;
  void DeleteYaraMatchesOfRule(const std::string& rule_id) override;
  void AppendAudit(const model::AuditEntry& entry) override;
  bool InsertSourceObject(const SourceObjectRow& row) override;
  void UpsertAttackEntry(const AttackRow& row) override;

 private:
  void ReplaceTags(const model::Event& event);
  // The rowid of an event, remembered across a run of inserts into it.
  std::optional<int64_t> EventRid(const std::string& event_id);

  Db& db_;
  std::string rid_event_id_;
  int64_t rid_ = 0;
};

}  // namespace ts::store::sqlite
