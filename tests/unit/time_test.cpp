// RFC 3339 times: every offset is brought to UTC with microseconds, and
// times far from today neither overflow nor wrap.
#include <gtest/gtest.h>

#include "util/time.hpp"

namespace ts {
namespace {

TEST(Time, CanonicalForms) {
  EXPECT_EQ(CanonicalTime("2026-05-03T00:00:00+09:00"), "2026-05-02T15:00:00.000000Z");
  EXPECT_EQ(CanonicalTime("2026-05-03t00:00:00.5z"), "2026-05-03T00:00:00.500000Z");
  EXPECT_EQ(CanonicalTime("2026-05-03 10:20:30.1234567-01:30"), "2026-05-03T11:50:30.123456Z");
  EXPECT_EQ(CanonicalTime("2999-12-31T23:59:59Z"), "2999-12-31T23:59:59.000000Z");
  EXPECT_EQ(CanonicalTime("0001-01-01T00:00:00Z"), "0001-01-01T00:00:00.000000Z");
  EXPECT_EQ(CanonicalTime("1969-12-31T23:59:59.999999Z"), "1969-12-31T23:59:59.999999Z");
}

TEST(Time, FormatsYearsBeyondFourDigits) {
  using namespace std::chrono;
  const SysTime far = sys_days{year{10000} / 1 / 2} + hours{3} + microseconds{7};
  EXPECT_EQ(FormatUtc(far), "10000-01-02T03:00:00.000007Z");
  EXPECT_EQ(FormatUtc(sys_days{year{9999} / 12 / 31} + hours{23} + minutes{59} + seconds{59}),
            "9999-12-31T23:59:59.000000Z");
}

TEST(Time, Refused) {
  for (const char* bad : {"2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-05-03T24:00:00Z",
                          "2026-05-03T00:00:00", "2026-05-03", "2026-05-03T00:00:00+9:00",
                          "2026-05-03T00:00:00.Z", "2026-05-03T00:00:00Zjunk", ""}) {
    EXPECT_FALSE(CanonicalTime(bad).has_value()) << bad;
  }
}

TEST(Time, NowIsCanonical) {
  auto now = NowUtc();
  EXPECT_EQ(CanonicalTime(now), now);
}

}  // namespace
}  // namespace ts
