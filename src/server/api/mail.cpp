// Targeted-attack mail analysis over REST:
//   POST /api/v1/mail         raw message (message/rfc822) -> analysis JSON;
//                             nothing is stored
//   POST /api/v1/mail/event   raw message, ?level=&title=&category= -> the
//                             analysis and the event created from it
// The body is the message itself, so any bytes a mail may hold arrive
// unchanged; the server's body limit applies (a mail larger than it is no
// mail anyone received).
#include "catalog/mail_events.hpp"
#include "ingest/mail/analysis.hpp"
#include "ingest/mail/analysis_json.hpp"
#include "server/api/json_io.hpp"
#include "server/api/routes.hpp"

namespace ts::server::api {
namespace {

namespace mail = ingest::mail;

Result<mail::MailAnalysis> Analyse(const Request& req) {
  if (req.body.empty()) return Error::Invalid("the body must be the message (message/rfc822)");
  return mail::AnalyzeMessage(req.body);
}

std::optional<std::string> QueryValue(const Request& req, std::string_view name) {
  for (const auto& [key, value] : req.query)
    if (key == name) return value;
  return std::nullopt;
}

Result<Response> AnalyseOnly(Context& ctx) {
  auto analysis = Analyse(ctx.request);
  if (!analysis) return analysis.error();
  return JsonResponse(mail::ToJson(*analysis));
}

Result<Response> CreateEvent(Context& ctx) {
  catalog::MailEventInput in;
  const auto level = QueryValue(ctx.request, "level");
  if (!level || level->empty()) return Error::Invalid("level is required", "level");
  in.level = *level;
  in.title = QueryValue(ctx.request, "title");
  in.category = QueryValue(ctx.request, "category");
  auto analysis = Analyse(ctx.request);
  if (!analysis) return analysis.error();
  auto report = catalog::CreateMailEvent(ctx.gate, *analysis, in);
  if (!report) return report.error();
  if (!report->stored) {
    const std::string why =
        report->problems.empty() ? "the event was not stored" : report->problems.front().message;
    return Error::Invalid(why);
  }
  return JsonResponse({{"event_id", report->event_ids.front()},
                       {"indicators_added", report->indicators_added},
                       {"analysis", mail::ToJson(*analysis)}},
                      201);
}

}  // namespace

void AddMailRoutes(Router& router) {
  router.Add("POST", "/api/v1/mail", AnalyseOnly);
  router.Add("POST", "/api/v1/mail/event", CreateEvent);
}

}  // namespace ts::server::api
