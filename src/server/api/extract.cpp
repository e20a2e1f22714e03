// POST /api/v1/extract: the indicators, CVE ids and ATT&CK ids found in a
// piece of prose (ingest/extract), for a person to review before adding
// them to an event. Nothing is stored; the caller must be logged in, as the
// text is usually a report that is not public.
#include <string>

#include "ingest/extract/extract.hpp"
#include "server/api/json_io.hpp"
#include "server/api/routes.hpp"

namespace ts::server::api {
namespace {

// Long enough for a full report pasted whole, short enough that one request
// cannot keep a worker busy for long.
constexpr std::size_t kMaxTextBytes = 2 * 1024 * 1024;

Result<ingest::TextFormat> ReadFormat(const std::optional<std::string>& name,
                                      std::string_view text) {
  if (!name || *name == "auto") return ingest::GuessTextFormat(text);
  if (*name == "plain" || *name == "text") return ingest::TextFormat::kPlain;
  if (*name == "markdown") return ingest::TextFormat::kMarkdown;
  if (*name == "html") return ingest::TextFormat::kHtml;
  return Error::Invalid("format must be one of auto, plain, markdown, html", "format");
}

std::string_view FormatName(ingest::TextFormat format) {
  switch (format) {
    case ingest::TextFormat::kHtml:
      return "html";
    case ingest::TextFormat::kMarkdown:
      return "markdown";
    case ingest::TextFormat::kPlain:
      break;
  }
  return "plain";
}

json FindingJson(const ingest::Extracted& e) {
  json j = {{"value", e.value}, {"offset", e.offset}, {"length", e.length}};
  switch (e.kind) {
    case ingest::Extracted::Kind::kIndicator:
      j["kind"] = "indicator";
      j["type"] = model::IndicatorTypeName(e.type);
      break;
    case ingest::Extracted::Kind::kVulnerability:
      j["kind"] = "vulnerability";
      j["tag"] = "cve:" + e.value;
      break;
    case ingest::Extracted::Kind::kAttackTechnique:
      j["kind"] = "attack";
      j["tag"] = "attack:" + e.value;
      break;
  }
  return j;
}

Result<Response> Extract(Context& ctx) {
  auto body = ParseObject(ctx.request, {"text", "format"});
  if (!body) return body.error();
  auto text = StringField(*body, "text");
  if (!text) return text.error();
  if (!*text) return Error::Invalid("text is required", "text");
  if ((*text)->size() > kMaxTextBytes)
    return Error::Invalid("text is longer than " + std::to_string(kMaxTextBytes) + " bytes",
                          "text");
  auto format_name = StringField(*body, "format");
  if (!format_name) return format_name.error();
  auto format = ReadFormat(*format_name, **text);
  if (!format) return format.error();
  json findings = json::array();
  for (const auto& e : ingest::ExtractIndicators(**text, *format))
    findings.push_back(FindingJson(e));
  return JsonResponse(
      {{"format", FormatName(*format)}, {"total", findings.size()}, {"findings", findings}});
}

}  // namespace

void AddExtractRoutes(Router& router) {
  router.Add("POST", "/api/v1/extract", Extract);
}

}  // namespace ts::server::api
