// The finding families, one file each. Every function looks at one aspect
// of an analysed message and returns its findings (none when the aspect is
// clean); AnalyzeMessage joins them in this order.
#pragma once

#include <string>
#include <vector>

#include "ingest/content/analysis.hpp"
#include "ingest/mail/finding.hpp"
#include "ingest/mail/html_anchors.hpp"
#include "ingest/mail/message.hpp"

namespace ts::ingest::mail {

// from_replyto_mismatch, return_path_mismatch (sender_findings.cpp).
Findings SenderFindings(const ParsedMessage& message);

// spf_fail, dkim_fail (authentication_findings.cpp).
Findings AuthenticationFindings(const ParsedMessage& message);

// A file name to judge and where it was found: an attachment ("a.zip") or
// an archive member ("a.zip!docs/b.exe").
struct NamedFile {
  std::string name;
  std::string path;
  bool archive_member = false;
};

// rlo_filename, double_extension, padded_extension, executable_attachment,
// shortcut_or_script_attachment (name_findings.cpp). The last two only for
// attachments themselves; members are archive_with_executable's concern.
Findings NameFindings(const std::vector<NamedFile>& files);

// disguised_executable, archive_with_executable, encrypted_archive,
// office_macro (content_findings.cpp); `reports` parallels attachments.
Findings ContentFindings(const std::vector<Attachment>& attachments,
                         const std::vector<content::ContentReport>& reports);

// anchor_mismatch, storage_link (link_findings.cpp). `urls` are the
// canonical URLs of the bodies, anchors included.
Findings LinkFindings(const std::vector<Anchor>& anchors, const std::vector<std::string>& urls);

// lure:<kind> (lure_findings.cpp): `text` is subject and body text; a lure
// needs something to lure to, so `has_vector` (an attachment or a link)
// must hold.
Findings LureFindings(const std::string& subject, const std::string& body, bool has_vector);

}  // namespace ts::ingest::mail
