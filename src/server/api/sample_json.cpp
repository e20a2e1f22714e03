#include "server/api/sample_json.hpp"

#include "ingest/content/file_type.hpp"

namespace ts::server::api {
namespace {

using nlohmann::json;

json ContentJson(const model::SampleContent& c) {
  return {{"sha256", c.sha256},  {"md5", c.md5},
          {"sha1", c.sha1},      {"sha512", c.sha512},
          {"ssdeep", c.ssdeep},  {"tlsh", c.tlsh},
          {"size", c.size},      {"kind", c.kind},
          {"mime", c.mime},      {"description", c.description},
          {"entropy", c.entropy}};
}

json LinkJson(const store::SampleLink& l) {
  return {{"sha256", l.sha256}, {"path", l.path},
          {"name", l.name},     {"level", model::LevelName(l.level)},
          {"kind", l.kind},     {"size", l.size}};
}

}  // namespace

json SampleJson(const store::SampleView& view) {
  json j = ContentJson(view.content);
  const auto level = view.level();
  j["level"] = model::LevelName(level);
  j["tlp"] = model::TlpLabel(level);
  auto kind =
      ingest::content::ParseFileKind(view.content.kind).value_or(ingest::content::FileKind::kOther);
  json submissions = json::array();
  for (const auto& s : view.submissions) {
    json sj = {{"id", s.id},
               {"name", s.name},
               {"level", model::LevelName(s.level)},
               {"provider", {{"id", s.provider_org_id}, {"name", s.provider_org_name}}},
               {"created", s.created},
               // Judged per submission: the name is the submitter's own.
               {"disguised_executable", ingest::content::IsDisguisedExecutable(s.name, kind)}};
    if (!s.event_id.empty()) sj["event_id"] = s.event_id;
    if (!s.path.empty()) sj["path"] = s.path;
    submissions.push_back(std::move(sj));
  }
  j["submissions"] = std::move(submissions);
  json children = json::array();
  for (const auto& l : view.children) children.push_back(LinkJson(l));
  j["children"] = std::move(children);
  json parents = json::array();
  for (const auto& l : view.parents) parents.push_back(LinkJson(l));
  j["parents"] = std::move(parents);
  json yara = json::array();
  for (const auto& m : view.matches)
    yara.push_back(
        {{"rule_id", m.rule_id}, {"rule_name", m.rule_name}, {"identifier", m.identifier}});
  j["yara"] = std::move(yara);
  j["tags"] = catalog::SampleTags(view);
  j["analysis"] = json::parse(view.content.analysis, nullptr, false);
  return j;
}

json SampleRowJson(const store::SampleRow& row) {
  json j = ContentJson(row.content);
  j["level"] = model::LevelName(row.level);
  j["tlp"] = model::TlpLabel(row.level);
  j["names"] = row.names;
  j["first_seen"] = row.first_seen;
  j["last_seen"] = row.last_seen;
  j["archive_member"] = row.is_member;
  return j;
}

json YaraRuleJson(const model::YaraRule& r) {
  return {{"id", r.id},
          {"name", r.name},
          {"text", r.text},
          {"level", model::LevelName(r.level)},
          {"tlp", model::TlpLabel(r.level)},
          {"provider", {{"id", r.provider_org_id}, {"name", r.provider_org_name}}},
          {"version", r.version},
          {"created", r.created},
          {"modified", r.modified}};
}

json YaraDiagnosticsJson(const std::vector<catalog::YaraDiagnostic>& diagnostics) {
  json out = json::array();
  for (const auto& d : diagnostics)
    out.push_back(
        {{"line", d.line}, {"message", d.message}, {"severity", d.warning ? "warning" : "error"}});
  return out;
}

}  // namespace ts::server::api
