#include "ingest/normalize.hpp"

#include <string>

#include "ingest/cidr.hpp"
#include "ingest/digests.hpp"
#include "ingest/email_address.hpp"
#include "ingest/fuzzy_hash.hpp"
#include "ingest/hostname.hpp"
#include "ingest/invalid_value.hpp"
#include "ingest/ip_address.hpp"
#include "ingest/refang.hpp"
#include "ingest/registry_key.hpp"
#include "ingest/url_canonical.hpp"
#include "ingest/utf8.hpp"

namespace ts::ingest {
namespace {

using model::IndicatorType;

// Upper bounds on the trimmed value, in bytes. RFC 5322 caps a header line
// at 998; URLs carrying payloads run long; everything else gets a bound
// generous for evidence but small enough to keep pastes from filling rows.
std::size_t MaxBytes(IndicatorType type) {
  switch (type) {
    case IndicatorType::kEmailSubject:
      return 998;
    case IndicatorType::kUrl:
      return 8192;
    default:
      return 4096;
  }
}

// Types that name network things, which reports defang.
bool IsNetworkType(IndicatorType type) {
  switch (type) {
    case IndicatorType::kIpv4:
    case IndicatorType::kIpv6:
    case IndicatorType::kCidr:
    case IndicatorType::kDomain:
    case IndicatorType::kHostname:
    case IndicatorType::kUrl:
    case IndicatorType::kEmailAddr:
      return true;
    default:
      return false;
  }
}

Result<std::string> NormalizeName(std::string_view value, const HostNameRules& rules,
                                  std::string_view what) {
  auto name = NormalizeHostName(value, rules);
  if (!name) return InvalidValue(what, value, name.error().message);
  return name;
}

// `value` is trimmed, non-empty, valid UTF-8 and refanged if a network type.
Result<std::string> NormalizeTrimmed(IndicatorType type, std::string_view value) {
  switch (type) {
    case IndicatorType::kIpv4:
      return NormalizeIpv4(value);
    case IndicatorType::kIpv6:
      return NormalizeIpv6(value);
    case IndicatorType::kCidr:
      return NormalizeCidr(value);
    case IndicatorType::kDomain:
      return NormalizeName(value, kDomainNameRules, "a valid domain name");
    case IndicatorType::kHostname:
      return NormalizeName(value, kHostNameRules, "a valid host name");
    case IndicatorType::kUrl:
      return NormalizeUrl(value);
    case IndicatorType::kEmailAddr:
      return NormalizeEmailAddress(value);
    case IndicatorType::kMd5:
      return NormalizeHexDigest(value, 32, "MD5 hash");
    case IndicatorType::kSha1:
      return NormalizeHexDigest(value, 40, "SHA-1 hash");
    case IndicatorType::kSha256:
      return NormalizeHexDigest(value, 64, "SHA-256 hash");
    case IndicatorType::kSha512:
      return NormalizeHexDigest(value, 128, "SHA-512 hash");
    case IndicatorType::kJa3:
      return NormalizeHexDigest(value, 32, "JA3 fingerprint");
    case IndicatorType::kSsdeep:
      return NormalizeSsdeep(value);
    case IndicatorType::kTlsh:
      return NormalizeTlsh(value);
    case IndicatorType::kRegistryKey:
      return NormalizeRegistryKey(value);
    // Free text is evidence: inner characters, even runs of spaces and
    // bidi controls such as U+202E in file names, are kept exactly.
    case IndicatorType::kEmailSubject:
    case IndicatorType::kFilename:
    case IndicatorType::kMutex:
    case IndicatorType::kUserAgent:
    case IndicatorType::kText:
      return std::string(value);
  }
  return Error::Internal("unknown indicator type");
}

}  // namespace

Result<std::string> Normalize(IndicatorType type, std::string_view raw) {
  if (const auto bad = FirstInvalidUtf8(raw)) {
    return Error::Invalid(
        "value is not valid UTF-8 (bad byte at offset " + std::to_string(*bad) + ")", "value");
  }
  if (raw.find('\0') != std::string_view::npos)
    return Error::Invalid("value contains a NUL character", "value");
  const std::string_view value = TrimSpace(raw);
  if (value.empty()) return Error::Invalid("value is empty", "value");
  if (value.size() > MaxBytes(type)) {
    return Error::Invalid("value is longer than " + std::to_string(MaxBytes(type)) + " bytes",
                          "value");
  }
  if (IsNetworkType(type)) return NormalizeTrimmed(type, Refang(value));
  return NormalizeTrimmed(type, value);
}

std::vector<std::pair<model::IndicatorType, std::string>> AllReadings(
    std::string_view raw, std::optional<model::IndicatorType> only) {
  std::vector<std::pair<model::IndicatorType, std::string>> readings;
  for (auto type : model::kAllIndicatorTypes) {
    if (only && *only != type) continue;
    if (auto value = Normalize(type, raw)) readings.emplace_back(type, *std::move(value));
  }
  return readings;
}

}  // namespace ts::ingest
