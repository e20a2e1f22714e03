// Reads the committed fixtures of tests/cases/content/fixtures/ (made by
// make_fixtures.py next to them) for the content_*_test.cpp files.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

namespace ts::testing_support {

inline std::string ContentFixture(std::string_view name) {
  const auto path = std::filesystem::path(TS_CASES_DIR) / "content" / "fixtures" / name;
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "missing fixture " << path;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace ts::testing_support
