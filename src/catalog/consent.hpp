// Consent requests: asking a provider to widen an item's level, and the
// provider's decision. Requests to publish on behalf of a provider are made
// by catalog::CreateEvent.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "access/gate.hpp"
#include "model/consent.hpp"

namespace ts::catalog {

// Asks the provider of a visible event to widen it to `to_level`. When the
// viewer may decide for the provider, the request is approved at once.
Result<model::ConsentRequest> RequestWiden(access::Gate& gate, const std::string& event_id,
                                           const std::string& to_level, const std::string& reason);
// Approves or rejects a pending request addressed to the viewer's organisation.
Result<model::ConsentRequest> DecideConsent(access::Gate& gate, const std::string& request_id,
                                            bool approve, const std::string& comment);
// Requests the viewer's organisation made or must decide.
Result<std::vector<model::ConsentRequest>> ListConsentRequests(access::Gate& gate,
                                                               std::optional<std::string> state);
Result<model::ConsentRequest> GetConsentRequest(access::Gate& gate, const std::string& id);

}  // namespace ts::catalog
