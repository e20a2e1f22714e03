#include "ingest/content/analysis_json.hpp"

#include <cmath>

#include "model/indicator_type.hpp"

namespace ts::ingest::content {
namespace {

using nlohmann::json;

// Three decimals are what analysts compare entropy by; more is noise.
double Round3(double v) {
  return std::round(v * 1000) / 1000;
}

json ToJson(const Extracted& e) {
  json j;
  switch (e.kind) {
    case Extracted::Kind::kIndicator:
      j["kind"] = "indicator";
      j["type"] = model::IndicatorTypeName(e.type);
      break;
    case Extracted::Kind::kVulnerability:
      j["kind"] = "vulnerability";
      break;
    case Extracted::Kind::kAttackTechnique:
      j["kind"] = "attack_technique";
      break;
  }
  j["value"] = e.value;
  j["offset"] = e.offset;
  return j;
}

}  // namespace

json ToJson(const Digests& d) {
  return {{"md5", d.md5},       {"sha1", d.sha1},
          {"sha256", d.sha256}, {"sha512", d.sha512},
          {"ssdeep", d.ssdeep}, {"tlsh", d.tlsh.empty() ? json(nullptr) : json(d.tlsh)}};
}

json ToJson(const PeInfo& pe) {
  json sections = json::array();
  for (const auto& s : pe.sections)
    sections.push_back({{"name", s.name},
                        {"virtual_address", s.virtual_address},
                        {"virtual_size", s.virtual_size},
                        {"raw_offset", s.raw_offset},
                        {"raw_size", s.raw_size},
                        {"characteristics", s.characteristics},
                        {"entropy", Round3(s.entropy)}});
  json imports = json::array();
  for (const auto& i : pe.imports) imports.push_back({{"dll", i.dll}, {"functions", i.functions}});
  return {{"machine", pe.machine_name},
          {"is_64bit", pe.is_64bit},
          {"is_dll", pe.is_dll},
          {"subsystem", pe.subsystem_name},
          {"timestamp", pe.timestamp},
          {"compile_time", pe.compile_time},
          {"entry_point", pe.entry_point},
          {"image_base", pe.image_base},
          {"sections", std::move(sections)},
          {"imports", std::move(imports)},
          {"warnings", pe.warnings}};
}

json ToJson(const FileFacts& f) {
  json indicators = json::array();
  for (const auto& e : f.indicators) indicators.push_back(ToJson(e));
  json j = {{"name", f.name},
            {"size", f.size},
            {"digests", ToJson(f.digests)},
            {"type",
             {{"kind", FileKindName(f.type.kind)},
              {"description", f.type.description},
              {"mime", f.type.mime},
              {"executable", IsExecutable(f.type.kind)}}},
            {"entropy", Round3(f.entropy)},
            {"disguised_executable", f.disguised_executable},
            {"strings", {{"found", f.strings_found}, {"truncated", f.strings_truncated}}},
            {"indicators", std::move(indicators)},
            {"indicators_truncated", f.indicators_truncated}};
  if (f.pe) j["pe"] = ToJson(*f.pe);
  return j;
}

json ToJson(const ContentReport& report) {
  json j = ToJson(report.file);
  if (!report.is_archive) return j;
  json members = json::array();
  for (const auto& m : report.members) {
    json member = ToJson(m.facts);
    member["path"] = m.path;
    member["depth"] = m.depth;
    member["parent"] = m.parent == kTopArchive ? json(nullptr) : json(m.parent);
    member["encrypted"] = m.encrypted;
    member["locked"] = m.locked;
    members.push_back(std::move(member));
  }
  json archive = {{"members", std::move(members)}, {"warnings", report.warnings}};
  if (report.archive_error)
    archive["error"] = {{"code", CodeName(report.archive_error->code)},
                        {"message", report.archive_error->message}};
  j["archive"] = std::move(archive);
  return j;
}

}  // namespace ts::ingest::content
