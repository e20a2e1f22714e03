// Import and export over REST.
//
// POST /api/v1/import?format=&level=&best_effort=&name= takes the file
// itself as the body (like sample uploads: `curl --data-binary @file`, or a
// browser File sent with XMLHttpRequest, which reports upload progress) and
// answers 202 with a job id at once; the job parses and stores in the
// background. GET /api/v1/imports/{id} reports its phase and progress and,
// once done, the import report (what was stored, or every problem and
// nothing stored). Only the user who started a job sees it.
//
// GET /api/v1/events/{id}/stix and GET /api/v1/export?format= write what the
// viewer may see (catalog/exports.hpp).
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include "catalog/exports.hpp"
#include "catalog/imports.hpp"
#include "exchange/format.hpp"
#include "server/api/json_io.hpp"
#include "server/api/routes.hpp"
#include "server/app.hpp"
#include "util/crypto.hpp"
#include "util/time.hpp"

namespace ts::server::api {
namespace {

constexpr std::string_view kStixMediaType = "application/stix+json;version=2.1";
constexpr size_t kKeptJobs = 200;

struct Job {
  std::string id;
  int64_t user_id = 0;
  std::string created;
  std::string file;
  // Guarded by Jobs::mutex.
  std::string status = "queued";  // queued, parsing, storing, done, failed
  int64_t done = 0;
  int64_t total = 0;
  json report;
  std::optional<Error> error;
};

// Jobs of this process, newest kept; finished jobs are forgotten oldest
// first once more than kKeptJobs exist.
class Jobs {
 public:
  std::shared_ptr<Job> Add(int64_t user_id, std::string file) {
    auto job = std::make_shared<Job>();
    job->id = NewUuid();
    job->user_id = user_id;
    job->created = NowUtc();
    job->file = std::move(file);
    std::lock_guard lock(mutex);
    order_.push_back(job->id);
    jobs_[job->id] = job;
    while (order_.size() > kKeptJobs) {
      jobs_.erase(order_.front());
      order_.erase(order_.begin());
    }
    return job;
  }
  std::shared_ptr<Job> Find(const std::string& id) {
    std::lock_guard lock(mutex);
    auto it = jobs_.find(id);
    return it == jobs_.end() ? nullptr : it->second;
  }

  std::mutex mutex;

 private:
  std::map<std::string, std::shared_ptr<Job>> jobs_;
  std::vector<std::string> order_;
};

Jobs& AllJobs() {
  static Jobs jobs;
  return jobs;
}

void SetState(Job& job, std::string status, int64_t done, int64_t total) {
  std::lock_guard lock(AllJobs().mutex);
  job.status = std::move(status);
  job.done = done;
  job.total = total;
}

json JobJson(const Job& job) {
  json j = {{"id", job.id},
            {"status", job.status},
            {"file", job.file},
            {"created", job.created},
            {"progress", {{"done", job.done}, {"total", job.total}}}};
  if (job.status == "done") j["report"] = job.report;
  if (job.error)
    j["error"] = {{"code", CodeName(job.error->code)}, {"message", job.error->message}};
  return j;
}

void Run(App& app, access::Viewer viewer, bool anonymous_read, std::shared_ptr<Job> job,
         std::string body, exchange::Format format, catalog::ImportOptions opts,
         std::string csv_map) {
  access::Gate gate(app.store(), app.audit_log(), std::move(viewer), anonymous_read);
  SetState(*job, "parsing", 0, static_cast<int64_t>(body.size()));
  exchange::ParseOptions popts;
  popts.source_name = job->file;
  popts.csv_map = std::move(csv_map);
  popts.progress = [&](size_t done, size_t total) {
    SetState(*job, "parsing", static_cast<int64_t>(done), static_cast<int64_t>(total));
  };
  auto batch = exchange::Parse(format, body, popts);
  body.clear();
  body.shrink_to_fit();
  SetState(*job, "storing", 0, 0);
  opts.progress = [&](int64_t done, int64_t total) { SetState(*job, "storing", done, total); };
  auto report = catalog::StoreBatch(gate, batch, opts);
  std::lock_guard lock(AllJobs().mutex);
  if (report) {
    job->status = "done";
    job->report = catalog::ImportReportJson(*report);
  } else {
    job->status = "failed";
    job->error = report.error();
  }
}

Result<Response> StartImport(Context& ctx) {
  const auto& req = ctx.request;
  const auto& viewer = ctx.gate.viewer();
  if (!access::CanSubmit(viewer)) return Error::Forbidden("your role does not allow importing");
  std::string file(req.Query("name"));
  if (file.empty()) file = "upload";
  catalog::ImportOptions opts;
  if (auto level = req.Query("level"); !level.empty()) {
    auto l = model::ParseLevel(level);
    if (!l) return Error::Invalid("level must be RED, AMBER, YELLOW, GREEN or WHITE", "level");
    opts.default_level = *l;
  }
  auto best = req.Query("best_effort");
  if (!best.empty() && best != "true" && best != "false")
    return Error::Invalid("best_effort must be true or false", "best_effort");
  opts.best_effort = best == "true";
  if (req.body.empty())
    return Error::Invalid("the request body must be the file to import", "file");
  exchange::Format format;
  if (auto f = req.Query("format"); !f.empty()) {
    auto parsed = exchange::ParseFormat(f);
    if (!parsed) return Error::Invalid("format must be stix, misp, csv or text", "format");
    format = *parsed;
  } else {
    format = exchange::DetectFormat(file, std::string_view(req.body).substr(0, 4096));
  }
  auto job = AllJobs().Add(viewer.user_id, file);
  // The body moves to the job; room for the parser's padding avoids a copy.
  std::string body = std::move(ctx.request.body);
  body.reserve(body.size() + 64);
  json j = JobJson(*job);  // before the job's thread may change it
  j["format"] = exchange::FormatName(format);
  std::thread(Run, std::ref(ctx.app), viewer, ctx.gate.anonymous_read(), job, std::move(body),
              format, std::move(opts), std::string(req.Query("map")))
      .detach();
  Response r = JsonResponse(j, 202);
  r.SetHeader("Location", "/api/v1/imports/" + job->id);
  return r;
}

Result<Response> GetImport(Context& ctx) {
  auto job = AllJobs().Find(ctx.Param("id"));
  // Another user's job is answered like a missing one.
  if (!job || job->user_id != ctx.gate.viewer().user_id || !ctx.gate.viewer().is_user())
    return Error::NotFound("import");
  std::lock_guard lock(AllJobs().mutex);
  return JsonResponse(JobJson(*job));
}

Result<Response> Export(Context& ctx, const std::string& event_id, std::string_view format_name) {
  auto format = exchange::ParseFormat(format_name);
  if (!format || *format == exchange::Format::kText)
    return Error::Invalid("format must be stix, misp or csv", "format");
  auto set = catalog::CollectExport(ctx.gate, event_id);
  if (!set) return set.error();
  auto out = exchange::Write(*format, *set);
  if (!out) return out.error();
  Response r;
  r.content_type = *format == exchange::Format::kStix  ? std::string(kStixMediaType)
                   : *format == exchange::Format::kCsv ? "text/csv; charset=utf-8"
                                                       : "application/json";
  r.body = *std::move(out);
  return r;
}

}  // namespace

void AddExchangeRoutes(Router& router) {
  router.Add("POST", "/api/v1/import", StartImport);
  router.Add("GET", "/api/v1/imports/{id}", GetImport);
  router.Add("GET", "/api/v1/events/{id}/stix",
             [](Context& ctx) { return Export(ctx, ctx.Param("id"), "stix"); });
  router.Add("GET", "/api/v1/export", [](Context& ctx) {
    auto format = ctx.request.Query("format");
    return Export(ctx, std::string(ctx.request.Query("event")), format.empty() ? "stix" : format);
  });
}

}  // namespace ts::server::api
