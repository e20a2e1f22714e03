// Fuzzes the STIX 2.1 bundle parser with arbitrary bytes: no crash, no
// sanitizer report, and what it keeps is valid on its own: the objects of
// each event re-parse without a problem, and so does the bundle the STIX
// writer makes of them, which must hold every kept object unchanged; and
// feeding the bytes in small pieces gives the same problems and objects.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <set>
#include <string>

#include "exchange/stix/stix_export.hpp"
#include "exchange/stix/stix_import.hpp"

namespace {

using ts::exchange::ImportBatch;

std::set<std::string> Texts(const ImportBatch& b) {
  std::set<std::string> out;
  for (const auto& e : b.events)
    for (const auto& o : e.objects) out.insert(o.json);
  return out;
}

// Problems and kept objects, to compare two readings of one input.
std::string Summary(const ImportBatch& b) {
  std::string out;
  for (const auto& p : b.problems) out += ts::exchange::DescribeProblem(p) + "\n";
  for (const auto& t : Texts(b)) out += t + "\n";
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  ImportBatch batch = ts::exchange::stix::ParseBundle(input, {});
  // Read as it would arrive over a network, in pieces of a few bytes, the
  // bundle gives the same result.
  ts::exchange::stix::BundleImport pieces({});
  const size_t step = size == 0 ? 1 : 1 + data[0] % 7;
  for (size_t at = 0; at < size; at += step) pieces.Feed(std::string_view(input).substr(at, step));
  if (Summary(pieces.Finish()) != Summary(batch)) std::abort();
  if (batch.HasFatal() || batch.events.empty()) return 0;

  ts::exchange::ExportSet set;
  for (const auto& e : batch.events) {
    ts::exchange::ExportEvent ev;
    ev.event.id = "00000000-0000-4000-8000-000000000001";
    ev.event.title = e.title;
    ev.event.created = ev.event.modified = "2024-01-01T00:00:00.000Z";
    ev.objects = e.objects;
    set.events.push_back(std::move(ev));
  }
  auto written = ts::exchange::stix::WriteBundle(set);
  if (!written.ok()) std::abort();
  ImportBatch again = ts::exchange::stix::ParseBundle(*written, {});
  if (!again.problems.empty()) std::abort();
  auto before = Texts(batch);
  auto after = Texts(again);
  for (const auto& t : before)
    if (!after.count(t)) std::abort();
  return 0;
}
