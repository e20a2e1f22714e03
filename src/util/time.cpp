#include "util/time.hpp"

#include <cstdint>
#include <cstdio>

#include <fmt/format.h>

namespace ts {

std::string FormatUtc(SysTime t) {
  // By hand: fmt's chrono support goes through nanoseconds and overflows
  // for times past 2262, and reports format tens of thousands of times,
  // where digits written in place cost a tenth of a format call.
  using namespace std::chrono;
  const auto day = floor<days>(t);
  const year_month_day ymd{day};
  const hh_mm_ss hms{t - day};
  const int year = static_cast<int>(ymd.year());
  if (year < 0 || year > 9999) {
    return fmt::format("{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}.{:06d}Z", year,
                       static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                       hms.hours().count(), hms.minutes().count(), hms.seconds().count(),
                       hms.subseconds().count());
  }
  std::string out = "0000-00-00T00:00:00.000000Z";
  auto put = [&out](std::size_t at, std::size_t width, std::uint64_t value) {
    for (std::size_t i = at + width; i-- > at; value /= 10)
      out[i] = static_cast<char>('0' + value % 10);
  };
  put(0, 4, static_cast<std::uint64_t>(year));
  put(5, 2, static_cast<unsigned>(ymd.month()));
  put(8, 2, static_cast<unsigned>(ymd.day()));
  put(11, 2, static_cast<std::uint64_t>(hms.hours().count()));
  put(14, 2, static_cast<std::uint64_t>(hms.minutes().count()));
  put(17, 2, static_cast<std::uint64_t>(hms.seconds().count()));
  put(20, 6, static_cast<std::uint64_t>(hms.subseconds().count()));
  return out;
}

SysTime Now() {
  return std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now());
}

std::string NowUtc() {
  return FormatUtc(Now());
}

std::optional<SysTime> ParseTime(std::string_view s) {
  // YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM); 't', 'z' and a space separator accepted.
  auto digits = [&](std::size_t pos, std::size_t n, int& out) {
    if (pos + n > s.size()) return false;
    out = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      out = out * 10 + (s[i] - '0');
    }
    return true;
  };
  int y, mo, d, h, mi, se;
  if (!digits(0, 4, y) || s.size() < 19 || s[4] != '-' || !digits(5, 2, mo) || s[7] != '-' ||
      !digits(8, 2, d) || (s[10] != 'T' && s[10] != 't' && s[10] != ' ') || !digits(11, 2, h) ||
      s[13] != ':' || !digits(14, 2, mi) || s[16] != ':' || !digits(17, 2, se))
    return std::nullopt;
  std::size_t pos = 19;
  int64_t micros = 0;
  if (pos < s.size() && s[pos] == '.') {
    ++pos;
    int n = 0;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
      if (n < 6) micros = micros * 10 + (s[pos] - '0');
      ++n;
      ++pos;
    }
    if (n == 0) return std::nullopt;
    for (int i = n; i < 6; ++i) micros *= 10;
  }
  int offset_minutes = 0;
  if (pos < s.size() && (s[pos] == 'Z' || s[pos] == 'z')) {
    ++pos;
  } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
    int oh, om;
    if (!digits(pos + 1, 2, oh) || pos + 3 >= s.size() || s[pos + 3] != ':' ||
        !digits(pos + 4, 2, om) || oh > 23 || om > 59)
      return std::nullopt;
    offset_minutes = (oh * 60 + om) * (s[pos] == '+' ? 1 : -1);
    pos += 6;
  } else {
    return std::nullopt;
  }
  if (pos != s.size()) return std::nullopt;
  using namespace std::chrono;
  year_month_day ymd{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok() || h > 23 || mi > 59 || se > 60) return std::nullopt;
  auto t = sys_days{ymd} + hours{h} + minutes{mi} + seconds{se} + microseconds{micros} -
           minutes{offset_minutes};
  return t;
}

std::optional<std::string> CanonicalTime(std::string_view s) {
  auto t = ParseTime(s);
  if (!t) return std::nullopt;
  return FormatUtc(*t);
}

}  // namespace ts
