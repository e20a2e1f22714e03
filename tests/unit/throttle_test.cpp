#include "server/auth/throttle.hpp"

#include <gtest/gtest.h>

#include <string>

namespace ts::server::auth {
namespace {

using std::chrono::seconds;
using Clock = std::chrono::steady_clock;

const Clock::time_point kT0 = Clock::time_point() + std::chrono::hours(1000);

TEST(ThrottleTest, RefusesAfterMaxFailuresUntilOldestLeavesWindow) {
  LoginThrottle throttle(5, seconds(900));
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(throttle.RetryAfter("alice", kT0 + seconds(i)), seconds(0)) << i;
    throttle.RecordFailure("alice", kT0 + seconds(i));
  }
  // The sixth attempt waits until the first failure (at kT0) is 900 s old.
  EXPECT_EQ(throttle.RetryAfter("alice", kT0 + seconds(5)), seconds(895));
  EXPECT_EQ(throttle.RetryAfter("alice", kT0 + seconds(899)), seconds(1));
  EXPECT_EQ(throttle.RetryAfter("alice", kT0 + seconds(900)), seconds(0));
  // Only one failure left the window, so one more is allowed before waiting again.
  throttle.RecordFailure("alice", kT0 + seconds(900));
  EXPECT_EQ(throttle.RetryAfter("alice", kT0 + seconds(900)), seconds(1));
  EXPECT_EQ(throttle.RetryAfter("alice", kT0 + seconds(901)), seconds(0));
}

TEST(ThrottleTest, RoundsPartialSecondsUp) {
  LoginThrottle throttle(1, seconds(10));
  throttle.RecordFailure("k", kT0);
  EXPECT_EQ(throttle.RetryAfter("k", kT0 + std::chrono::milliseconds(9001)), seconds(1));
  EXPECT_EQ(throttle.RetryAfter("k", kT0 + std::chrono::milliseconds(8999)), seconds(2));
  EXPECT_EQ(throttle.RetryAfter("k", kT0 + seconds(10)), seconds(0));
}

TEST(ThrottleTest, FailuresOutsideTheWindowDoNotCount) {
  LoginThrottle throttle(3, seconds(60));
  throttle.RecordFailure("k", kT0);
  throttle.RecordFailure("k", kT0 + seconds(30));
  throttle.RecordFailure("k", kT0 + seconds(61));  // kT0 has left the window
  EXPECT_EQ(throttle.RetryAfter("k", kT0 + seconds(61)), seconds(0));
  throttle.RecordFailure("k", kT0 + seconds(62));
  EXPECT_EQ(throttle.RetryAfter("k", kT0 + seconds(62)), seconds(28));
}

TEST(ThrottleTest, KeysAreIndependentAndSuccessClears) {
  LoginThrottle throttle(2, seconds(60));
  throttle.RecordFailure("alice", kT0);
  throttle.RecordFailure("alice", kT0);
  EXPECT_GT(throttle.RetryAfter("alice", kT0), seconds(0));
  EXPECT_EQ(throttle.RetryAfter("bob", kT0), seconds(0));
  throttle.RecordSuccess("alice");
  EXPECT_EQ(throttle.RetryAfter("alice", kT0), seconds(0));
  throttle.RecordFailure("alice", kT0 + seconds(1));
  EXPECT_EQ(throttle.RetryAfter("alice", kT0 + seconds(1)), seconds(0));
}

TEST(ThrottleTest, OutOfOrderTimePointsAreTolerated) {
  LoginThrottle throttle(2, seconds(60));
  throttle.RecordFailure("k", kT0 + seconds(10));
  throttle.RecordFailure("k", kT0);
  EXPECT_EQ(throttle.RetryAfter("k", kT0 + seconds(10)), seconds(50));
}

TEST(ThrottleTest, KeySprayIsBoundedAndForgetsOldestKeyFirst) {
  LoginThrottle throttle(1, seconds(60), /*max_keys=*/100);
  throttle.RecordFailure("victim", kT0);
  throttle.RecordFailure("recent", kT0 + seconds(1));
  EXPECT_GT(throttle.RetryAfter("victim", kT0 + seconds(1)), seconds(0));
  for (int i = 0; i < 98; ++i)
    throttle.RecordFailure("spray" + std::to_string(i), kT0 + seconds(2));
  EXPECT_GT(throttle.RetryAfter("victim", kT0 + seconds(2)), seconds(0));
  // The 101st key evicts the key whose last failure is the oldest.
  throttle.RecordFailure("one-more", kT0 + seconds(2));
  EXPECT_EQ(throttle.RetryAfter("victim", kT0 + seconds(2)), seconds(0));
  EXPECT_GT(throttle.RetryAfter("recent", kT0 + seconds(2)), seconds(0));
}

TEST(ThrottleTest, RepeatedFailuresKeepAKeyFromEviction) {
  LoginThrottle throttle(2, seconds(60), /*max_keys=*/3);
  throttle.RecordFailure("victim", kT0);
  throttle.RecordFailure("a", kT0 + seconds(1));
  throttle.RecordFailure("b", kT0 + seconds(1));
  throttle.RecordFailure("victim", kT0 + seconds(2));  // now the most recent failure
  throttle.RecordFailure("c", kT0 + seconds(2));       // evicts "a" rather than "victim"
  EXPECT_EQ(throttle.RetryAfter("victim", kT0 + seconds(2)), seconds(58));
}

}  // namespace
}  // namespace ts::server::auth
