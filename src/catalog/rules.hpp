// The operating rules: secretariat administrators publish new versions,
// every user accepts the current one before doing anything else.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "access/gate.hpp"
#include "model/rules.hpp"

namespace ts::catalog {

// A new version with the next number; users must accept it again.
Result<model::RulesVersion> PublishRules(access::Gate& gate, const std::string& text);
// The current version, or NotFound when none has been published.
Result<model::RulesVersion> CurrentRules(access::Gate& gate);
Result<std::vector<model::RulesVersion>> RulesHistory(access::Gate& gate);
// Records the viewer's acceptance of `version`, which must be current.
Status AcceptRules(access::Gate& gate, int version);
// Whether the viewer must still accept the current version.
Result<bool> MustAcceptRules(access::Gate& gate);

}  // namespace ts::catalog
