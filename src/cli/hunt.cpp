// threatshare hunt: checks shared indicators against a member's own logs
// (proxy, web server, Zeek, CSV exports, any text), on all cores. Exit code
// 0 when nothing was found, 1 when something was, 2 on an error.
#include <chrono>
#include <fstream>
#include <iostream>
#include <memory>
#include <thread>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "hunt/indicator_loader.hpp"
#include "hunt/input.hpp"
#include "hunt/progress.hpp"
#include "hunt/report.hpp"
#include "hunt/scanner.hpp"

namespace ts::cli {
namespace {

constexpr int kNoHits = 0;
constexpr int kHits = 1;
constexpr int kError = 2;
// Warnings about skipped indicators shown before "and N more".
constexpr std::size_t kWarningsShown = 20;

struct HuntFlags {
  std::vector<std::string> indicators;
  std::vector<std::string> logs;
  std::string format;
  std::string summary_json;
  bool json = false;
  unsigned threads = 0;
};

int Failed(const std::string& message) {
  std::cerr << "threatshare hunt: error: " << message << "\n";
  return kError;
}

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void ReportLoad(const hunt::LoadReport& load, std::size_t held) {
  for (std::size_t i = 0; i < load.warnings.size() && i < kWarningsShown; ++i)
    std::cerr << "threatshare hunt: warning: " << load.warnings[i] << "\n";
  if (load.warnings.size() > kWarningsShown)
    std::cerr << "threatshare hunt: warning: and " << load.warnings.size() - kWarningsShown
              << " more\n";
  std::cerr << fmt::format(
      "threatshare hunt: {} indicators to hunt ({} read, {} duplicates, {} invalid, {} of types "
      "logs do not show, {} unsupported patterns)\n",
      held, load.read, load.duplicates, load.invalid, load.unhuntable, load.unsupported);
}

int RunHunt(const HuntFlags& f) {
  const auto load_start = std::chrono::steady_clock::now();
  const unsigned threads =
      f.threads ? f.threads : std::max(1u, std::thread::hardware_concurrency());
  hunt::ScanOptions options;
  options.threads = threads;
  options.progress = hunt::StderrIsTerminal();
  if (!f.format.empty()) options.format = hunt::ParseLogFormat(f.format);

  hunt::IndicatorSet indicators;
  hunt::LoadReport load;
  for (const std::string& path : f.indicators) {
    const Status status = hunt::LoadIndicators(path, indicators, load, threads);
    if (!status.ok()) return Failed(status.error().message);
  }
  ReportLoad(load, indicators.size());
  if (indicators.size() == 0) return Failed("no usable indicators in the indicator files");
  indicators.Build(threads);
  auto files = hunt::ExpandInputs(f.logs);
  if (!files) return Failed(files.error().message);
  hunt::Timing timing;
  timing.load_seconds = SecondsSince(load_start);

  const auto scan_start = std::chrono::steady_clock::now();
  hunt::Summary summary;
  std::ostream& out = std::cout;
  const Status scanned = hunt::Scan(*files, indicators, options, [&](hunt::FileResult& file) {
    summary.AddFile(hunt::FileSummary{file.name, std::string(hunt::LogFormatName(file.format)),
                                      file.compression, file.bytes, file.lines, file.malformed,
                                      file.lines_with_hits, file.hits.size()});
    for (const hunt::Hit& hit : file.hits) {
      summary.Add(hit);
      if (f.json) hunt::WriteHitJsonLine(out, hit, indicators);
    }
    if (!f.json) hunt::WriteHitTable(out, file.hits, indicators);
    out.flush();
  });
  timing.scan_seconds = SecondsSince(scan_start);
  if (!scanned.ok()) return Failed(scanned.error().message);
  if (!f.json) hunt::WriteSummaryText(out, summary, indicators);
  out.flush();

  if (!f.summary_json.empty()) {
    std::ofstream file(f.summary_json, std::ios::binary | std::ios::trunc);
    file << hunt::SummaryJson(summary, indicators, timing)
                .dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
         << "\n";
    file.close();
    if (!file) return Failed(f.summary_json + ": cannot write the summary");
  }
  return summary.hits > 0 ? kHits : kNoHits;
}

}  // namespace

void AddHuntCommand(CLI::App& app, Action& action) {
  auto f = std::make_shared<HuntFlags>();
  auto* hunt = app.add_subcommand(
      "hunt", "Look for shared indicators in your own logs (exit 0: none, 1: found, 2: error)");
  hunt->add_option("--indicators", f->indicators,
                   "Indicator file: STIX 2.1 bundle, MISP event JSON, CSV (type,value,...) or "
                   "one value per line; repeatable")
      ->required()
      ->allow_extra_args(false);
  hunt->add_option("--format", f->format, "Log format instead of detecting it per file")
      ->check(CLI::IsMember({"squid", "combined", "zeek", "zeek-json", "csv", "text"}));
  hunt->add_flag("--json", f->json, "One JSON object per hit per line on standard output");
  hunt->add_option("--summary-json", f->summary_json,
                   "Write the per-terminal and per-indicator summary as JSON to this file");
  hunt->add_option("--threads", f->threads, "Scanning threads (default: all cores)")
      ->check(CLI::Range(1u, 1024u));
  hunt->add_option("logs", f->logs,
                   "Log files, directories (recursive), glob patterns, or - for standard input; "
                   "gzip and zstd are read as such")
      ->required();
  hunt->callback([f, &action] { action = [f] { return RunHunt(*f); }; });
}

}  // namespace ts::cli
