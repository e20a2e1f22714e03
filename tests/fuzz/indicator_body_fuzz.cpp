// Fuzzes the REST layer's reading of indicator request bodies (JSON parse,
// field checks, per-item errors) with arbitrary bytes.
#include <cstddef>
#include <cstdint>

#include "server/api/indicator_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  ts::server::Request req;
  req.method = "POST";
  req.body.assign(reinterpret_cast<const char*>(data), size);
  (void)ts::server::api::ReadIndicatorInputs(req);
  return 0;
}
