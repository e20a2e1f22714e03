// Digests of a sample's bytes as analysts exchange them: the cryptographic
// ones (md5, sha1, sha256, sha512) in lower-case hex, the ssdeep fuzzy hash
// ("blocksize:sig1:sig2") and TLSH ("T1" + 70 upper-case hex digits). Input
// is read from memory in one pass; nothing touches the disk. Pure function,
// safe from any thread.
#pragma once

#include <string>
#include <string_view>

namespace ts::ingest::content {

struct Digests {
  std::string md5;
  std::string sha1;
  std::string sha256;
  std::string sha512;
  std::string ssdeep;
  // Empty when TLSH cannot digest the input: fewer than 256 bytes (the
  // minimum of the TLSH 3.4 library linked; TLSH 4 tools start at 50) or
  // too little variety (e.g. one byte repeated).
  std::string tlsh;
};

Digests ComputeDigests(std::string_view data);

}  // namespace ts::ingest::content
