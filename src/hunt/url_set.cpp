#include "hunt/url_set.hpp"

namespace ts::hunt {

void UrlSet::Find(std::string_view url, std::vector<std::uint32_t>& out) const {
  if (urls_.empty()) return;
  urls_.Find(url, out);
  if (const std::size_t query = url.find('?'); query != std::string_view::npos)
    urls_.Find(url.substr(0, query), out);
}

}  // namespace ts::hunt
