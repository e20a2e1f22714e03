// The JSON document of a mail analysis, as `threatshare mail analyze
// --json` prints it and POST /api/v1/mail returns it. The shape is stable
// API and documented in docs/mail.md; attachment bytes are never included.
#pragma once

#include <nlohmann/json.hpp>

#include "ingest/mail/analysis.hpp"

namespace ts::ingest::mail {

nlohmann::json ToJson(const MailAnalysis& analysis);

}  // namespace ts::ingest::mail
