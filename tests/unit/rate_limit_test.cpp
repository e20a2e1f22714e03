#include "server/auth/rate_limit.hpp"

#include <gtest/gtest.h>

#include <string>

namespace ts::server::auth {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using Clock = std::chrono::steady_clock;

const Clock::time_point kT0 = Clock::time_point() + std::chrono::hours(1000);

TEST(RateLimitTest, BurstThenRefusalThenRefill) {
  RateLimiter limiter(2, 5);
  for (int i = 0; i < 5; ++i) EXPECT_TRUE(limiter.Take("key", kT0)) << i;
  EXPECT_FALSE(limiter.Take("key", kT0));
  EXPECT_FALSE(limiter.Take("key", kT0 + milliseconds(499)));
  EXPECT_TRUE(limiter.Take("key", kT0 + milliseconds(500)));  // 2 per second
  EXPECT_FALSE(limiter.Take("key", kT0 + milliseconds(500)));
  // A long pause refills only up to the burst.
  for (int i = 0; i < 5; ++i) EXPECT_TRUE(limiter.Take("key", kT0 + seconds(100))) << i;
  EXPECT_FALSE(limiter.Take("key", kT0 + seconds(100)));
}

TEST(RateLimitTest, KeysHaveSeparateBuckets) {
  RateLimiter limiter(1, 1);
  EXPECT_TRUE(limiter.Take("a", kT0));
  EXPECT_FALSE(limiter.Take("a", kT0));
  EXPECT_TRUE(limiter.Take("b", kT0));
}

TEST(RateLimitTest, RetryAfterSeconds) {
  RateLimiter limiter(0.1, 1);  // one token every 10 s
  EXPECT_EQ(limiter.RetryAfterSeconds("key", kT0), 1);
  EXPECT_TRUE(limiter.Take("key", kT0));
  EXPECT_EQ(limiter.RetryAfterSeconds("key", kT0), 10);
  EXPECT_EQ(limiter.RetryAfterSeconds("key", kT0 + milliseconds(2500)), 8);
  EXPECT_EQ(limiter.RetryAfterSeconds("key", kT0 + milliseconds(9999)), 1);
  EXPECT_EQ(limiter.RetryAfterSeconds("key", kT0 + seconds(20)), 1);
  EXPECT_FALSE(limiter.Take("key", kT0 + milliseconds(9999)));
  EXPECT_TRUE(limiter.Take("key", kT0 + seconds(10)));
}

TEST(RateLimitTest, NonPositiveRateDisablesLimiting) {
  RateLimiter limiter(0, 1);
  for (int i = 0; i < 1000; ++i) EXPECT_TRUE(limiter.Take("key", kT0));
  EXPECT_EQ(limiter.RetryAfterSeconds("key", kT0), 1);
  RateLimiter negative(-1, 1);
  EXPECT_TRUE(negative.Take("key", kT0));
  EXPECT_TRUE(negative.Take("key", kT0));
}

TEST(RateLimitTest, EarlierTimePointDoesNotRefill) {
  RateLimiter limiter(1, 1);
  EXPECT_TRUE(limiter.Take("key", kT0 + seconds(10)));
  EXPECT_FALSE(limiter.Take("key", kT0));
  EXPECT_FALSE(limiter.Take("key", kT0 + seconds(10)));
  EXPECT_TRUE(limiter.Take("key", kT0 + seconds(11)));
}

TEST(RateLimitTest, KeySprayIsBoundedByEvictingLeastRecentlyUsed) {
  RateLimiter limiter(0.001, 1, /*max_keys=*/10);
  EXPECT_TRUE(limiter.Take("victim", kT0));
  for (int i = 0; i < 9; ++i)
    EXPECT_TRUE(limiter.Take("spray" + std::to_string(i), kT0 + seconds(1)));
  EXPECT_FALSE(limiter.Take("victim", kT0 + seconds(2)));  // now the most recently used
  // The eleventh key evicts spray0, whose bucket then starts full again.
  EXPECT_TRUE(limiter.Take("one-more", kT0 + seconds(2)));
  EXPECT_FALSE(limiter.Take("victim", kT0 + seconds(2)));
  EXPECT_TRUE(limiter.Take("spray0", kT0 + seconds(2)));
  EXPECT_FALSE(limiter.Take("spray2", kT0 + seconds(2)));
}

TEST(RateLimitTest, IdleBucketKeepsItsStateUntilFull) {
  RateLimiter limiter(1, 3);
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(limiter.Take("a", kT0)) << i;
  // Another key's call prunes idle buckets; "a" is not full yet and must stay.
  EXPECT_TRUE(limiter.Take("b", kT0 + seconds(2)));
  EXPECT_TRUE(limiter.Take("a", kT0 + seconds(2)));
  EXPECT_TRUE(limiter.Take("a", kT0 + seconds(2)));
  EXPECT_FALSE(limiter.Take("a", kT0 + seconds(2)));
}

}  // namespace
}  // namespace ts::server::auth
