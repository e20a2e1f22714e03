// Totals of a hunt and its hits grouped per terminal (client) and per
// indicator, with counts and first and last seen. The per-indicator entry
// is what a STIX sighting carries (count, first_seen, last_seen), so it can
// be posted to the portal as one. Filled by one thread.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "hunt/hit.hpp"

namespace ts::hunt {

struct Seen {
  std::uint64_t count = 0;
  std::optional<SysTime> first, last;  // over the hits that have a time

  void Add(const std::optional<SysTime>& t);
};

struct TerminalSummary {
  Seen seen;
  std::set<std::uint32_t> indicators;
};

struct IndicatorSummary {
  Seen seen;
  std::set<std::string> clients;
};

struct FileSummary {
  std::string name;
  std::string format;       // log_format.hpp name
  std::string compression;  // "", "gzip" or "zstd"
  std::uint64_t bytes = 0, lines = 0, malformed_lines = 0, lines_with_hits = 0, hits = 0;
};

struct Summary {
  std::vector<FileSummary> files;
  std::uint64_t bytes = 0;  // of log text, after decompression
  std::uint64_t lines = 0;
  std::uint64_t malformed_lines = 0;  // not in their file's format; read as text
  std::uint64_t lines_with_hits = 0;
  std::uint64_t hits = 0;
  std::map<std::string, TerminalSummary> terminals;      // by client; "" when unknown
  std::map<std::uint32_t, IndicatorSummary> indicators;  // by indicator id

  void AddFile(FileSummary file);
  void Add(const Hit& hit);
};

}  // namespace ts::hunt
