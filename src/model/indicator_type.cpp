#include "model/indicator_type.hpp"

#include "util/enum_names.hpp"

namespace ts::model {
namespace {
using T = IndicatorType;
constexpr EnumNames<T, 20> kNames{{
    {T::kIpv4, "ipv4"},
    {T::kIpv6, "ipv6"},
    {T::kCidr, "cidr"},
    {T::kDomain, "domain"},
    {T::kHostname, "hostname"},
    {T::kUrl, "url"},
    {T::kEmailAddr, "email-addr"},
    {T::kEmailSubject, "email-subject"},
    {T::kFilename, "filename"},
    {T::kMd5, "md5"},
    {T::kSha1, "sha1"},
    {T::kSha256, "sha256"},
    {T::kSha512, "sha512"},
    {T::kSsdeep, "ssdeep"},
    {T::kTlsh, "tlsh"},
    {T::kMutex, "mutex"},
    {T::kRegistryKey, "registry-key"},
    {T::kUserAgent, "user-agent"},
    {T::kJa3, "ja3"},
    {T::kText, "text"},
}};
}  // namespace

std::string_view IndicatorTypeName(IndicatorType t) {
  return NameOf(kNames, t);
}
std::optional<IndicatorType> ParseIndicatorType(std::string_view name) {
  return ParseName(kNames, name);
}

}  // namespace ts::model
