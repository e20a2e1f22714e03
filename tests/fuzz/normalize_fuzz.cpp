// Fuzzes indicator normalisation and type detection with arbitrary bytes:
// no crash, no sanitizer report, and a canonical form is a fixed point
// (normalising it again gives it back).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iterator>
#include <string_view>

#include "ingest/normalize.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  // The first byte picks the type, the rest is the value.
  constexpr auto& kTypes = ts::model::kAllIndicatorTypes;
  auto type = kTypes[data[0] % std::size(kTypes)];
  std::string_view raw(reinterpret_cast<const char*>(data + 1), size - 1);
  auto once = ts::ingest::Normalize(type, raw);
  if (once.ok()) {
    auto twice = ts::ingest::Normalize(type, *once);
    if (!twice.ok() || *twice != *once) std::abort();
  }
  if (auto detected = ts::ingest::DetectType(raw)) (void)ts::ingest::Normalize(*detected, raw);
  return 0;
}
