// JSON rendering of a content report, as the REST API returns it and the CLI
// prints it. Member bytes are never included. Field names are stable API.
#pragma once

#include <nlohmann/json.hpp>

#include "ingest/content/analysis.hpp"

namespace ts::ingest::content {

nlohmann::json ToJson(const Digests& digests);
nlohmann::json ToJson(const PeInfo& pe);
nlohmann::json ToJson(const FileFacts& facts);
nlohmann::json ToJson(const ContentReport& report);

}  // namespace ts::ingest::content
