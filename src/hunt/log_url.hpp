// URLs as logs write them, brought to the canonical form indicators are
// stored in (ingest::NormalizeUrl) at log speed: most logged URLs already
// are canonical and are used in place; only the others (upper-case hosts,
// escapes to tidy, default ports, dot segments, ...) take the normaliser.
#pragma once

#include <string>
#include <string_view>

namespace ts::hunt {

struct LogUrl {
  std::string_view url;   // canonical; empty when the text is not a URL
  std::string_view host;  // as UrlHost gives it
};

// The canonical form of the logged `url` and its host: views into `url`
// itself when it is canonical, else into the normaliser's answer, which is
// stored in `scratch`.
LogUrl CanonicalLogUrl(std::string_view url, std::string& scratch);

// The host of a canonical URL: no userinfo, no port, IPv6 in [brackets].
// Empty for URLs without one (mailto:, data:).
std::string_view UrlHost(std::string_view canonical);

}  // namespace ts::hunt
