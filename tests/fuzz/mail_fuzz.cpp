// Fuzzes the mail analysis with arbitrary bytes as a message: GMime parsing,
// charset decoding, Received and Authentication-Results reading, the HTML
// anchor scanner, attachment content and every finding family. No crash, no
// sanitizer report; the JSON document always serialises (valid UTF-8) and
// every finding has a known code and a reason.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "ingest/mail/analysis.hpp"
#include "ingest/mail/analysis_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace mail = ts::ingest::mail;
  static const auto kCodes = mail::AllFindingCodes();
  const std::string_view raw(reinterpret_cast<const char*>(data), size);
  auto analysis = mail::AnalyzeMessage(raw);
  if (!analysis.ok()) return 0;
  (void)mail::ToJson(*analysis).dump();  // throws, and so aborts, on invalid UTF-8
  for (const auto& f : analysis->findings)
    if (f.reason.empty() || std::find(kCodes.begin(), kCodes.end(), f.code) == kCodes.end())
      std::abort();
  return 0;
}
