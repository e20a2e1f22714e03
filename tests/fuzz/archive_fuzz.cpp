// Fuzzes the archive walk with arbitrary bytes under small limits: no
// crash, no sanitizer report, and the walk's promises hold (limits, member
// sizes, parent links, no traversal names).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "ingest/content/archive_walk.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace ts::ingest::content;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  ArchiveOptions options;
  options.limits.max_depth = 3;
  options.limits.max_members = 200;
  options.limits.max_total_bytes = 8 << 20;
  options.limits.ratio_floor_bytes = 1 << 20;
  auto walk = WalkArchive(bytes, "fuzz.bin", options);
  if (!walk.ok()) return 0;
  std::uint64_t total = 0;
  for (std::size_t i = 0; i < walk->members.size(); ++i) {
    const auto& m = walk->members[i];
    total += m.size;
    if (m.size != m.bytes.size() || (m.locked && !m.bytes.empty())) std::abort();
    if (m.depth < 1 || m.depth > options.limits.max_depth) std::abort();
    if (m.parent != kTopArchive && m.parent >= i) std::abort();
    if (IsTraversalName(m.name)) std::abort();
  }
  if (walk->members.size() > options.limits.max_members || total > options.limits.max_total_bytes)
    std::abort();
  return 0;
}
