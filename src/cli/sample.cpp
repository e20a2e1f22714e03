// threatshare sample add|list|show|get and yara add|list: handing samples
// over and out, and sharing YARA rules, on a data directory without a
// server. --user acts as that user (their organisation provides, their
// scope applies); without it the system acts, and `sample add` then needs
// --org to name the providing organisation.
#include <fstream>
#include <iostream>
#include <sstream>

#include "catalog/samples.hpp"
#include "catalog/yara_rules.hpp"
#include "cli/commands.hpp"
#include "cli/data_dir.hpp"
#include "server/api/sample_json.hpp"

namespace ts::cli {
namespace {

struct SampleFlags {
  std::string data, user, org, level, event, output, name, kind, tag, query;
  std::vector<std::string> files;
  std::string sha256;
  bool json = false;
  bool aes = false;
};

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::Invalid(path + ": cannot open");
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return Error::Invalid(path + ": cannot read");
  return buf.str();
}

int Add(const SampleFlags& f, const DataDir& data, access::Gate& gate) {
  auto blobs = store::BlobStore::Open(f.data);
  if (!blobs) return Fail(blobs.error());
  int rc = 0;
  for (const auto& file : f.files) {
    auto bytes = ReadFile(file);
    if (!bytes) {
      rc = Fail(bytes.error());
      continue;
    }
    catalog::SampleInput in;
    in.name = file;
    if (!f.level.empty()) in.level = f.level;
    in.event_id = f.event;
    in.provider = f.org;
    in.max_bytes = data.config.samples_max_size;
    auto added = catalog::AddSample(gate, *blobs, *bytes, in);
    if (!added) {
      Error e = added.error();
      e.message = file + ": " + e.message;
      rc = Fail(e);
      continue;
    }
    const auto& c = added->view.content;
    std::cout << c.sha256 << "  " << file << "  " << c.kind << "  "
              << (added->created ? "added" : "already present");
    if (added->members > 0) std::cout << ", " << added->members << " archive members";
    std::cout << "\n";
    for (const auto& w : added->warnings) std::cerr << file << ": warning: " << w << "\n";
  }
  return rc;
}

int List(const SampleFlags& f, const DataDir&, access::Gate& gate) {
  store::SampleFilter filter;
  if (!f.level.empty()) {
    filter.level = model::ParseLevel(f.level);
    if (!filter.level) return Fail("--level must be RED, AMBER, YELLOW, GREEN or WHITE");
  }
  filter.kind = f.kind;
  filter.tag = f.tag;
  filter.text = f.query;
  filter.limit = 1000;
  auto page = gate.ListSamples(filter);
  if (!page) return Fail(page.error());
  if (f.json) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& row : page->items) items.push_back(server::api::SampleRowJson(row));
    std::cout << nlohmann::json{{"items", items}, {"total", page->total}}.dump(2) << "\n";
    return 0;
  }
  for (const auto& row : page->items) {
    std::string names;
    for (const auto& n : row.names) names += (names.empty() ? "" : ", ") + n;
    std::cout << row.content.sha256 << "  " << model::LevelName(row.level) << "  "
              << row.content.kind << "  " << row.content.size << "  " << names << "\n";
  }
  return 0;
}

int Show(const SampleFlags& f, const DataDir&, access::Gate& gate) {
  auto view = gate.GetSample(f.sha256);
  if (!view) return Fail(view.error());
  auto j = server::api::SampleJson(*view);
  if (f.json) {
    std::cout << j.dump(2) << "\n";
    return 0;
  }
  const auto& c = view->content;
  std::cout << "sha256   " << c.sha256 << "\nsha1     " << c.sha1 << "\nmd5      " << c.md5
            << "\nssdeep   " << c.ssdeep << "\ntlsh     " << c.tlsh << "\nsize     " << c.size
            << "\ntype     " << c.kind << " (" << c.description << ")\nentropy  " << c.entropy
            << "\nlevel    " << model::LevelName(view->level()) << "\n";
  for (const auto& s : view->submissions)
    std::cout << "handed over " << s.created << " by " << s.provider_org_name << " as '" << s.name
              << "' (" << model::LevelName(s.level) << ")\n";
  for (const auto& l : view->children)
    std::cout << "member   " << l.sha256 << "  " << l.path << "\n";
  for (const auto& l : view->parents)
    std::cout << "found in " << l.sha256 << "  " << l.path << "\n";
  for (const auto& tag : catalog::SampleTags(*view)) std::cout << "tag      " << tag << "\n";
  if (auto it = j["analysis"].find("indicators"); it != j["analysis"].end())
    for (const auto& i : *it) std::cout << "string   " << i.dump() << "\n";
  return 0;
}

int Get(const SampleFlags& f, const DataDir&, access::Gate& gate) {
  auto blobs = store::BlobStore::Open(f.data);
  if (!blobs) return Fail(blobs.error());
  ingest::content::ProtectedZipOptions options;
  if (f.aes) options.encryption = ingest::content::ZipEncryption::kAes256;
  auto download = catalog::DownloadSample(gate, *blobs, f.sha256, options);
  if (!download) return Fail(download.error());
  std::ofstream out(f.output, std::ios::binary | std::ios::trunc);
  out << download->zip;
  out.close();
  if (!out) return Fail(f.output + ": cannot write");
  std::cerr << "wrote " << f.output << ": live malware inside; the zip password is \""
            << options.password << "\"\n";
  return 0;
}

int YaraAdd(const SampleFlags& f, const DataDir&, access::Gate& gate) {
  auto blobs = store::BlobStore::Open(f.data);
  if (!blobs) return Fail(blobs.error());
  const std::string& file = f.files.front();
  auto text = ReadFile(file);
  if (!text) return Fail(text.error());
  catalog::YaraRuleInput in;
  in.name = f.name.empty() ? std::filesystem::path(file).stem().string() : f.name;
  in.text = *text;
  if (!f.level.empty()) in.level = f.level;
  std::vector<catalog::YaraDiagnostic> diagnostics;
  auto saved = catalog::CreateYaraRule(gate, *blobs, in, &diagnostics);
  for (const auto& d : diagnostics)
    std::cerr << file << ":" << d.line << ": " << (d.warning ? "warning" : "error") << ": "
              << d.message << "\n";
  if (!saved) return Fail(saved.error());
  std::cout << saved->rule.id << "  scanned " << saved->samples_scanned << " samples, "
            << saved->samples_matched << " matched\n";
  return 0;
}

int YaraList(const SampleFlags&, const DataDir&, access::Gate& gate) {
  auto rules = gate.ListYaraRules();
  if (!rules) return Fail(rules.error());
  for (const auto& r : *rules)
    std::cout << r.id << "  " << model::LevelName(r.level) << "  v" << r.version << "  " << r.name
              << "  (" << r.provider_org_name << ")\n";
  return 0;
}

using Subcommand = int (*)(const SampleFlags&, const DataDir&, access::Gate&);

// Every subcommand works on the data directory as --user (or the system).
int RunOnDataDir(const SampleFlags& f, Subcommand run) {
  auto data = OpenDataDir(f.data);
  if (!data) return Fail(data.error());
  auto gate = GateAs(*data, f.user);
  if (!gate) return Fail(gate.error());
  return run(f, *data, *gate);
}

}  // namespace

void AddSampleCommands(CLI::App& app, Action& action) {
  auto f = std::make_shared<SampleFlags>();
  auto command = [&](CLI::App* parent, const char* name, const char* help, Subcommand run) {
    auto* cmd = parent->add_subcommand(name, help);
    cmd->add_option("--data", f->data, "Data directory")->required();
    cmd->add_option("--user", f->user, "Act as this user (e-mail or id); default: the system");
    cmd->callback([f, run, &action] { action = [f, run] { return RunOnDataDir(*f, run); }; });
    return cmd;
  };

  auto* sample = app.add_subcommand("sample", "Hand samples over and out (検体の受け渡し)");
  sample->require_subcommand(1);
  auto* add = command(sample, "add", "Add files as samples; prints each SHA-256", Add);
  add->add_option("--level", f->level, "RED|AMBER|YELLOW|GREEN|WHITE (default AMBER)");
  add->add_option("--org", f->org, "Providing organisation when acting as the system");
  add->add_option("--event", f->event, "Event id to link the samples to");
  add->add_option("files", f->files, "Files to add")->required();
  auto* list = command(sample, "list", "List the samples in scope", List);
  list->add_option("--level", f->level, "Only samples shared at this level");
  list->add_option("--type", f->kind, "Only this content type, e.g. pe_executable");
  list->add_option("--tag", f->tag, "Only samples with this tag, e.g. yara:Emotet");
  list->add_option("--query,-q", f->query, "Name substring or digest prefix");
  list->add_flag("--json", f->json, "Print JSON as the REST API does");
  auto* show = command(sample, "show", "Show a sample's digests, type and findings", Show);
  show->add_option("sha256", f->sha256, "SHA-256 of the sample")->required();
  show->add_flag("--json", f->json, "Print JSON as the REST API does");
  auto* get = command(sample, "get", "Write a sample as a zip protected by 'infected'", Get);
  get->add_option("sha256", f->sha256, "SHA-256 of the sample")->required();
  get->add_option("-o,--output", f->output, "Zip file to write")->required();
  get->add_flag("--aes", f->aes, "AES-256 instead of ZipCrypto (not every unzip opens it)");

  auto* yara = app.add_subcommand("yara", "Share YARA rules");
  yara->require_subcommand(1);
  auto* yadd = command(yara, "add", "Add a rule file; prints its id and re-scan counts", YaraAdd);
  yadd->add_option("--name", f->name, "Name of the rule item (default: the file name)");
  yadd->add_option("--level", f->level, "RED|AMBER|YELLOW|GREEN|WHITE (default AMBER)");
  yadd->add_option("file", f->files, "YARA rule file")->required()->expected(1);
  command(yara, "list", "List the rules in scope", YaraList);
}

}  // namespace ts::cli
