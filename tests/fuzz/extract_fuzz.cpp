// Fuzzes free-text extraction with arbitrary bytes in each input format:
// no crash, no sanitizer report, every finding points inside the input,
// appears once, and an indicator's value is already canonical (normalising
// it again gives it back).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>
#include <tuple>

#include "ingest/extract/extract.hpp"
#include "ingest/normalize.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  using ts::ingest::Extracted;
  using ts::ingest::TextFormat;
  // The first byte picks the format, the rest is the text.
  constexpr TextFormat kFormats[] = {TextFormat::kPlain, TextFormat::kMarkdown, TextFormat::kHtml};
  const TextFormat format = kFormats[data[0] % 3];
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  (void)ts::ingest::GuessTextFormat(text);
  std::set<std::tuple<Extracted::Kind, ts::model::IndicatorType, std::string>> seen;
  for (const Extracted& e : ts::ingest::ExtractIndicators(text, format)) {
    if (e.offset > text.size() || e.length > text.size() - e.offset) std::abort();
    if (!seen.emplace(e.kind, e.type, e.value).second) std::abort();
    if (e.kind != Extracted::Kind::kIndicator) continue;
    auto again = ts::ingest::Normalize(e.type, e.value);
    if (!again.ok() || *again != e.value) std::abort();
  }
  return 0;
}
