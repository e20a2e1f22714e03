// Windows registry keys as indicators (persistence, configuration).
#pragma once

#include <string>
#include <string_view>

#include "util/result.hpp"

namespace ts::ingest {

// `value` with its root written as the full hive name in upper case:
// HKLM, HKCU, HKCR, HKU, HKCC and the kernel's \REGISTRY\MACHINE and
// \REGISTRY\USER (as EDR tools log them) all become HKEY_... names. The
// rest keeps its case and backslashes; trailing backslashes are dropped.
// A key without one of these roots is rejected: it is ambiguous.
Result<std::string> NormalizeRegistryKey(std::string_view value);

}  // namespace ts::ingest
