// Shannon entropy of bytes in bits per byte (0 for empty or uniform input,
// 8 for uniformly random bytes): packed or encrypted content reads near 8.
#pragma once

#include <string_view>

namespace ts::ingest::content {

double ShannonEntropy(std::string_view data);

}  // namespace ts::ingest::content
