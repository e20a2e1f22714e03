// The Gate is how everything above the store reads and writes on behalf of
// a viewer. Reads of shared items are filtered by the viewer's Scope and,
// when the item is RED or AMBER, recorded in the audit log. Writes run in
// one transaction together with their audit entries.
//
// A Gate lives for one request or one CLI command; it is cheap to make.
#pragma once

#include <functional>
#include <string>

#include "access/audit_log.hpp"
#include "access/policy.hpp"
#include "access/viewer.hpp"
#include "store/store.hpp"

namespace ts::access {

// What a write callback uses to record audit entries in its transaction.
class Auditor {
 public:
  Auditor(AuditLog& log, store::WriteTxn& txn, const Viewer& viewer)
      : log_(log), txn_(txn), viewer_(viewer) {}
  void Record(std::string action, std::string object_type, std::string object_id,
              std::string detail = {});
  const model::AuditEntry* last() const { return has_last_ ? &last_ : nullptr; }
  // The sequence number of the first entry recorded, 0 when none.
  int64_t first_seq() const { return first_seq_; }

 private:
  AuditLog& log_;
  store::WriteTxn& txn_;
  const Viewer& viewer_;
  model::AuditEntry last_;
  bool has_last_ = false;
  int64_t first_seq_ = 0;
};

class Gate {
 public:
  Gate(store::Store& store, AuditLog& audit, Viewer viewer, bool anonymous_read)
      : store_(store), audit_(audit), viewer_(std::move(viewer)), anonymous_read_(anonymous_read) {}

  const Viewer& viewer() const { return viewer_; }
  Scope scope() const { return ScopeFactory::For(viewer_, anonymous_read_); }
  bool anonymous_read() const { return anonymous_read_; }

  // Shared items. Hidden and missing items give the same NotFound.
  Result<model::Event> GetEvent(const std::string& id);
  Result<store::Page<model::Event>> ListEvents(const store::EventFilter& filter);
  Result<model::Indicator> GetIndicator(const std::string& id);
  Result<store::Page<model::Indicator>> ListIndicators(const store::IndicatorFilter& filter);

  // Reports on a visible indicator; the reporter's identity and terminal
  // details are blanked (org_id 0) unless the viewer may see them.
  Result<std::vector<model::Sighting>> SightingsOf(const std::string& indicator_id);
  // The same for every visible indicator of a visible event, with one audit
  // entry for the event and one for its indicators.
  Result<std::vector<std::pair<model::Indicator, std::vector<model::Sighting>>>> SightingsOfEvent(
      const std::string& event_id);
  // Source objects an import kept with a visible event (every version),
  // without those marked narrower than the viewer's scope.
  Result<std::vector<store::SourceObjectRow>> SourceObjectsOf(const std::string& event_id);
  // Ids of the source objects of a visible event that the viewer may not
  // see, so that an export can strip references to them from the objects
  // it does show. Never to be shown or counted.
  Result<std::vector<std::string>> WithheldSourceObjectIds(const std::string& event_id);
  // Uses of visible events; identity and comment blanked likewise.
  Result<std::vector<store::UseRow>> ListUses(const store::UseFilter& filter);

  // Samples and YARA rules. A sample is in scope when one of its
  // submissions is; hidden and missing samples give the same NotFound, and
  // everything returned (submissions, archive links, matches) is in scope.
  Result<store::SampleView> GetSample(const std::string& sha256);
  Result<store::Page<store::SampleRow>> ListSamples(const store::SampleFilter& filter);
  Result<model::YaraRule> GetYaraRule(const std::string& id);
  Result<std::vector<model::YaraRule>> ListYaraRules();

  // Other reads (organisations, users, keys, rules, consent): the caller
  // checks the policy functions; nothing here is a shared item.
  Status Read(const std::function<Status(store::ReadTxn&)>& fn) { return store_.Read(fn); }
  // A write and its audit entries in one transaction.
  Status Write(const std::function<Status(store::WriteTxn&, Auditor&)>& fn);

  AuditLog& audit_log() { return audit_; }

 private:
  // Blanks what the viewer may not learn of each reporter.
  void RedactReporters(std::vector<model::Sighting>& sightings) const;
  // Records one read in the audit log, in a transaction of its own.
  void AuditRead(std::string action, std::string object_type, std::string object_id,
                 std::string detail);

  store::Store& store_;
  AuditLog& audit_;
  Viewer viewer_;
  bool anonymous_read_;
};

}  // namespace ts::access
