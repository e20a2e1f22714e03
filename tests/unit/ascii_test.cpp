// White space handling shared by the mail and STIX readers.
#include <gtest/gtest.h>

#include "ingest/ascii.hpp"

namespace {

using ts::ingest::CollapseSpaces;

TEST(AsciiSpace, RunsBecomeOneSpaceAndEndsGo) {
  EXPECT_EQ(CollapseSpaces(" \t a \r\n\n b\tc  "), "a b c");
  EXPECT_EQ(CollapseSpaces(" \r\n "), "");
  EXPECT_EQ(CollapseSpaces("a\fb"), "a\fb");  // not header white space
}

TEST(AsciiSpace, CallerMayWidenWhatCountsAsSpace) {
  auto html = [](char c) { return ts::ingest::IsAsciiSpace(c) || c == '\f'; };
  EXPECT_EQ(CollapseSpaces("a\f\fb ", +html), "a b");
}

}  // namespace
