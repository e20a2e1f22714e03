#include "ingest/content/analysis.hpp"

#include "ingest/content/entropy.hpp"

namespace ts::ingest::content {

FileFacts AnalyzeFile(std::string_view data, std::string_view name,
                      const AnalysisOptions& options) {
  FileFacts f;
  f.name = std::string(name);
  f.size = data.size();
  f.digests = ComputeDigests(data);
  f.type = IdentifyFileType(data);
  f.entropy = ShannonEntropy(data);
  f.disguised_executable = IsDisguisedExecutable(name, f.type.kind);
  if (f.type.kind == FileKind::kPeExecutable) {
    // A PE whose headers do not parse is still reported by kind and digests.
    if (auto pe = ParsePe(data); pe.ok()) f.pe = std::move(*pe);
  }
  const FoundStrings strings = ExtractStrings(data, options.strings);
  f.strings_found = strings.strings.size();
  f.strings_truncated = strings.truncated;
  f.indicators = IndicatorsInStrings(strings);
  if (f.indicators.size() > options.max_indicators) {
    f.indicators.resize(options.max_indicators);
    f.indicators_truncated = true;
  }
  return f;
}

ContentReport AnalyzeContent(std::string_view data, std::string_view name,
                             const AnalysisOptions& options) {
  ContentReport report;
  report.file = AnalyzeFile(data, name, options);
  if (!options.walk_archives || !IsArchive(report.file.type.kind)) return report;
  auto walk = WalkArchive(data, name, options.archive);
  if (!walk.ok()) {
    report.is_archive = true;
    report.archive_error = walk.error();
    return report;
  }
  report.is_archive = walk->is_archive;
  report.warnings = std::move(walk->warnings);
  report.members.reserve(walk->members.size());
  for (auto& m : walk->members) {
    MemberReport r;
    r.path = m.path;
    r.depth = m.depth;
    r.parent = m.parent;
    r.encrypted = m.encrypted;
    r.locked = m.locked;
    if (m.locked) {
      r.facts.name = m.name;
    } else {
      r.facts = AnalyzeFile(m.bytes, m.name, options);
      if (options.keep_member_bytes) r.bytes = std::move(m.bytes);
    }
    // The member's bytes are not needed past this point either way.
    m.bytes = std::string();
    report.members.push_back(std::move(r));
  }
  return report;
}

}  // namespace ts::ingest::content
