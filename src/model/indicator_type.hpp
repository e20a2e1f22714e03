// The kinds of indicator value the portal knows. Each has one canonical
// form produced by ingest/normalize.hpp.
#pragma once

#include <optional>
#include <string_view>

namespace ts::model {

enum class IndicatorType {
  kIpv4,
  kIpv6,
  kCidr,
  kDomain,
  kHostname,
  kUrl,
  kEmailAddr,
  kEmailSubject,
  kFilename,
  kMd5,
  kSha1,
  kSha256,
  kSha512,
  kSsdeep,
  kTlsh,
  kMutex,
  kRegistryKey,
  kUserAgent,
  kJa3,
  kText,
};

inline constexpr IndicatorType kAllIndicatorTypes[] = {
    IndicatorType::kIpv4,      IndicatorType::kIpv6,         IndicatorType::kCidr,
    IndicatorType::kDomain,    IndicatorType::kHostname,     IndicatorType::kUrl,
    IndicatorType::kEmailAddr, IndicatorType::kEmailSubject, IndicatorType::kFilename,
    IndicatorType::kMd5,       IndicatorType::kSha1,         IndicatorType::kSha256,
    IndicatorType::kSha512,    IndicatorType::kSsdeep,       IndicatorType::kTlsh,
    IndicatorType::kMutex,     IndicatorType::kRegistryKey,  IndicatorType::kUserAgent,
    IndicatorType::kJa3,       IndicatorType::kText,
};

// "ipv4", "ipv6", "cidr", "domain", "hostname", "url", "email-addr",
// "email-subject", "filename", "md5", "sha1", "sha256", "sha512", "ssdeep",
// "tlsh", "mutex", "registry-key", "user-agent", "ja3", "text".
std::string_view IndicatorTypeName(IndicatorType t);
std::optional<IndicatorType> ParseIndicatorType(std::string_view name);

}  // namespace ts::model
