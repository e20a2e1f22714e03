#include "ingest/mail/org_domain.hpp"

#include <algorithm>
#include <vector>

#include "ingest/ascii.hpp"

namespace ts::ingest::mail {
namespace {

// Second-level labels under which registrations happen (public knowledge
// of the JP, UK, AU, KR, CN, TW, BR ... registries; not exhaustive).
constexpr std::string_view kRegistryLevels[] = {
    // .jp organisational and general-use second levels
    "co.jp", "ne.jp", "or.jp", "go.jp", "ac.jp", "ad.jp", "ed.jp", "gr.jp", "lg.jp",
    // .jp prefectures (geographic second levels)
    "hokkaido.jp", "aomori.jp", "iwate.jp", "miyagi.jp", "akita.jp", "yamagata.jp", "fukushima.jp",
    "ibaraki.jp", "tochigi.jp", "gunma.jp", "saitama.jp", "chiba.jp", "tokyo.jp", "kanagawa.jp",
    "niigata.jp", "toyama.jp", "ishikawa.jp", "fukui.jp", "yamanashi.jp", "nagano.jp", "gifu.jp",
    "shizuoka.jp", "aichi.jp", "mie.jp", "shiga.jp", "kyoto.jp", "osaka.jp", "hyogo.jp", "nara.jp",
    "wakayama.jp", "tottori.jp", "shimane.jp", "okayama.jp", "hiroshima.jp", "yamaguchi.jp",
    "tokushima.jp", "kagawa.jp", "ehime.jp", "kochi.jp", "fukuoka.jp", "saga.jp", "nagasaki.jp",
    "kumamoto.jp", "oita.jp", "miyazaki.jp", "kagoshima.jp", "okinawa.jp",
    // other country registries mail commonly comes from
    "co.uk", "ac.uk", "gov.uk", "org.uk", "ltd.uk", "plc.uk", "me.uk", "com.au", "net.au", "org.au",
    "edu.au", "gov.au", "co.kr", "or.kr", "go.kr", "ac.kr", "ne.kr", "com.cn", "net.cn", "org.cn",
    "gov.cn", "edu.cn", "ac.cn", "com.tw", "org.tw", "gov.tw", "edu.tw", "com.hk", "org.hk",
    "gov.hk", "edu.hk", "com.sg", "gov.sg", "edu.sg", "co.in", "gov.in", "ac.in", "com.br",
    "gov.br", "co.nz", "govt.nz", "co.za", "gov.za", "com.ru", "com.vn", "co.th", "go.th", "ac.th",
    "com.my", "gov.my", "co.id", "go.id", "com.ph", "gov.ph", "com.mx", "gob.mx", "com.tr",
    "gov.tr", "co.il", "gov.il", "com.sa", "gov.sa"};

constexpr std::string_view kSharedMailbox[] = {
    "gmail.com",      "googlemail.com", "yahoo.co.jp",   "yahoo.com",      "ymail.com",
    "outlook.com",    "outlook.jp",     "hotmail.com",   "hotmail.co.jp",  "live.com",
    "live.jp",        "msn.com",        "icloud.com",    "me.com",         "mac.com",
    "aol.com",        "mail.ru",        "yandex.ru",     "yandex.com",     "qq.com",
    "163.com",        "126.com",        "sina.com",      "naver.com",      "daum.net",
    "protonmail.com", "proton.me",      "gmx.com",       "gmx.net",        "zoho.com",
    "excite.co.jp",   "nifty.com",      "biglobe.ne.jp", "so-net.ne.jp",   "ocn.ne.jp",
    "docomo.ne.jp",   "ezweb.ne.jp",    "au.com",        "softbank.ne.jp", "goo.jp",
    "infoseek.jp",    "tutanota.com",   "mail.com"};

std::vector<std::string_view> Labels(std::string_view host) {
  std::vector<std::string_view> labels;
  std::size_t start = 0;
  while (start <= host.size()) {
    std::size_t dot = host.find('.', start);
    if (dot == std::string_view::npos) dot = host.size();
    labels.push_back(host.substr(start, dot - start));
    start = dot + 1;
  }
  return labels;
}

}  // namespace

std::string OrganisationDomain(std::string_view host) {
  std::string h = AsciiLowered(host);
  while (!h.empty() && h.back() == '.') h.pop_back();
  const auto labels = Labels(h);
  if (labels.size() <= 2) return h;
  const std::string last_two =
      std::string(labels[labels.size() - 2]) + "." + std::string(labels.back());
  const bool registry = std::find(std::begin(kRegistryLevels), std::end(kRegistryLevels),
                                  last_two) != std::end(kRegistryLevels);
  const std::size_t keep = registry ? 3 : 2;
  if (labels.size() <= keep) return h;
  std::string out;
  for (std::size_t i = labels.size() - keep; i < labels.size(); ++i) {
    if (!out.empty()) out += '.';
    out += labels[i];
  }
  return out;
}

std::string AddressDomain(std::string_view address) {
  const std::size_t at = address.rfind('@');
  if (at == std::string_view::npos) return {};
  std::string_view domain = address.substr(at + 1);
  while (!domain.empty() && (domain.back() == '>' || domain.back() == ' ')) domain.remove_suffix(1);
  return AsciiLowered(domain);
}

bool IsSharedMailboxDomain(std::string_view organisation_domain) {
  return std::find(std::begin(kSharedMailbox), std::end(kSharedMailbox), organisation_domain) !=
         std::end(kSharedMailbox);
}

bool SameSender(std::string_view a, std::string_view b) {
  if (AsciiLowered(a) == AsciiLowered(b)) return true;
  const std::string da = OrganisationDomain(AddressDomain(a));
  const std::string db = OrganisationDomain(AddressDomain(b));
  if (da.empty() || db.empty()) return false;
  return da == db && !IsSharedMailboxDomain(da);
}

}  // namespace ts::ingest::mail
