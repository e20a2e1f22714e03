// Events and their indicators: creation, changes and deletion on behalf of
// a viewer, with every input checked and every change audited. Reads go
// through access::Gate directly.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "access/gate.hpp"
#include "model/event.hpp"

namespace ts::catalog {

struct EventInput {
  std::optional<std::string> title;
  std::optional<std::string> description;
  std::optional<std::string> level;
  std::optional<std::string> category;
  std::optional<std::string> timing;
  std::optional<std::string> status;  // "draft" or "published"
  std::optional<std::vector<std::string>> tags;
  // Another organisation (id or name) to publish on behalf of; the event
  // waits as "pending" until that provider consents.
  std::optional<std::string> provider;
};

Result<model::Event> CreateEvent(access::Gate& gate, const EventInput& in);
// Changes the fields present. Widening the level is refused unless the
// viewer may do so for the provider (see catalog/consent.hpp).
Result<model::Event> UpdateEvent(access::Gate& gate, const std::string& id, const EventInput& in);
Status DeleteEvent(access::Gate& gate, const std::string& id);

struct IndicatorInput {
  std::optional<std::string> type;  // detected from the value when absent
  std::optional<std::string> value;
  std::optional<std::string> level;  // null-able: "" clears
  std::optional<std::string> first_seen;
  std::optional<std::string> last_seen;
  std::optional<int> confidence;  // -1 clears
  std::optional<std::string> comment;
};

// Adds all or none. The first bad input is reported by its field; when the
// inputs came as a list, with its position ("indicators[3].value").
Result<std::vector<model::Indicator>> AddIndicators(access::Gate& gate, const std::string& event_id,
                                                    const std::vector<IndicatorInput>& inputs,
                                                    bool as_list);
// What AddIndicatorsTo does with an indicator the event already holds.
enum class OnPresent { kConflict, kSkip };

// The body of AddIndicators inside a write already under way, for an event
// the caller has checked the change against (e.g. a YARA match on a sample
// linked to it). Audited as "indicator.create", with `reason` when given;
// nothing is recorded when every input was skipped.
Result<std::vector<model::Indicator>> AddIndicatorsTo(store::WriteTxn& txn, access::Auditor& audit,
                                                      const model::Event& event,
                                                      const std::vector<IndicatorInput>& inputs,
                                                      bool as_list, OnPresent on_present,
                                                      const std::string& reason = {});
Result<model::Indicator> UpdateIndicator(access::Gate& gate, const std::string& id,
                                         const IndicatorInput& in);
Status DeleteIndicator(access::Gate& gate, const std::string& id);

}  // namespace ts::catalog
