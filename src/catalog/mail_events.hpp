// Turning a mail analysis into an event (the C4TAP report of a targeted-
// attack mail): the provider chooses the level, the indicators and findings
// of the analysis become the event's indicators, description and tags.
// Stored through the import path, so it is all or nothing and audited as
// an import of format "mail".
#pragma once

#include <optional>
#include <string>

#include "access/gate.hpp"
#include "catalog/imports.hpp"
#include "ingest/mail/analysis.hpp"

namespace ts::catalog {

struct MailEventInput {
  std::string level;                    // RED, AMBER, YELLOW, GREEN or WHITE; required
  std::optional<std::string> title;     // default: "Targeted-attack mail: <subject>"
  std::optional<std::string> category;  // a model::Category name; default B-b
};

// The created event's id is report.event_ids[0] when report.stored.
Result<ImportReport> CreateMailEvent(access::Gate& gate, const ingest::mail::MailAnalysis& analysis,
                                     const MailEventInput& in);

}  // namespace ts::catalog
