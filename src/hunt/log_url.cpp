#include "hunt/log_url.hpp"

#include "hunt/canonical_text.hpp"
#include "ingest/normalize.hpp"

namespace ts::hunt {

LogUrl CanonicalLogUrl(std::string_view url, std::string& scratch) {
  std::string_view host;
  if (IsCanonicalUrl(url, &host)) return {url, host};
  auto canonical = ingest::Normalize(model::IndicatorType::kUrl, url);
  if (!canonical) return {};
  scratch = std::move(canonical).value();
  return {scratch, UrlHost(scratch)};
}

std::string_view UrlHost(std::string_view canonical) {
  const std::size_t scheme = canonical.find("://");
  if (scheme == std::string_view::npos) return {};
  std::string_view authority = canonical.substr(scheme + 3);
  authority = authority.substr(0, authority.find_first_of("/?"));
  if (const std::size_t at = authority.rfind('@'); at != std::string_view::npos)
    authority.remove_prefix(at + 1);
  if (authority.starts_with('[')) return authority.substr(0, authority.find(']') + 1);
  return authority.substr(0, authority.find(':'));
}

}  // namespace ts::hunt
