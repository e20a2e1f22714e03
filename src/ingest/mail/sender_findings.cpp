// Sender identities that disagree. Replies going elsewhere than the From
// address is how impersonation keeps the conversation; an envelope sender
// of another organisation is how spoofed From lines are delivered. Both are
// judged by organisation (org_domain.hpp), since one organisation's mail
// legitimately leaves from subdomains and its own services.
#include <fmt/format.h>

#include "ingest/mail/findings.hpp"
#include "ingest/mail/org_domain.hpp"

namespace ts::ingest::mail {
namespace {

// Mail sent through a service (newsletters, ticket systems) has the
// service's bounce address as Return-Path but a DKIM signature that passes
// for the From organisation; that signature vouches for the sender.
bool DkimVouchesFor(const ParsedMessage& m, const std::string& from_org) {
  for (const AuthResult& r : m.authentication)
    if (r.method == "dkim" && r.result == "pass" && !r.domain.empty() &&
        OrganisationDomain(r.domain) == from_org)
      return true;
  return false;
}

}  // namespace

Findings SenderFindings(const ParsedMessage& m) {
  Findings out;
  if (m.from.empty()) return out;
  const std::string& from = m.from.front().address;
  for (const Mailbox& reply : m.reply_to) {
    if (reply.address.empty() || SameSender(from, reply.address)) continue;
    out.push_back(
        {"from_replyto_mismatch",
         fmt::format("Replies go to {}, not to the sender {} shown in From.", reply.address, from),
         fmt::format("返信先 {} が差出人（From）の {} と異なります。", reply.address, from)});
    break;
  }
  const std::string from_org = OrganisationDomain(AddressDomain(from));
  const std::string path_org = OrganisationDomain(AddressDomain(m.return_path));
  if (!m.return_path.empty() && !from_org.empty() && !path_org.empty() && path_org != from_org &&
      !DkimVouchesFor(m, from_org))
    out.push_back({"return_path_mismatch",
                   fmt::format("The envelope sender (Return-Path) {} belongs to {}, not to the "
                               "From domain {}, and no DKIM signature of {} passed.",
                               m.return_path, path_org, from_org, from_org),
                   fmt::format("エンベロープ送信者（Return-Path）{} は {} のもので、差出人の"
                               "ドメイン {} と異なり、{} のDKIM署名も検証されていません。",
                               m.return_path, path_org, from_org, from_org)});
  return out;
}

}  // namespace ts::ingest::mail
