// One report on a file's content, which the sample store saves and shows
// and the mail analyser reads for attachments: size, digests, type, entropy,
// PE facts, strings-derived indicators, and the same for every archive
// member at any depth. Bytes in memory in, report out; nothing written to
// disk. Safe from any thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/content/archive_walk.hpp"
#include "ingest/content/digests.hpp"
#include "ingest/content/file_type.hpp"
#include "ingest/content/pe_info.hpp"
#include "ingest/content/strings.hpp"
#include "ingest/extract/extract.hpp"
#include "util/error.hpp"

namespace ts::ingest::content {

struct AnalysisOptions {
  ArchiveOptions archive;
  StringsOptions strings;
  bool walk_archives = true;
  // Members keep their bytes so that the caller can store them as samples of
  // their own; false drops them once analysed.
  bool keep_member_bytes = true;
  std::size_t max_indicators = 1000;  // per file
};

// Facts about one file's bytes.
struct FileFacts {
  std::string name;
  std::uint64_t size = 0;
  Digests digests;
  FileType type;
  double entropy = 0;
  bool disguised_executable = false;  // see IsDisguisedExecutable
  std::optional<PeInfo> pe;           // for PE executables that parse
  std::size_t strings_found = 0;
  bool strings_truncated = false;
  std::vector<Extracted> indicators;  // from the strings, capped at max_indicators
  bool indicators_truncated = false;
};

struct MemberReport {
  std::string path;  // as ArchiveMember::path
  std::size_t depth = 1;
  std::size_t parent = kTopArchive;  // index in ContentReport::members
  bool encrypted = false;
  bool locked = false;  // encrypted, password unknown: facts are empty but name
  FileFacts facts;      // facts.name is the member's own name inside its archive
  std::string bytes;    // empty unless keep_member_bytes
};

struct ContentReport {
  FileFacts file;
  bool is_archive = false;
  std::vector<MemberReport> members;
  // Why the archive was not walked (a limit or a refused member name); the
  // members are then empty. The file's own facts are always there.
  std::optional<Error> archive_error;
  std::vector<std::string> warnings;
};

// Facts about one file only (no archive walk).
FileFacts AnalyzeFile(std::string_view data, std::string_view name,
                      const AnalysisOptions& options = {});

ContentReport AnalyzeContent(std::string_view data, std::string_view name,
                             const AnalysisOptions& options = {});

}  // namespace ts::ingest::content
