// threatshare import|export: exchange formats on a data directory without a
// server. `import` detects each file's format (or takes --format), stores
// each file all or nothing (or, with --best-effort, without the items it
// lists as skipped) and prints a summary per file; problems name the file
// and the object id and property (or line). `export` writes to stdout.
#include <iostream>

#include <nlohmann/json.hpp>

#include "catalog/exports.hpp"
#include "catalog/imports.hpp"
#include "cli/commands.hpp"
#include "cli/data_dir.hpp"
#include "exchange/format.hpp"

namespace ts::cli {
namespace {

// Larger files are refused before reading; the REST limit is configured.
constexpr size_t kMaxImportBytes = size_t{2} << 30;

struct ExchangeFlags {
  std::string data, user, org, level, format, event, csv_map;
  std::vector<std::string> files;
  bool best_effort = false;
  bool json = false;
  bool check = false;
};

int ImportFile(access::Gate& gate, const ExchangeFlags& f, const std::string& file,
               const catalog::ImportOptions& opts) {
  std::optional<exchange::Format> format;
  if (!f.format.empty()) {
    format = exchange::ParseFormat(f.format);
    if (!format) return Fail("--format must be stix, misp, csv or text");
  }
  exchange::ParseOptions popts;
  popts.source_name = file.substr(file.find_last_of('/') + 1);
  popts.csv_map = f.csv_map;
  auto parsed = exchange::ParseFile(file, format, popts, kMaxImportBytes);
  if (!parsed) return Fail(parsed.error());
  const exchange::ImportBatch& batch = *parsed;
  if (f.check) {
    for (const auto& p : batch.problems)
      std::cerr << file << ": " << (p.fatal ? "error: " : "invalid: ")
                << exchange::DescribeProblem(p) << "\n";
    size_t indicators = 0;
    for (const auto& e : batch.events) indicators += e.indicators.size();
    std::cout << file << ": " << batch.format << ", " << batch.objects_read << " objects read, "
              << batch.events.size() << " events, " << indicators << " indicators, "
              << batch.problems.size() << " problems (checked, nothing stored)\n";
    return batch.problems.empty() ? 0 : 1;
  }
  auto report = catalog::StoreBatch(gate, batch, opts);
  if (!report) {
    Error e = report.error();
    e.message = file + ": " + e.message;
    return Fail(e);
  }
  if (f.json) {
    auto j = catalog::ImportReportJson(*report);
    j["file"] = file;
    std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  }
  for (const auto& p : report->problems)
    std::cerr << file << ": " << (report->stored ? "skipped: " : "error: ")
              << exchange::DescribeProblem(p) << "\n";
  if (!report->stored) {
    std::cerr << file << ": nothing stored (" << report->problems.size() << " problem"
              << (report->problems.size() == 1 ? "" : "s")
              << (batch.HasFatal() ? ")\n" : "; --best-effort stores the rest)\n");
    return 1;
  }
  if (!f.json)
    std::cout << file << ": " << batch.format << ", " << report->objects_read << " objects read, "
              << report->events_created << " events created, " << report->events_updated
              << " updated, " << report->indicators_added << " indicators, "
              << report->sightings_added << " sightings, " << report->objects_kept
              << " objects kept verbatim, " << report->attack_entries << " ATT&CK entries, "
              << report->problems.size() << " skipped\n";
  return 0;
}

int Import(const ExchangeFlags& f) {
  auto data = OpenDataDir(f.data);
  if (!data) return Fail(data.error());
  auto gate = GateAs(*data, f.user);
  if (!gate) return Fail(gate.error());
  catalog::ImportOptions opts;
  if (!f.level.empty()) {
    auto level = model::ParseLevel(f.level);
    if (!level) return Fail("--level must be RED, AMBER, YELLOW, GREEN or WHITE");
    opts.default_level = *level;
  }
  opts.best_effort = f.best_effort;
  opts.provider = f.org;
  if (f.user.empty() && f.org.empty() && !f.check)
    return Fail("give --user (whose organisation provides) or --org (the providing organisation)");
  int rc = 0;
  for (const auto& file : f.files)
    if (ImportFile(*gate, f, file, opts) != 0) rc = 1;
  return rc;
}

int Export(const ExchangeFlags& f) {
  auto format = exchange::ParseFormat(f.format);
  if (!format || *format == exchange::Format::kText)
    return Fail("--format must be stix, misp or csv");
  auto data = OpenDataDir(f.data);
  if (!data) return Fail(data.error());
  auto gate = GateAs(*data, f.user);
  if (!gate) return Fail(gate.error());
  auto set = catalog::CollectExport(*gate, f.event);
  if (!set) return Fail(set.error());
  auto out = exchange::Write(*format, *set);
  if (!out) return Fail(out.error());
  std::cout << *out << "\n";
  return 0;
}

}  // namespace

void AddExchangeCommands(CLI::App& app, Action& action) {
  auto f = std::make_shared<ExchangeFlags>();
  auto* imp = app.add_subcommand("import", "Import STIX 2.1, MISP, CSV or text files");
  imp->add_option("--data", f->data, "Data directory")->required();
  imp->add_option("--user", f->user, "Import as this user (e-mail or id), the provider");
  imp->add_option("--org", f->org, "Providing organisation when importing as the system");
  imp->add_option("--format", f->format, "stix|misp|csv|text (default: detected)");
  imp->add_option("--level", f->level, "Level of items without markings (default AMBER)");
  imp->add_option("--csv-map", f->csv_map, "CSV columns of our fields, e.g. value=ioc,type=kind");
  imp->add_flag("--best-effort", f->best_effort, "Store what is valid; report what was skipped");
  imp->add_flag("--json", f->json, "Print each file's report as JSON");
  imp->add_flag("--check", f->check, "Parse and validate only; store nothing");
  imp->add_option("files", f->files, "Files to import")->required();
  imp->callback([f, &action] { action = [f] { return Import(*f); }; });

  auto* exp = app.add_subcommand("export", "Export events as STIX 2.1, MISP or CSV to stdout");
  exp->add_option("--data", f->data, "Data directory")->required();
  exp->add_option("--user", f->user, "Export what this user may see (default: the system)");
  exp->add_option("--format", f->format, "stix|misp|csv")->required();
  exp->add_option("--event", f->event, "Only this event");
  exp->callback([f, &action] { action = [f] { return Export(*f); }; });
}

}  // namespace ts::cli
