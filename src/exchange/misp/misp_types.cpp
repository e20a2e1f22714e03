#include "exchange/misp/misp_types.hpp"

#include <algorithm>
#include <iterator>

namespace ts::exchange::misp {
namespace {

using model::IndicatorType;

// Single-value MISP types and the indicator type each holds ("" = detect).
constexpr std::pair<std::string_view, std::string_view> kSingle[] = {
    {"ip-src", ""},
    {"ip-dst", ""},
    {"domain", "domain"},
    {"hostname", "hostname"},
    {"url", "url"},
    {"email", "email-addr"},
    {"email-src", "email-addr"},
    {"email-dst", "email-addr"},
    {"email-reply-to", "email-addr"},
    {"email-subject", "email-subject"},
    {"email-attachment", "filename"},
    {"filename", "filename"},
    {"md5", "md5"},
    {"sha1", "sha1"},
    {"sha256", "sha256"},
    {"sha512", "sha512"},
    {"ssdeep", "ssdeep"},
    {"tlsh", "tlsh"},
    {"mutex", "mutex"},
    {"regkey", "registry-key"},
    {"user-agent", "user-agent"},
    {"ja3-fingerprint-md5", "ja3"},
    {"text", "text"},
};

// Composite types "a|b": the indicator type of each half ("-" = not an
// indicator, such as a port or a registry value's data).
struct Composite {
  std::string_view misp;
  std::string_view first;
  std::string_view second;
};
constexpr Composite kComposite[] = {
    {"filename|md5", "filename", "md5"},
    {"filename|sha1", "filename", "sha1"},
    {"filename|sha256", "filename", "sha256"},
    {"filename|sha512", "filename", "sha512"},
    {"filename|ssdeep", "filename", "ssdeep"},
    {"filename|tlsh", "filename", "tlsh"},
    {"malware-sample", "filename", "md5"},
    {"domain|ip", "domain", ""},
    {"hostname|port", "hostname", "-"},
    {"ip-src|port", "", "-"},
    {"ip-dst|port", "", "-"},
    {"regkey|value", "registry-key", "-"},
};

}  // namespace

std::optional<std::vector<MispValue>> IndicatorsOf(std::string_view misp_type,
                                                   std::string_view value) {
  for (const auto& [name, type] : kSingle) {
    if (name != misp_type) continue;
    std::vector<MispValue> out;
    if (!value.empty()) out.push_back({std::string(type), std::string(value)});
    return out;
  }
  for (const auto& c : kComposite) {
    if (c.misp != misp_type) continue;
    std::vector<MispValue> out;
    const std::size_t bar = value.find('|');
    const std::string_view first = value.substr(0, bar);
    const std::string_view second =
        bar == std::string_view::npos ? std::string_view() : value.substr(bar + 1);
    if (!first.empty()) out.push_back({std::string(c.first), std::string(first)});
    if (c.second != "-" && !second.empty())
      out.push_back({std::string(c.second), std::string(second)});
    return out;
  }
  return std::nullopt;
}

MispTypeAndCategory MispTypeOf(IndicatorType type) {
  switch (type) {
    case IndicatorType::kIpv4:
    case IndicatorType::kIpv6:
    case IndicatorType::kCidr:
      return {"ip-dst", "Network activity"};
    case IndicatorType::kDomain:
      return {"domain", "Network activity"};
    case IndicatorType::kHostname:
      return {"hostname", "Network activity"};
    case IndicatorType::kUrl:
      return {"url", "Network activity"};
    case IndicatorType::kEmailAddr:
      return {"email-src", "Payload delivery"};
    case IndicatorType::kEmailSubject:
      return {"email-subject", "Payload delivery", false};
    case IndicatorType::kFilename:
      return {"filename", "Payload delivery"};
    case IndicatorType::kMd5:
      return {"md5", "Payload delivery"};
    case IndicatorType::kSha1:
      return {"sha1", "Payload delivery"};
    case IndicatorType::kSha256:
      return {"sha256", "Payload delivery"};
    case IndicatorType::kSha512:
      return {"sha512", "Payload delivery"};
    case IndicatorType::kSsdeep:
      return {"ssdeep", "Payload delivery"};
    case IndicatorType::kTlsh:
      return {"tlsh", "Payload delivery"};
    case IndicatorType::kMutex:
      return {"mutex", "Artifacts dropped"};
    case IndicatorType::kRegistryKey:
      return {"regkey", "Persistence mechanism"};
    case IndicatorType::kUserAgent:
      return {"user-agent", "Network activity"};
    case IndicatorType::kJa3:
      return {"ja3-fingerprint-md5", "Network activity"};
    case IndicatorType::kText:
      break;
  }
  return {"text", "Other", false};
}

}  // namespace ts::exchange::misp
