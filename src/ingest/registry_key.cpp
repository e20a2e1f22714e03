#include "ingest/registry_key.hpp"

#include <array>
#include <utility>

#include "ingest/ascii.hpp"
#include "ingest/invalid_value.hpp"

namespace ts::ingest {
namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 12> kRoots{{
    {"HKEY_LOCAL_MACHINE", "HKEY_LOCAL_MACHINE"},
    {"HKLM", "HKEY_LOCAL_MACHINE"},
    {"HKEY_CURRENT_USER", "HKEY_CURRENT_USER"},
    {"HKCU", "HKEY_CURRENT_USER"},
    {"HKEY_CLASSES_ROOT", "HKEY_CLASSES_ROOT"},
    {"HKCR", "HKEY_CLASSES_ROOT"},
    {"HKEY_USERS", "HKEY_USERS"},
    {"HKU", "HKEY_USERS"},
    {"HKEY_CURRENT_CONFIG", "HKEY_CURRENT_CONFIG"},
    {"HKCC", "HKEY_CURRENT_CONFIG"},
    {"\\REGISTRY\\MACHINE", "HKEY_LOCAL_MACHINE"},
    {"\\REGISTRY\\USER", "HKEY_USERS"},
}};

// True if `key` starts with `root` (any case) followed by "\" or its end.
bool HasRoot(std::string_view key, std::string_view root) {
  if (key.size() < root.size() || (key.size() > root.size() && key[root.size()] != '\\'))
    return false;
  for (std::size_t i = 0; i < root.size(); ++i)
    if (AsciiUpper(key[i]) != root[i]) return false;
  return true;
}

}  // namespace

Result<std::string> NormalizeRegistryKey(std::string_view value) {
  std::string_view key = value;
  while (key.ends_with('\\')) key.remove_suffix(1);
  for (const auto& [root, hive] : kRoots) {
    if (HasRoot(key, root)) return std::string(hive) + std::string(key.substr(root.size()));
  }
  return InvalidValue("a valid registry key", value,
                      "it must start with a hive such as HKEY_LOCAL_MACHINE or HKLM");
}

}  // namespace ts::ingest
