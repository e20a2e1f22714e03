#include "ingest/mail/url_host.hpp"

#include "ingest/ascii.hpp"

namespace ts::ingest::mail {

std::string UrlHost(std::string_view url) {
  const std::size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos || scheme_end == 0) return {};
  std::string_view rest = url.substr(scheme_end + 3);
  rest = rest.substr(0, rest.find_first_of("/?#\\"));
  if (const std::size_t at = rest.rfind('@'); at != std::string_view::npos)
    rest.remove_prefix(at + 1);
  if (!rest.empty() && rest.front() == '[') {
    const std::size_t close = rest.find(']');
    return AsciiLowered(
        rest.substr(1, close == std::string_view::npos ? rest.size() - 1 : close - 1));
  }
  return AsciiLowered(rest.substr(0, rest.find(':')));
}

}  // namespace ts::ingest::mail
