#include <string_view>

#include "ingest/ascii.hpp"
#include "ingest/content/archive_walk.hpp"

namespace ts::ingest::content {

bool IsTraversalName(std::string_view name) {
  if (name.starts_with('/') || name.starts_with('\\')) return true;
  if (name.size() >= 2 && IsAsciiAlpha(name[0]) && name[1] == ':') return true;
  // Windows tools split on either separator, so both count.
  while (!name.empty()) {
    const auto sep = name.find_first_of("/\\");
    const std::string_view part = name.substr(0, sep);
    if (part == "..") return true;
    if (sep == std::string_view::npos) break;
    name.remove_prefix(sep + 1);
  }
  return false;
}

}  // namespace ts::ingest::content
