// threatshare mail analyze: the targeted-attack mail analysis without a
// server. Reads .eml files (RFC 5322, "-" for standard input), prints what
// an analyst checks first (subject, senders, hops, findings with reasons,
// indicators), or with --json one document per file per line. Exit code 0
// when every file was analysed, 2 when one could not be (the others are
// still analysed; the error names the file).
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "ingest/mail/analysis.hpp"
#include "ingest/mail/analysis_json.hpp"

namespace ts::cli {
namespace {

namespace mail = ingest::mail;

constexpr int kOk = 0;
constexpr int kError = 2;
// A mail server refuses far smaller messages; a larger file is no mail.
constexpr std::size_t kMaxMessageBytes = std::size_t{64} << 20;

struct MailFlags {
  std::vector<std::string> files;
  bool json = false;
};

Result<std::string> ReadMessage(const std::string& path) {
  std::string data;
  if (path == "-") {
    data.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error::Invalid("cannot open the file");
    in.seekg(0, std::ios::end);
    const auto size = in.tellg();
    if (size > static_cast<std::streamoff>(kMaxMessageBytes))
      return Error::TooLarge(fmt::format("the file is larger than {} MiB", kMaxMessageBytes >> 20));
    in.seekg(0);
    data.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (in.bad()) return Error::Invalid("cannot read the file");
  }
  if (data.size() > kMaxMessageBytes)
    return Error::TooLarge(fmt::format("the input is larger than {} MiB", kMaxMessageBytes >> 20));
  return data;
}

std::string Mailboxes(const std::vector<mail::Mailbox>& list) {
  std::string out;
  for (const auto& m : list) {
    if (!out.empty()) out += ", ";
    out += m.name.empty() ? m.address : fmt::format("{} <{}>", m.name, m.address);
  }
  return out;
}

void PrintHuman(const std::string& file, const mail::MailAnalysis& a) {
  const mail::ParsedMessage& m = a.message;
  std::cout << "== " << file << "\n";
  std::cout << "Subject:     " << m.subject << "\n";
  std::cout << "From:        " << Mailboxes(m.from) << "\n";
  if (!m.reply_to.empty()) std::cout << "Reply-To:    " << Mailboxes(m.reply_to) << "\n";
  if (!m.return_path.empty()) std::cout << "Return-Path: " << m.return_path << "\n";
  if (!m.date.empty()) std::cout << "Date:        " << m.date << "\n";
  if (!m.message_id.empty()) std::cout << "Message-ID:  " << m.message_id << "\n";
  if (!m.x_mailer.empty()) std::cout << "X-Mailer:    " << m.x_mailer << "\n";
  if (!m.hops.empty()) std::cout << "Received (newest first):\n";
  for (std::size_t i = 0; i < m.hops.size(); ++i) {
    const auto& h = m.hops[i];
    std::cout << fmt::format(
        "  {:>2}. from {}{} by {}\n", i + 1, h.from_host.empty() ? "?" : h.from_host,
        h.ip.empty() ? "" : " [" + h.ip + "]", h.by_host.empty() ? "?" : h.by_host);
  }
  for (const auto& r : m.authentication)
    std::cout << fmt::format("Auth:        {}={}{}{}\n", r.method, r.result,
                             r.domain.empty() ? "" : " (" + r.domain + ")",
                             r.authserv.empty() ? "" : " by " + r.authserv);
  for (std::size_t i = 0; i < m.attachments.size(); ++i) {
    const auto& att = m.attachments[i];
    const auto& r = a.attachment_reports[i];
    std::cout << fmt::format(
        "Attachment:  {} ({}, {} bytes, {}) sha256 {}\n", att.name, att.content_type,
        att.data.size(), ingest::content::FileKindName(r.file.type.kind), r.file.digests.sha256);
    for (const auto& member : r.members)
      std::cout << fmt::format("    {}{}{}\n", member.path, member.encrypted ? " (encrypted)" : "",
                               member.locked ? " (locked)" : "");
    if (r.archive_error)
      std::cout << "    archive not walked: " << r.archive_error->message << "\n";
  }
  std::cout << "Findings:" << (a.findings.empty() ? " none\n" : "\n");
  for (const auto& f : a.findings) std::cout << "  " << f.code << ": " << f.reason << "\n";
  std::cout << "Indicators:" << (a.indicators.empty() ? " none\n" : "\n");
  for (const auto& i : a.indicators)
    std::cout << fmt::format("  {:<13} {}  ({})\n", i.type, i.value, i.source);
  for (const auto& w : m.warnings) std::cout << "Warning:     " << w << "\n";
  std::cout << "\n";
}

int RunAnalyze(const MailFlags& f) {
  int status = kOk;
  for (const std::string& file : f.files) {
    auto fail = [&](const Error& e) {
      std::cerr << "threatshare mail: " << file << ": " << e.message << "\n";
      status = kError;
    };
    auto raw = ReadMessage(file);
    if (!raw) {
      fail(raw.error());
      continue;
    }
    auto analysis = mail::AnalyzeMessage(*raw);
    if (!analysis) {
      fail(analysis.error());
      continue;
    }
    if (f.json) {
      nlohmann::json doc = {{"file", file}};
      doc.update(mail::ToJson(*analysis));
      std::cout << doc.dump() << "\n";
    } else {
      PrintHuman(file, *analysis);
    }
  }
  std::cout.flush();
  return status;
}

}  // namespace

void AddMailCommand(CLI::App& app, Action& action) {
  auto f = std::make_shared<MailFlags>();
  auto* mail_cmd = app.add_subcommand("mail", "Analyse targeted-attack mail");
  mail_cmd->require_subcommand(1);
  auto* analyze = mail_cmd->add_subcommand(
      "analyze",
      "Parse messages (.eml) and report findings and indicators (exit 0: analysed, 2: error)");
  analyze->add_flag("--json", f->json,
                    "One JSON document per message per line (shape: docs/mail.md)");
  analyze->add_option("files", f->files, "Message files (RFC 5322), or - for standard input")
      ->required();
  analyze->callback([f, &action] { action = [f] { return RunAnalyze(*f); }; });
}

}  // namespace ts::cli
