// Builds, in memory, the password-protected zip in which samples are handed
// out: one file, ZipCrypto with password "infected" by default (every unzip
// tool opens it, and mail filters and antivirus leave it alone), AES-256 on
// request. Nothing is written to disk.
#pragma once

#include <string>
#include <string_view>

#include "util/result.hpp"

namespace ts::ingest::content {

enum class ZipEncryption { kZipCrypto, kAes256 };

struct ProtectedZipOptions {
  std::string password = "infected";
  ZipEncryption encryption = ZipEncryption::kZipCrypto;
};

// The zip file's bytes. Invalid error for an empty password or a file name
// that is empty or would escape the extraction folder (see IsTraversalName).
Result<std::string> MakeProtectedZip(std::string_view file_name, std::string_view data,
                                     const ProtectedZipOptions& options = {});

}  // namespace ts::ingest::content
