// STIX 2.1 bundle → ImportBatch, read as the bytes arrive. The bundle's own
// structure is split by BundleReader; each object is parsed with simdjson,
// validated against the specification's rules (required properties,
// identifier format, timestamps, spec_version, reference types) and reduced
// to what the mapping needs, on worker threads while the rest of the bundle
// is still arriving. Finish() resolves markings and maps what the portal
// models; every object is also kept verbatim. Problems name the object id
// and the property.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "exchange/format.hpp"

namespace ts::exchange::stix {

class BundleImport {
 public:
  // `expected_bytes` (0: unknown) is the total that progress reports against.
  explicit BundleImport(ParseOptions opts, size_t expected_bytes = 0);
  ~BundleImport();
  BundleImport(const BundleImport&) = delete;
  BundleImport& operator=(const BundleImport&) = delete;

  // The next bytes of the bundle, from one thread at a time. Blocks while
  // the workers are far behind, so memory stays bounded.
  void Feed(std::string_view bytes);
  // Every byte has been fed.
  ImportBatch Finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The whole bundle at once.
ImportBatch ParseBundle(std::string_view content, const ParseOptions& opts);

}  // namespace ts::exchange::stix
