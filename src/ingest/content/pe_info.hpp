// Basic facts of a Windows PE executable (exe, dll, sys): machine, 32/64
// bit, compile timestamp, sections with their entropy, and imported
// functions per DLL. A careful parser of untrusted bytes: every offset and
// count is bounds-checked, loops are capped, and a malformed import table
// yields a warning rather than a failure. Pure function, safe from any thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.hpp"

namespace ts::ingest::content {

struct PeSection {
  std::string name;  // up to 8 characters, trailing NULs dropped
  std::uint32_t virtual_address = 0;
  std::uint32_t virtual_size = 0;
  std::uint32_t raw_offset = 0;
  std::uint32_t raw_size = 0;
  std::uint32_t characteristics = 0;
  double entropy = 0;  // of the raw bytes present in the file
};

struct PeImport {
  std::string dll;                     // as written, e.g. "KERNEL32.dll"
  std::vector<std::string> functions;  // names, or "#123" for imports by ordinal
};

struct PeInfo {
  std::uint16_t machine = 0;
  std::string machine_name;  // "i386", "amd64", "arm64", "arm", or "0x1c4"-style hex
  bool is_64bit = false;     // PE32+ optional header
  bool is_dll = false;
  std::uint16_t subsystem = 0;
  std::string subsystem_name;     // "windows_gui", "windows_cui", "native", ...
  std::uint32_t timestamp = 0;    // TimeDateStamp, seconds since 1970 (may be forged)
  std::string compile_time;       // the same in RFC 3339 UTC, e.g. "2019-03-04T05:06:07Z"
  std::uint32_t entry_point = 0;  // RVA
  std::uint64_t image_base = 0;
  std::vector<PeSection> sections;
  std::vector<PeImport> imports;
  std::vector<std::string> warnings;  // what could not be read, e.g. a truncated import table
};

// Invalid error when `data` is not a PE file (no MZ, no PE signature, or a
// header that does not fit).
Result<PeInfo> ParsePe(std::string_view data);

}  // namespace ts::ingest::content
