#include "hunt/log_time.hpp"

#include <array>
#include <chrono>
#include <string>

#include "ingest/ascii.hpp"

namespace ts::hunt {
namespace {

using namespace std::chrono;

bool ReadNumber(std::string_view s, std::size_t pos, std::size_t digits, int& out) {
  if (pos + digits > s.size()) return false;
  out = 0;
  for (std::size_t i = pos; i < pos + digits; ++i) {
    if (!ingest::IsAsciiDigit(s[i])) return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

std::optional<SysTime> ParseEpoch(std::string_view s) {
  const std::size_t dot = s.find('.');
  const std::string_view whole = s.substr(0, dot);
  const std::string_view fraction = dot == std::string_view::npos ? "" : s.substr(dot + 1);
  if (whole.empty() || whole.size() > 12 || !ingest::IsAllDigits(whole) ||
      !ingest::IsAllDigits(fraction))
    return std::nullopt;
  std::int64_t micros = 0;
  for (std::size_t i = 0; i < 6; ++i)
    micros = micros * 10 + (i < fraction.size() ? fraction[i] - '0' : 0);
  return SysTime(seconds(std::stoll(std::string(whole))) + microseconds(micros));
}

// dd/Mon/yyyy:HH:MM:SS +hhmm
std::optional<SysTime> ParseClf(std::string_view s) {
  static constexpr std::array<std::string_view, 12> kMonths{
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  int day, year, hour, minute, second, zone_h, zone_m;
  if (s.size() != 26 || s[2] != '/' || s[6] != '/' || s[11] != ':' || s[14] != ':' ||
      s[17] != ':' || s[20] != ' ' || (s[21] != '+' && s[21] != '-') || !ReadNumber(s, 0, 2, day) ||
      !ReadNumber(s, 7, 4, year) || !ReadNumber(s, 12, 2, hour) || !ReadNumber(s, 15, 2, minute) ||
      !ReadNumber(s, 18, 2, second) || !ReadNumber(s, 22, 2, zone_h) ||
      !ReadNumber(s, 24, 2, zone_m))
    return std::nullopt;
  unsigned month = 0;
  while (month < kMonths.size() && kMonths[month] != s.substr(3, 3)) ++month;
  if (month == kMonths.size()) return std::nullopt;
  const year_month_day date{std::chrono::year{year}, std::chrono::month{month + 1},
                            std::chrono::day{static_cast<unsigned>(day)}};
  if (!date.ok() || hour > 23 || minute > 59 || second > 60) return std::nullopt;
  const minutes offset{(zone_h * 60 + zone_m) * (s[21] == '+' ? 1 : -1)};
  return SysTime(sys_days(date) + hours(hour) + minutes(minute) + seconds(second) - offset);
}

}  // namespace

std::optional<SysTime> ParseLogTime(std::string_view text, TimeFormat format) {
  switch (format) {
    case TimeFormat::kNone:
      return std::nullopt;
    case TimeFormat::kEpoch:
      return ParseEpoch(text);
    case TimeFormat::kClf:
      return ParseClf(text);
    case TimeFormat::kIso:
      if (auto t = ParseTime(text)) return t;
      // A time without a zone is read as UTC, so that the hit shows the
      // digits the log holds rather than a shift by the scanner's zone.
      return ParseTime(std::string(text) + "Z");
  }
  return std::nullopt;
}

}  // namespace ts::hunt
