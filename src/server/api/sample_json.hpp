// The JSON shape of samples and YARA rules in the REST API (documented in
// docs/api.md and docs/openapi.yaml); the CLI prints the same with --json.
#pragma once

#include <nlohmann/json.hpp>

#include "catalog/samples.hpp"
#include "catalog/yara_engine.hpp"
#include "model/sample.hpp"
#include "store/sample_queries.hpp"

namespace ts::server::api {

// One sample as the viewer sees it, with its report under "analysis".
nlohmann::json SampleJson(const store::SampleView& view);
// A row of the sample list (no report).
nlohmann::json SampleRowJson(const store::SampleRow& row);
nlohmann::json YaraRuleJson(const model::YaraRule& rule);
nlohmann::json YaraDiagnosticsJson(const std::vector<catalog::YaraDiagnostic>& diagnostics);

}  // namespace ts::server::api
