// threatshare hunt: checks shared indicators, from files or a portal,
// against a member's own logs (proxy, web server, Zeek, CSV exports, any
// text), on all cores, and can report what it found back to the portal as
// sightings. Exit code 0 when nothing was found, 1 when something was, 2 on
// an error.
#include <chrono>
#include <fstream>
#include <future>
#include <iostream>
#include <memory>
#include <thread>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "hunt/indicator_loader.hpp"
#include "hunt/input.hpp"
#include "hunt/portal_client.hpp"
#include "hunt/progress.hpp"
#include "hunt/report.hpp"
#include "hunt/scanner.hpp"
#include "hunt/sighting_tally.hpp"
#include "model/indicator_type.hpp"

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
  // Reading indicators from a portal and reporting sightings to it.
  std::string portal;
  std::string key;
  bool insecure = false;
  std::string ca;
  std::vector<std::string> levels;
  std::string campaign;
  std::vector<std::string> types;
  std::string max_age;
  bool report = false;
  bool share_identity = false;
  bool share_terminals = false;
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

// Combinations the argument parser cannot express; "" when usable.
std::string FlagProblem(const HuntFlags& f) {
  if (f.indicators.empty() && f.portal.empty())
    return "give indicators: --indicators FILE or --portal URL";
  if (f.report && f.portal.empty()) return "--report needs --portal: it reports to that portal";
  if (f.portal.empty() && (!f.levels.empty() || !f.campaign.empty() || !f.types.empty() ||
                           !f.max_age.empty() || f.insecure || !f.ca.empty()))
    return "--level, --campaign, --type, --max-age, --insecure and --ca apply to --portal only";
  if (!f.portal.empty() && f.key.empty())
    return "--portal needs an API key: --key KEY or THREATSHARE_API_KEY";
  if ((f.share_identity || f.share_terminals) && !f.report)
    return "--share-identity and --share-terminals apply to --report only";
  // The portal stores terminals only from reports that name their
  // organisation; sending them otherwise would look shared and be dropped.
  if (f.share_terminals && !f.share_identity)
    return "--share-terminals needs --share-identity: the portal keeps terminal details only "
           "in reports that name your organisation";
  return "";
}

Result<std::unique_ptr<hunt::PortalClient>> LoadFromPortal(const HuntFlags& f,
                                                           hunt::IndicatorSet& indicators,
                                                           hunt::LoadReport& load,
                                                           hunt::PortalIds& ids) {
  auto client = hunt::PortalClient::Open({f.portal, f.key, f.insecure, f.ca});
  if (!client) return client.error();
  hunt::PortalQuery query{f.levels, f.campaign, f.types, std::nullopt};
  if (!f.max_age.empty()) query.since = Now() - *hunt::ParseMaxAge(f.max_age);
  const std::size_t before = load.added;
  const Status status = (*client)->LoadIndicators(query, indicators, load, ids);
  if (!status.ok()) return status.error();
  std::cerr << fmt::format("threatshare hunt: {} indicators from {}\n", load.added - before,
                           (*client)->url());
  return client;
}

Status ReportSightings(hunt::PortalClient& portal, const hunt::SightingTally& tally,
                       const hunt::PortalIds& ids, bool share_identity) {
  const std::vector<nlohmann::json> sightings = tally.Sightings(ids);
  if (sightings.empty()) {
    std::cerr << "threatshare hunt: no sightings to report\n";
    return {};
  }
  auto posted = portal.PostSightings(sightings, share_identity);
  if (!posted) return posted.error();
  std::cerr << fmt::format(
      "threatshare hunt: reported to {}: {} sightings recorded, {} unmatched\n", portal.url(),
      posted->recorded, posted->unmatched);
  return {};
}

int RunHunt(const HuntFlags& f) {
  if (const std::string problem = FlagProblem(f); !problem.empty()) return Failed(problem);
  const auto load_start = std::chrono::steady_clock::now();
  const unsigned threads =
      f.threads ? f.threads : std::max(1u, std::thread::hardware_concurrency());
  hunt::ScanOptions options;
  options.threads = threads;
  options.progress = hunt::StderrIsTerminal();
  if (!f.format.empty()) options.format = hunt::ParseLogFormat(f.format);

  hunt::IndicatorSet indicators;
  hunt::LoadReport load;
  // The portal's indicators go in first, so that the same values in files
  // still map to the portal's ids for the report.
  hunt::PortalIds portal_ids;
  std::unique_ptr<hunt::PortalClient> portal;
  if (!f.portal.empty()) {
    auto client = LoadFromPortal(f, indicators, load, portal_ids);
    if (!client) return Failed(client.error().message);
    portal = *std::move(client);
  }
  for (const std::string& path : f.indicators) {
    const Status status = hunt::LoadIndicators(path, indicators, load, threads);
    if (!status.ok()) return Failed(status.error().message);
  }
  ReportLoad(load, indicators.size());
  if (indicators.size() == 0) return Failed("no usable indicators to hunt for");
  indicators.Build(threads);
  auto files = hunt::ExpandInputs(f.logs);
  if (!files) return Failed(files.error().message);
  hunt::Timing timing;
  timing.load_seconds = SecondsSince(load_start);

  const auto scan_start = std::chrono::steady_clock::now();
  hunt::Summary summary;
  hunt::SightingTally tally(Now(), f.share_terminals);
  std::ostream& out = std::cout;
  const Status scanned = hunt::Scan(*files, indicators, options, [&](hunt::FileResult& file) {
    summary.AddFile(hunt::FileSummary{file.name, std::string(hunt::LogFormatName(file.format)),
                                      file.compression, file.bytes, file.lines, file.malformed,
                                      file.lines_with_hits, file.hits.size()});
    std::string line;
    for (const hunt::Hit& hit : file.hits) {
      summary.Add(hit);
      if (f.report) tally.Add(hit);
      if (f.json) {
        line.clear();
        hunt::AppendHitJsonLine(line, hit, indicators);
        out << line;
      }
    }
    if (!f.json) hunt::WriteHitTable(out, file.hits, indicators);
    out.flush();
  });
  timing.scan_seconds = SecondsSince(scan_start);
  if (!scanned.ok()) return Failed(scanned.error().message);
  // The summary JSON is built while the tables are written: both only read.
  std::future<std::string> summary_json;
  if (!f.summary_json.empty()) {
    summary_json = std::async(std::launch::async,
                              [&] { return hunt::SummaryJson(summary, indicators, timing); });
  }
  if (!f.json) hunt::WriteSummaryText(out, summary, indicators);
  out.flush();

  if (summary_json.valid()) {
    std::ofstream file(f.summary_json, std::ios::binary | std::ios::trunc);
    file << summary_json.get();
    file.close();
    if (!file) return Failed(f.summary_json + ": cannot write the summary");
  }
  if (f.report) {
    const Status reported = ReportSightings(*portal, tally, portal_ids, f.share_identity);
    if (!reported.ok()) return Failed(reported.error().message);
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
      ->allow_extra_args(false);
  hunt->add_option("--format", f->format, "Log format instead of detecting it per file")
      ->check(CLI::IsMember({"squid", "combined", "zeek", "zeek-json", "csv", "text"}));
  hunt->add_flag("--json", f->json, "One JSON object per hit per line on standard output");
  hunt->add_option("--summary-json", f->summary_json,
                   "Write the per-terminal and per-indicator summary as JSON to this file");
  hunt->add_option("--threads", f->threads, "Scanning threads (default: all cores)")
      ->check(CLI::Range(1u, 1024u));
  hunt->add_option("--portal", f->portal,
                   "Also hunt for the indicators of this threatshare portal, e.g. "
                   "https://portal.example");
  hunt->add_option("--key", f->key, "API key for --portal (or set THREATSHARE_API_KEY)")
      ->envname("THREATSHARE_API_KEY");
  hunt->add_flag("--insecure", f->insecure, "Do not verify the portal's TLS certificate");
  hunt->add_option("--ca", f->ca, "CA certificates (PEM) to verify the portal with")
      ->check(CLI::ExistingFile);
  hunt->add_option("--level", f->levels, "Only these effective levels, e.g. RED,AMBER")
      ->delimiter(',')
      ->check(CLI::IsMember({"RED", "AMBER", "YELLOW", "GREEN", "WHITE"}, CLI::ignore_case));
  hunt->add_option("--campaign", f->campaign,
                   "Only events tagged campaign:NAME; hits name the campaign");
  hunt->add_option("--type", f->types, "Only these indicator types, e.g. domain,ipv4,url")
      ->delimiter(',')
      ->check(CLI::Validator(
          [](std::string& type) {
            return model::ParseIndicatorType(type) ? "" : "unknown indicator type: " + type;
          },
          "TYPE"));
  hunt->add_option("--max-age", f->max_age,
                   "Only indicators added or changed within this age: 12h, 90d, 2w")
      ->check(CLI::Validator(
          [](std::string& age) {
            return hunt::ParseMaxAge(age) ? "" : "not an age like 12h, 90d or 2w: " + age;
          },
          "AGE"));
  hunt->add_flag("--report", f->report,
                 "Post the hits to --portal as sightings (count, first and last seen)");
  hunt->add_flag("--share-identity", f->share_identity,
                 "Let everyone who sees the indicators see that your organisation reported them");
  hunt->add_flag("--share-terminals", f->share_terminals,
                 "Include each terminal's address and hits (needs --share-identity)");
  hunt->add_option("logs", f->logs,
                   "Log files, directories (recursive), glob patterns, or - for standard input; "
                   "gzip and zstd are read as such")
      ->required();
  hunt->callback([f, &action] { action = [f] { return RunHunt(*f); }; });
}

}  // namespace ts::cli
