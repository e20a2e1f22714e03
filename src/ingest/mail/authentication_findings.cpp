// Failed sender authentication as the receiving server recorded it. SPF
// "softfail" (~all) counts as a failure: it is what most domains publish,
// so it is what spoofed mail of those domains gets. DKIM counts only as
// "fail" (a signature that does not verify); "none" means unsigned, which
// is common and no evidence of forgery.
#include <fmt/format.h>

#include "ingest/mail/findings.hpp"

namespace ts::ingest::mail {

Findings AuthenticationFindings(const ParsedMessage& m) {
  Findings out;
  bool spf = false;
  bool dkim = false;
  for (const AuthResult& r : m.authentication) {
    const std::string by = r.authserv.empty() ? "the receiving server" : r.authserv;
    if (!spf && r.method == "spf" && (r.result == "fail" || r.result == "softfail")) {
      spf = true;
      out.push_back({"spf_fail",
                     fmt::format("SPF check by {} gave '{}'{}: the sending host is not "
                                 "authorised for the sender's domain.",
                                 by, r.result, r.domain.empty() ? "" : " for " + r.domain),
                     fmt::format("{} によるSPF検証の結果が「{}」{}で、送信元ホストは送信者の"
                                 "ドメインから許可されていません。",
                                 by, r.result, r.domain.empty() ? "" : "（" + r.domain + "）")});
    }
    if (!dkim && r.method == "dkim" && r.result == "fail") {
      dkim = true;
      out.push_back(
          {"dkim_fail",
           fmt::format("DKIM check by {} failed{}: the signature does not match the message.", by,
                       r.domain.empty() ? "" : " for " + r.domain),
           fmt::format("{} によるDKIM検証が失敗しました{}。署名がメッセージと一致しません。", by,
                       r.domain.empty() ? "" : "（" + r.domain + "）")});
    }
  }
  return out;
}

}  // namespace ts::ingest::mail
