// DetectType, declared in normalize.hpp: guesses for bulk paste, tried from
// the most to the least specific shape, each confirmed by Normalize.
#include <algorithm>
#include <string>

#include "ingest/ascii.hpp"
#include "ingest/fuzzy_hash.hpp"
#include "ingest/normalize.hpp"
#include "ingest/refang.hpp"
#include "ingest/url_canonical.hpp"
#include "ingest/utf8.hpp"

namespace ts::ingest {
namespace {

using model::IndicatorType;

// A TLD made of letters (or an IDN A-label) marks a real name; without it
// "1.5.x" or "v2.0" would read as domains.
bool HasAlphabeticTld(std::string_view name) {
  const std::string_view tld = name.substr(name.rfind('.') + 1);
  if (tld.starts_with("xn--")) return true;
  return !tld.empty() && std::all_of(tld.begin(), tld.end(), IsAsciiAlpha);
}

bool IsName(std::string_view s) {
  auto name = Normalize(IndicatorType::kDomain, s);
  return name.ok() && HasAlphabeticTld(*name);
}

// A scheme ("http://", after refanging) or a host followed by a path, as in
// "evil.example/x" or "192.0.2.1:8080/x".
bool LooksLikeUrl(std::string_view s) {
  if (const std::size_t sep = s.find("://"); sep != std::string_view::npos)
    return IsUrlScheme(s.substr(0, sep));
  const std::size_t slash = s.find('/');
  if (slash == std::string_view::npos || slash == 0) return false;
  std::string_view host = s.substr(0, slash);
  if (const std::size_t colon = host.rfind(':');
      colon != std::string_view::npos && IsAllDigits(host.substr(colon + 1)))
    host = host.substr(0, colon);
  return IsName(host) || Normalize(IndicatorType::kIpv4, host).ok();
}

std::optional<IndicatorType> DetectHexDigest(std::string_view s) {
  if (!IsHex(s)) return std::nullopt;
  switch (s.size()) {
    case 128:
      return IndicatorType::kSha512;
    case 64:
      return IndicatorType::kSha256;
    case 40:
      return IndicatorType::kSha1;
    case 32:
      return IndicatorType::kMd5;  // JA3 looks the same; MD5 is far commoner
    default:
      return std::nullopt;
  }
}

}  // namespace

std::optional<IndicatorType> DetectType(std::string_view raw) {
  if (FirstInvalidUtf8(raw) || raw.find('\0') != std::string_view::npos) return std::nullopt;
  // Digests and registry keys are matched as written, since Normalize does
  // not refang them either; every guess must be a value Normalize accepts.
  const std::string_view written = TrimSpace(raw);
  if (written.empty()) return std::nullopt;
  if (auto digest = DetectHexDigest(written)) return digest;
  if (LooksLikeSsdeep(written)) return IndicatorType::kSsdeep;
  if (Normalize(IndicatorType::kTlsh, written).ok()) return IndicatorType::kTlsh;

  const std::string s = Refang(written);
  if (s.find('/') != std::string::npos && Normalize(IndicatorType::kCidr, s).ok())
    return IndicatorType::kCidr;
  if (Normalize(IndicatorType::kIpv4, s).ok()) return IndicatorType::kIpv4;
  if (Normalize(IndicatorType::kIpv6, s).ok()) return IndicatorType::kIpv6;
  if (LooksLikeUrl(s) && Normalize(IndicatorType::kUrl, s).ok()) return IndicatorType::kUrl;
  if (s.find('@') != std::string::npos) {
    auto address = Normalize(IndicatorType::kEmailAddr, s);
    if (address.ok() && HasAlphabeticTld(*address)) return IndicatorType::kEmailAddr;
  }
  if (s.find('.') != std::string::npos && IsName(s)) return IndicatorType::kDomain;
  if (written.find('\\') != std::string_view::npos &&
      Normalize(IndicatorType::kRegistryKey, written).ok())
    return IndicatorType::kRegistryKey;
  return std::nullopt;
}

}  // namespace ts::ingest
