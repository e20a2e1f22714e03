// Fuzzes the CSV importer with arbitrary bytes and column maps, and the
// record reader against the writer's quoting: no crash, no sanitizer
// report, and any field quoted by Quote reads back as itself.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "exchange/csv/csv_import.hpp"
#include "exchange/csv/csv_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  // Up to the first NUL is a column map, the rest the file.
  const std::size_t nul = input.find('\0');
  ts::exchange::ParseOptions opts;
  opts.source_name = "fuzz.csv";
  if (nul != std::string::npos) opts.csv_map = input.substr(0, nul);
  const std::string content = nul == std::string::npos ? input : input.substr(nul + 1);
  const auto batch = ts::exchange::csv::ParseCsv(content, opts);
  if (batch.HasFatal() && !batch.events.empty()) std::abort();

  const std::string field = content.substr(0, 64);
  const auto records =
      ts::exchange::csv::ReadRecords("h\n" + ts::exchange::csv::Quote(field) + "\n");
  const bool blank = field.empty();
  if (records.error) std::abort();
  if (!blank && (records.records.size() != 2 || records.records[1].fields.size() != 1 ||
                 records.records[1].fields[0] != field))
    std::abort();
  return 0;
}
