// Fuzzes the MISP event JSON importer and, for what imports, the writer:
// no crash, no sanitizer report, problems instead of exceptions, and what
// the writer produces imports again without a fatal problem.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "exchange/misp/misp_export.hpp"
#include "exchange/misp/misp_import.hpp"
#include "ingest/normalize.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string content(reinterpret_cast<const char*>(data), size);
  const ts::exchange::ImportBatch batch = ts::exchange::misp::ParseMisp(content, {});
  if (batch.HasFatal() && !batch.events.empty()) std::abort();
  ts::exchange::ExportSet set;
  for (const auto& draft : batch.events) {
    ts::exchange::ExportEvent ee;
    ee.event.id = draft.key;
    ee.event.title = draft.title;
    ee.event.tags = draft.tags;
    for (const auto& d : draft.indicators) {
      auto type =
          d.type.empty() ? ts::ingest::DetectType(d.value) : ts::model::ParseIndicatorType(d.type);
      if (!type) continue;
      auto value = ts::ingest::Normalize(*type, d.value);
      if (!value) continue;
      ts::model::Indicator i;
      i.type = *type;
      i.value = *value;
      i.level = d.level;
      i.comment = d.comment;  // carries the mark tying it to a MISP Object
      ee.indicators.push_back(std::move(i));
    }
    ee.objects = draft.objects;
    set.events.push_back(std::move(ee));
  }
  if (set.events.empty()) return 0;
  if (ts::exchange::misp::ParseMisp(ts::exchange::misp::WriteMisp(set), {}).HasFatal())
    std::abort();
  return 0;
}
