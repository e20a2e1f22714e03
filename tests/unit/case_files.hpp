// The data-driven case files of one topic: every *.test file of a folder
// under tests/cases/, in name order. A missing folder gives none, which the
// drivers report as a failure.
#pragma once

#include <algorithm>
#include <filesystem>
#include <vector>

namespace ts::testing_support {

inline std::vector<std::filesystem::path> CaseFiles(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  std::error_code ignored;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ignored))
    if (entry.path().extension() == ".test") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace ts::testing_support
