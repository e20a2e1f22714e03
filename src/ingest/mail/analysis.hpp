// The analysis of one targeted-attack mail candidate: the parsed message,
// what its attachments are (ingest/content), its links, the findings with
// their reasons and the indicators worth sharing. Bytes in, report out;
// nothing touches the disk or the network. Safe from any thread.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ingest/content/analysis.hpp"
#include "ingest/mail/finding.hpp"
#include "ingest/mail/html_anchors.hpp"
#include "ingest/mail/message.hpp"
#include "ingest/mail/parse_message.hpp"
#include "util/result.hpp"

namespace ts::ingest::mail {

struct MailIndicator {
  std::string type;    // an indicator type name: "email-addr", "ipv4", "url", "sha256", ...
  std::string value;   // canonical (ingest::Normalize)
  std::string source;  // where it was found: "from", "reply-to", "return-path",
                       // "received", "body", "attachment", "archive-member", "subject"
};

struct MailAnalysis {
  ParsedMessage message;
  // Parallel to message.attachments.
  std::vector<content::ContentReport> attachment_reports;
  std::vector<Anchor> anchors;
  std::vector<std::string> urls;  // canonical, from text and HTML bodies, first seen first
  Findings findings;
  std::vector<MailIndicator> indicators;
};

struct MailOptions {
  ParseLimits parse;
  content::AnalysisOptions content;
  MailOptions();
};

Result<MailAnalysis> AnalyzeMessage(std::string_view raw, const MailOptions& options = {});

// The distinct finding codes of `analysis`, in order of first finding.
std::vector<std::string> FindingCodes(const MailAnalysis& analysis);

}  // namespace ts::ingest::mail
