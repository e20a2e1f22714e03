#include "ingest/mail/mail_indicators.hpp"

#include <algorithm>
#include <set>
#include <utility>

#include "ingest/ip_address.hpp"
#include "ingest/mail/org_domain.hpp"
#include "ingest/mail/url_host.hpp"
#include "ingest/normalize.hpp"

namespace ts::ingest::mail {
namespace {

using model::IndicatorType;

// Addresses that only mean something inside one network: private,
// loopback, link-local and unique-local ranges. Internal relays of the
// receiving organisation show these and they identify nobody.
bool IsInternalAddress(std::string_view ip) {
  if (auto v4 = ParseIpv4(ip)) {
    const auto& b = *v4;
    return b[0] == 10 || b[0] == 127 || (b[0] == 172 && (b[1] & 0xF0) == 16) ||
           (b[0] == 192 && b[1] == 168) || (b[0] == 169 && b[1] == 254) || b[0] == 0;
  }
  if (auto v6 = ParseIpv6(ip)) {
    const auto& b = *v6;
    const bool loopback =
        std::all_of(b.begin(), b.end() - 1, [](auto x) { return x == 0; }) && b[15] == 1;
    return loopback || (b[0] == 0xFE && (b[1] & 0xC0) == 0x80) || (b[0] & 0xFE) == 0xFC;
  }
  return true;
}

class Collector {
 public:
  void Add(IndicatorType type, std::string_view raw, std::string_view source) {
    if (raw.empty() || out_.size() >= kMaxIndicators) return;
    auto value = Normalize(type, raw);
    if (!value) return;
    const std::string name(model::IndicatorTypeName(type));
    if (!seen_.insert({name, *value}).second) return;
    out_.push_back({name, std::move(*value), std::string(source)});
  }
  std::vector<MailIndicator> Take() { return std::move(out_); }

 private:
  // A mail with thousands of links or members yields the first ones.
  static constexpr std::size_t kMaxIndicators = 2000;
  std::set<std::pair<std::string, std::string>> seen_;
  std::vector<MailIndicator> out_;
};

void AddSender(Collector& c, std::string_view address, std::string_view source) {
  c.Add(IndicatorType::kEmailAddr, address, source);
  c.Add(IndicatorType::kDomain, AddressDomain(address), source);
}

void AddFile(Collector& c, const std::string& name, const content::Digests& d,
             std::string_view source) {
  c.Add(IndicatorType::kFilename, name, source);
  c.Add(IndicatorType::kSha256, d.sha256, source);
  c.Add(IndicatorType::kSha1, d.sha1, source);
  c.Add(IndicatorType::kMd5, d.md5, source);
}

}  // namespace

std::vector<MailIndicator> CollectIndicators(const MailAnalysis& a) {
  Collector c;
  const ParsedMessage& m = a.message;
  for (const Mailbox& from : m.from) AddSender(c, from.address, "from");
  for (const Mailbox& reply : m.reply_to) AddSender(c, reply.address, "reply-to");
  AddSender(c, m.return_path, "return-path");
  for (const Hop& hop : m.hops) {
    if (hop.ip.empty() || IsInternalAddress(hop.ip)) continue;
    c.Add(hop.ip.find(':') == std::string::npos ? IndicatorType::kIpv4 : IndicatorType::kIpv6,
          hop.ip, "received");
  }
  for (const std::string& url : a.urls) {
    c.Add(IndicatorType::kUrl, url, "body");
    c.Add(IndicatorType::kDomain, UrlHost(url), "body");
  }
  for (std::size_t i = 0; i < m.attachments.size() && i < a.attachment_reports.size(); ++i) {
    const content::ContentReport& r = a.attachment_reports[i];
    AddFile(c, m.attachments[i].name, r.file.digests, "attachment");
    for (const content::MemberReport& member : r.members)
      if (!member.locked)
        AddFile(c, member.facts.name, member.facts.digests, "archive-member");
      else
        c.Add(IndicatorType::kFilename, member.facts.name, "archive-member");
  }
  c.Add(IndicatorType::kEmailSubject, m.subject, "subject");
  return c.Take();
}

}  // namespace ts::ingest::mail
