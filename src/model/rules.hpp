// The operating rules (運用規程): versioned text that every user accepts
// before handling information, and again whenever a new version appears.
#pragma once

#include <cstdint>
#include <string>

namespace ts::model {

struct RulesVersion {
  int version = 0;
  std::string text;  // Markdown
  std::string created;
  int64_t created_by_user_id = 0;
};

}  // namespace ts::model
