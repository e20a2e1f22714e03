// Fuzzes the PE parser with arbitrary bytes: no crash, no sanitizer report,
// the caps hold, and whatever parses is self-consistent.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "ingest/content/pe_info.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto pe = ts::ingest::content::ParsePe(bytes);
  if (!pe.ok()) return 0;
  if (pe->sections.size() > 96 || pe->compile_time.size() != 20) std::abort();
  for (const auto& s : pe->sections)
    if (s.entropy < 0 || s.entropy > 8 || s.name.size() > 8) std::abort();
  for (const auto& i : pe->imports)
    if (i.dll.empty()) std::abort();
  return 0;
}
