#include "catalog/yara_engine.hpp"

#include <yara.h>

#include <algorithm>
#include <mutex>

namespace ts::catalog {
namespace {

constexpr int kScanTimeoutSeconds = 30;

void InitYara() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (yr_initialize() != ERROR_SUCCESS) throw std::runtime_error("cannot initialise libyara");
  });
}

void CollectDiagnostic(int error_level, const char*, int line_number, const YR_RULE*,
                       const char* message, void* user_data) {
  auto* out = static_cast<std::vector<YaraDiagnostic>*>(user_data);
  out->push_back({line_number, message ? message : "", error_level == YARA_ERROR_LEVEL_WARNING});
}

const char* RefuseInclude(const char*, const char*, const char*, void*) {
  return nullptr;  // libyara then reports "can't open include file" on its line
}

int CollectMatch(YR_SCAN_CONTEXT*, int message, void* message_data, void* user_data) {
  if (message == CALLBACK_MSG_RULE_MATCHING) {
    auto* rule = static_cast<YR_RULE*>(message_data);
    static_cast<std::vector<std::string>*>(user_data)->emplace_back(rule->identifier);
  }
  return CALLBACK_CONTINUE;
}

}  // namespace

class CompiledYara {
 public:
  explicit CompiledYara(YR_RULES* rules) : rules_(rules) {}
  ~CompiledYara() { yr_rules_destroy(rules_); }
  CompiledYara(const CompiledYara&) = delete;
  CompiledYara& operator=(const CompiledYara&) = delete;
  YR_RULES* get() const { return rules_; }

 private:
  YR_RULES* rules_;
};

YaraCompilation CompileYara(std::string_view text) {
  InitYara();
  YaraCompilation out;
  YR_COMPILER* compiler = nullptr;
  if (yr_compiler_create(&compiler) != ERROR_SUCCESS) {
    out.diagnostics.push_back({0, "cannot create a YARA compiler", false});
    return out;
  }
  yr_compiler_set_callback(compiler, CollectDiagnostic, &out.diagnostics);
  yr_compiler_set_include_callback(compiler, RefuseInclude, nullptr, nullptr);
  // libyara reads a NUL-terminated string.
  const std::string source(text);
  int errors = yr_compiler_add_string(compiler, source.c_str(), nullptr);
  if (errors == 0) {
    YR_RULES* rules = nullptr;
    if (yr_compiler_get_rules(compiler, &rules) == ERROR_SUCCESS)
      out.rules = std::make_shared<const CompiledYara>(rules);
    else
      out.diagnostics.push_back({0, "cannot build the compiled rules", false});
  }
  yr_compiler_destroy(compiler);
  std::stable_sort(out.diagnostics.begin(), out.diagnostics.end(),
                   [](const auto& a, const auto& b) { return a.line < b.line; });
  return out;
}

Result<std::vector<std::string>> ScanWithYara(const CompiledYara& rules, std::string_view data) {
  std::vector<std::string> matched;
  int rc =
      yr_rules_scan_mem(rules.get(), reinterpret_cast<const uint8_t*>(data.data()), data.size(),
                        SCAN_FLAGS_FAST_MODE, CollectMatch, &matched, kScanTimeoutSeconds);
  if (rc == ERROR_SCAN_TIMEOUT) return Error::Internal("YARA scan ran out of time");
  if (rc != ERROR_SUCCESS)
    return Error::Internal("YARA scan failed (code " + std::to_string(rc) + ")");
  return matched;
}

}  // namespace ts::catalog
