// Fuzzes the indicator file readers of `threatshare hunt` (STIX, MISP, CSV,
// plain lists, compressed or not) through LoadIndicators: no crash, no
// sanitizer report, counts that add up, and every indicator held in the
// canonical form ingest::Normalize gives.
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "hunt/indicator_loader.hpp"
#include "ingest/normalize.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // The loader reads files: hand it one that lives in memory.
  const int fd = memfd_create("indicators", MFD_CLOEXEC);
  if (fd < 0) return 0;
  if (size > 0 && write(fd, data, size) != static_cast<ssize_t>(size)) std::abort();
  ts::hunt::IndicatorSet set;
  ts::hunt::LoadReport report;
  const auto status =
      ts::hunt::LoadIndicators("/proc/self/fd/" + std::to_string(fd), set, report, 2);
  close(fd);
  if (!status.ok()) return 0;
  if (set.size() != report.added || report.added + report.duplicates > report.read) std::abort();
  set.Build(2);
  for (std::uint32_t id = 0; id < set.size(); ++id) {
    const auto ind = set.at(id);
    const auto canonical = ts::ingest::Normalize(ind.type, ind.value);
    if (!canonical.ok() || *canonical != ind.value) std::abort();
  }
  return 0;
}
