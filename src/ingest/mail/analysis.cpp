#include "ingest/mail/analysis.hpp"

#include <algorithm>

#include "ingest/ascii.hpp"
#include "ingest/extract/extract.hpp"
#include "ingest/mail/archive_passwords.hpp"
#include "ingest/mail/findings.hpp"
#include "ingest/mail/mail_indicators.hpp"
#include "ingest/mail/text_decoding.hpp"
#include "ingest/url_canonical.hpp"

namespace ts::ingest::mail {
namespace {

std::vector<std::string> BodyUrls(const ParsedMessage& m, const std::vector<Anchor>& anchors) {
  std::vector<std::string> urls;
  auto add = [&](std::string url) {
    if (std::find(urls.begin(), urls.end(), url) == urls.end()) urls.push_back(std::move(url));
  };
  for (const Anchor& a : anchors) {
    // Links a browser fetches; mailto:, tel: and javascript: are no URLs
    // to share as indicators.
    const std::string scheme = AsciiLowered(a.href.substr(0, a.href.find(':')));
    if (scheme != "http" && scheme != "https" && scheme != "ftp") continue;
    if (auto url = NormalizeUrl(a.href)) add(std::move(*url));
  }
  for (const auto& [text, format] : {std::pair{std::string_view(m.text_body), TextFormat::kPlain},
                                     std::pair{std::string_view(m.html_body), TextFormat::kHtml}})
    for (const Extracted& e : ExtractIndicators(text, format))
      if (e.kind == Extracted::Kind::kIndicator && e.type == model::IndicatorType::kUrl)
        add(e.value);
  return urls;
}

std::vector<NamedFile> Names(const MailAnalysis& a) {
  std::vector<NamedFile> files;
  for (std::size_t i = 0; i < a.message.attachments.size(); ++i) {
    files.push_back({a.message.attachments[i].name, a.message.attachments[i].name, false});
    for (const content::MemberReport& m : a.attachment_reports[i].members)
      files.push_back({m.facts.name, a.message.attachments[i].name + "!" + m.path, true});
  }
  return files;
}

void Append(Findings& into, Findings more) {
  into.insert(into.end(), std::make_move_iterator(more.begin()),
              std::make_move_iterator(more.end()));
}

}  // namespace

MailOptions::MailOptions() {
  // Attachments are judged, not stored: the indicators in their strings
  // are not needed (member bytes are kept, the macro check reads them).
  // Expansion is capped below the sample store's limit because the server
  // analyses a mail within its request.
  content.max_indicators = 0;
  content.strings.max_strings = 0;
  content.archive.limits.max_total_bytes = std::uint64_t{256} << 20;
}

Result<MailAnalysis> AnalyzeMessage(std::string_view raw, const MailOptions& options) {
  auto parsed = ParseMessage(raw, options.parse);
  if (!parsed) return parsed.error();
  MailAnalysis a;
  a.message = std::move(*parsed);
  const ParsedMessage& m = a.message;
  const std::string visible_html = VisibleText(m.html_body);
  const std::string body = m.text_body + "\n" + visible_html;

  content::AnalysisOptions content_options = options.content;
  for (std::string& password : PasswordsInText(body))
    content_options.archive.passwords.push_back(std::move(password));
  for (const Attachment& attachment : m.attachments) {
    content::ContentReport report =
        content::AnalyzeContent(attachment.data, attachment.name, content_options);
    // The archive walk gives UTF-8 and CP932 names as UTF-8; names in
    // another charset (EUC-JP from old Unix archivers) are still guessed.
    for (content::MemberReport& member : report.members) {
      member.path = UndeclaredToUtf8(member.path);
      member.facts.name = UndeclaredToUtf8(member.facts.name);
    }
    a.attachment_reports.push_back(std::move(report));
  }

  a.anchors = FindAnchors(m.html_body);
  a.urls = BodyUrls(m, a.anchors);

  Append(a.findings, SenderFindings(m));
  Append(a.findings, AuthenticationFindings(m));
  Append(a.findings, NameFindings(Names(a)));
  Append(a.findings, ContentFindings(m.attachments, a.attachment_reports));
  Append(a.findings, LinkFindings(a.anchors, a.urls));
  Append(a.findings, LureFindings(m.subject, body, !m.attachments.empty() || !a.urls.empty()));
  a.indicators = CollectIndicators(a);
  return a;
}

std::vector<std::string> FindingCodes(const MailAnalysis& analysis) {
  std::vector<std::string> codes;
  for (const Finding& f : analysis.findings)
    if (std::find(codes.begin(), codes.end(), f.code) == codes.end()) codes.push_back(f.code);
  return codes;
}

}  // namespace ts::ingest::mail
