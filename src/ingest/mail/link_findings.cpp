// Links that mislead or lead to file-sharing services.
#include <fmt/format.h>

#include <set>

#include "ingest/ascii.hpp"
#include "ingest/mail/findings.hpp"
#include "ingest/mail/org_domain.hpp"
#include "ingest/mail/storage_services.hpp"
#include "ingest/mail/url_host.hpp"
#include "ingest/url_canonical.hpp"

namespace ts::ingest::mail {
namespace {

// The host a link text shows, when the text reads as a web address: it
// starts with http://, https:// or www. A bare word with a dot is not
// enough ("資料.pdf", "Ver.2" are no addresses).
std::string ShownHost(std::string_view text) {
  const std::string lowered = AsciiLowered(text);
  if (!lowered.starts_with("http://") && !lowered.starts_with("https://") &&
      !lowered.starts_with("www."))
    return {};
  if (text.find(' ') != std::string_view::npos) text = text.substr(0, text.find(' '));
  auto url = NormalizeUrl(text);
  return url ? UrlHost(*url) : std::string();
}

}  // namespace

Findings LinkFindings(const std::vector<Anchor>& anchors, const std::vector<std::string>& urls) {
  Findings out;
  for (const Anchor& a : anchors) {
    const std::string shown = ShownHost(a.text);
    if (shown.empty()) continue;
    auto href = NormalizeUrl(a.href);
    const std::string target = href ? UrlHost(*href) : std::string();
    if (!target.empty() && OrganisationDomain(target) == OrganisationDomain(shown)) continue;
    const std::string goes = target.empty() ? a.href : target;
    out.push_back(
        {"anchor_mismatch", fmt::format("A link shows '{}' but leads to '{}'.", a.text, goes),
         fmt::format("リンクの表示は「{}」ですが、実際のリンク先は「{}」です。", a.text, goes)});
    break;
  }
  std::set<std::string> seen;
  for (const std::string& url : urls) {
    const std::string host = UrlHost(url);
    const std::string_view service = StorageService(host);
    if (service.empty() || !seen.insert(host).second) continue;
    out.push_back({"storage_link",
                   fmt::format("The message links to the online storage or file-sharing "
                               "service {} ({}).",
                               service, url),
                   fmt::format("オンラインストレージまたはファイル共有サービス {} へのリンク"
                               "があります（{}）。",
                               service, url)});
  }
  return out;
}

}  // namespace ts::ingest::mail
