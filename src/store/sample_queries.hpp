// Query parameters and records of samples and YARA rules that pass through
// the Store interface. Everything here was filtered by the viewer's Scope:
// a SampleRow or SampleView describes only submissions the viewer may see.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/level.hpp"
#include "model/sample.hpp"

namespace ts::store {

struct SampleFilter {
  std::optional<model::Level> level;  // some visible submission has this level
  std::string kind;                   // content kind, e.g. "pe_executable"
  std::string tag;                    // "yara:<identifier>" of a visible rule
  std::string text;                   // substring of a visible name, or a prefix of md5/sha1/sha256
  int64_t offset = 0;
  int64_t limit = 50;
};

// A sample as a list shows it: its content without the report, and what the
// viewer's visible submissions say of it.
struct SampleRow {
  model::SampleContent content;             // analysis left empty
  model::Level level = model::Level::kRed;  // the widest visible submission's
  std::vector<std::string> names;           // distinct visible names
  std::string first_seen;                   // earliest visible submission
  std::string last_seen;
  bool is_member = false;  // every visible submission came out of an archive
};

// A member of an archive, or the archive a sample was found in, seen from
// one sample.
struct SampleLink {
  std::string sha256;
  std::string path;  // member path inside the archive
  std::string name;
  model::Level level = model::Level::kRed;
  std::string kind;
  int64_t size = 0;
};

// Everything the viewer may see of one sample.
struct SampleView {
  model::SampleContent content;
  std::vector<model::SampleSubmission> submissions;  // oldest first
  std::vector<SampleLink> children;
  std::vector<SampleLink> parents;
  std::vector<model::YaraMatch> matches;
  // The widest level among the submissions: who else may see it.
  model::Level level() const {
    model::Level widest = model::Level::kRed;
    for (const auto& s : submissions)
      if (model::IsWiderOrEqual(s.level, widest)) widest = s.level;
    return widest;
  }
};

}  // namespace ts::store
