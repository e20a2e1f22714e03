// Timestamps are kept as RFC 3339 strings in UTC ("2026-11-22T03:04:05.123456Z"):
// they sort as text, read well in the database and need no conversion in JSON.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace ts {

using SysTime = std::chrono::system_clock::time_point;

// Now, with microseconds.
std::string NowUtc();
std::string FormatUtc(SysTime t);
// Parses RFC 3339 with any offset ("Z", "+09:00") and optional fraction.
std::optional<SysTime> ParseTime(std::string_view s);
// Parses and re-formats to the canonical UTC form; nullopt when invalid.
std::optional<std::string> CanonicalTime(std::string_view s);

}  // namespace ts
