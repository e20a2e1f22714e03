#include "catalog/mail_events.hpp"

#include <fmt/format.h>

#include "ingest/mail/analysis.hpp"
#include "model/category.hpp"
#include "model/level.hpp"

namespace ts::catalog {
namespace {

namespace mail = ingest::mail;

// A received mail is an individual case of a threat (B-b) unless the
// provider says otherwise.
constexpr char kDefaultCategory[] = "B-b";

std::string Description(const mail::MailAnalysis& a) {
  const mail::ParsedMessage& m = a.message;
  std::string out = "Targeted-attack mail analysed by threatshare.\n\n";
  out += fmt::format("Subject: {}\n", m.subject);
  for (const auto& from : m.from) out += fmt::format("From: {} <{}>\n", from.name, from.address);
  for (const auto& reply : m.reply_to) out += fmt::format("Reply-To: {}\n", reply.address);
  if (!m.return_path.empty()) out += fmt::format("Return-Path: {}\n", m.return_path);
  if (!m.date.empty()) out += fmt::format("Date: {}\n", m.date);
  if (!m.message_id.empty()) out += fmt::format("Message-ID: {}\n", m.message_id);
  if (!m.x_mailer.empty()) out += fmt::format("X-Mailer: {}\n", m.x_mailer);
  for (const auto& att : m.attachments) out += fmt::format("Attachment: {}\n", att.name);
  out += "\nFindings:\n";
  if (a.findings.empty()) out += "- none\n";
  for (const auto& f : a.findings) out += fmt::format("- {}: {}\n", f.code, f.reason);
  return out;
}

}  // namespace

Result<ImportReport> CreateMailEvent(access::Gate& gate, const mail::MailAnalysis& a,
                                     const MailEventInput& in) {
  const auto level = model::ParseLevel(in.level);
  if (!level) return Error::Invalid("level must be RED, AMBER, YELLOW, GREEN or WHITE", "level");
  const std::string category = in.category.value_or(kDefaultCategory);
  if (!model::ParseCategory(category))
    return Error::Invalid("unknown category '" + category + "'", "category");
  exchange::EventDraft draft;
  draft.title =
      in.title.value_or(a.message.subject.empty() ? "Targeted-attack mail"
                                                  : "Targeted-attack mail: " + a.message.subject);
  draft.description = Description(a);
  draft.level = *level;
  draft.category = category;
  draft.tags.push_back("mail");
  for (const std::string& code : mail::FindingCodes(a)) draft.tags.push_back("mail:" + code);
  for (const mail::MailIndicator& i : a.indicators) {
    exchange::IndicatorDraft indicator;
    indicator.type = i.type;
    indicator.value = i.value;
    indicator.comment = "mail " + i.source;
    draft.indicators.push_back(std::move(indicator));
  }
  exchange::ImportBatch batch;
  batch.format = "mail";
  batch.objects_read = 1;
  batch.events.push_back(std::move(draft));
  ImportOptions options;
  options.default_level = *level;
  return StoreBatch(gate, batch, options);
}

}  // namespace ts::catalog
