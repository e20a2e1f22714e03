// libyara behind two calls: compile a rule text (collecting every error and
// warning with its line number) and scan bytes in memory with the result.
// libyara is initialised once per process on first use and never shut
// down. Includes are refused, so a rule cannot read files of the server.
// Compiled rules may be scanned with from any thread.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.hpp"

namespace ts::catalog {

struct YaraDiagnostic {
  int line = 0;  // 1-based line in the rule text
  std::string message;
  bool warning = false;
};

class CompiledYara;

struct YaraCompilation {
  std::shared_ptr<const CompiledYara> rules;  // null when there were errors
  std::vector<YaraDiagnostic> diagnostics;    // errors and warnings, in text order
};

YaraCompilation CompileYara(std::string_view text);

// Identifiers of the rules that match `data`, in rule order. Internal error
// when the scan fails (e.g. it ran out of time).
Result<std::vector<std::string>> ScanWithYara(const CompiledYara& rules, std::string_view data);

}  // namespace ts::catalog
