// A finding about a message: a stable machine code (tests, API clients and
// the console's translations key on it) and why it was raised, in English
// and Japanese, naming the thing that triggered it.
#pragma once

#include <string>
#include <vector>

namespace ts::ingest::mail {

struct Finding {
  std::string code;       // e.g. "double_extension", "lure:invoice"
  std::string reason;     // one English sentence
  std::string reason_ja;  // the same in Japanese
};

using Findings = std::vector<Finding>;

// Every code a finding can have, lure families included, in the order the
// documentation lists them.
std::vector<std::string> AllFindingCodes();

}  // namespace ts::ingest::mail
