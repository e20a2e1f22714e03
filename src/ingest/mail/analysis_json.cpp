#include "ingest/mail/analysis_json.hpp"

#include "ingest/mail/text_decoding.hpp"

namespace ts::ingest::mail {
namespace {

using nlohmann::json;

// Names inside archives keep the bytes their tool wrote (often CP932);
// the JSON must still serialise.
std::string Clean(const std::string& s) {
  return ValidUtf8(s);
}

json Mailboxes(const std::vector<Mailbox>& list) {
  json out = json::array();
  for (const Mailbox& m : list)
    out.push_back({{"name", Clean(m.name)}, {"address", Clean(m.address)}});
  return out;
}

json AttachmentJson(const mail::Attachment& a, const content::ContentReport& r) {
  json members = json::array();
  for (const content::MemberReport& m : r.members)
    members.push_back({{"path", Clean(m.path)},
                       {"name", Clean(m.facts.name)},
                       {"depth", m.depth},
                       {"size", m.facts.size},
                       {"type", content::FileKindName(m.facts.type.kind)},
                       {"encrypted", m.encrypted},
                       {"locked", m.locked},
                       {"disguised_executable", m.facts.disguised_executable},
                       {"sha256", m.locked ? json(nullptr) : json(m.facts.digests.sha256)}});
  json warnings = json::array();
  for (const std::string& w : r.warnings) warnings.push_back(Clean(w));
  return {
      {"name", Clean(a.name)},
      {"content_type", a.content_type},
      {"size", a.data.size()},
      {"md5", r.file.digests.md5},
      {"sha1", r.file.digests.sha1},
      {"sha256", r.file.digests.sha256},
      {"type", content::FileKindName(r.file.type.kind)},
      {"description", Clean(r.file.type.description)},
      {"mime", r.file.type.mime},
      {"disguised_executable", r.file.disguised_executable},
      {"is_archive", r.is_archive},
      {"members", std::move(members)},
      {"warnings", std::move(warnings)},
      {"archive_error", r.archive_error ? json(Clean(r.archive_error->message)) : json(nullptr)}};
}

}  // namespace

json ToJson(const MailAnalysis& a) {
  const ParsedMessage& m = a.message;
  json hops = json::array();
  for (const Hop& h : m.hops)
    hops.push_back({{"from", Clean(h.from_host)},
                    {"by", Clean(h.by_host)},
                    {"ip", h.ip},
                    {"date", Clean(h.date)}});
  json auth = json::array();
  for (const AuthResult& r : m.authentication)
    auth.push_back({{"method", Clean(r.method)},
                    {"result", Clean(r.result)},
                    {"domain", Clean(r.domain)},
                    {"authserv", Clean(r.authserv)}});
  json attachments = json::array();
  for (std::size_t i = 0; i < m.attachments.size() && i < a.attachment_reports.size(); ++i)
    attachments.push_back(AttachmentJson(m.attachments[i], a.attachment_reports[i]));
  json links = json::array();
  for (const Anchor& anchor : a.anchors)
    links.push_back({{"href", Clean(anchor.href)}, {"text", Clean(anchor.text)}});
  json findings = json::array();
  for (const Finding& f : a.findings)
    findings.push_back(
        {{"code", f.code}, {"reason", Clean(f.reason)}, {"reason_ja", Clean(f.reason_ja)}});
  json indicators = json::array();
  for (const MailIndicator& i : a.indicators)
    indicators.push_back({{"type", i.type}, {"value", i.value}, {"source", i.source}});
  json warnings = json::array();
  for (const std::string& w : m.warnings) warnings.push_back(Clean(w));
  return {{"subject", Clean(m.subject)},
          {"from", Mailboxes(m.from)},
          {"reply_to", Mailboxes(m.reply_to)},
          {"to", Mailboxes(m.to)},
          {"return_path", Clean(m.return_path)},
          {"date", Clean(m.date)},
          {"message_id", Clean(m.message_id)},
          {"x_mailer", Clean(m.x_mailer)},
          {"received", std::move(hops)},
          {"authentication", std::move(auth)},
          {"attachments", std::move(attachments)},
          {"links", std::move(links)},
          {"urls", a.urls},
          {"codes", FindingCodes(a)},
          {"findings", std::move(findings)},
          {"indicators", std::move(indicators)},
          {"warnings", std::move(warnings)}};
}

}  // namespace ts::ingest::mail
