#include "exchange/csv/csv_export.hpp"

#include "exchange/csv/csv_reader.hpp"

namespace ts::exchange::csv {

std::string WriteCsv(const ExportSet& set) {
  std::string out = "event_id,event,level,type,value,comment,first_seen,last_seen,confidence\r\n";
  for (const auto& ee : set.events) {
    for (const auto& i : ee.indicators) {
      const std::string fields[] = {
          ee.event.id,
          ee.event.title,
          std::string(model::LevelName(model::EffectiveLevel(i))),
          std::string(model::IndicatorTypeName(i.type)),
          i.value,
          i.comment,
          i.first_seen,
          i.last_seen,
          i.confidence >= 0 ? std::to_string(i.confidence) : std::string(),
      };
      for (std::size_t k = 0; k < std::size(fields); ++k) out += (k ? "," : "") + Quote(fields[k]);
      out += "\r\n";
    }
  }
  return out;
}

}  // namespace ts::exchange::csv
