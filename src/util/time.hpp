// Timestamps are kept as RFC 3339 strings in UTC ("2026-11-22T03:04:05.123456Z"):
// they sort as text, read well in the database and need no conversion in JSON.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace ts {

// Microseconds since the epoch: enough for the years 0000–9999 that RFC 3339
// can write (nanoseconds would overflow past 2262).
using SysTime = std::chrono::sys_time<std::chrono::microseconds>;

// Now, with microseconds.
std::string NowUtc();
SysTime Now();
std::string FormatUtc(SysTime t);
// Parses RFC 3339 with any offset ("Z", "+09:00") and optional fraction.
std::optional<SysTime> ParseTime(std::string_view s);
// Parses and re-formats to the canonical UTC form; nullopt when invalid.
std::optional<std::string> CanonicalTime(std::string_view s);

}  // namespace ts
