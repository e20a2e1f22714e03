// Import and export over REST.
//
// POST /api/v1/import?format=&level=&best_effort=&name= takes the file
// itself as the body (like sample uploads: `curl --data-binary @file`, or a
// browser File sent with XMLHttpRequest, which reports upload progress). The
// job starts as soon as the request header is accepted and reads the body
// while it arrives: a STIX bundle is parsed and checked object by object
// during the upload; other formats are gathered, then parsed. Once the body
// is in, the answer is 202 with the job id; storing happens after it. GET
// /api/v1/imports/{id} reports the phase and progress and, once done, the
// import report (what was stored, or every problem and nothing stored).
// Only the user who started a job sees it.
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
#include "exchange/stix/stix_import.hpp"
#include "server/api/json_io.hpp"
#include "server/api/routes.hpp"
#include "server/api/upload_pipe.hpp"
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
  std::string status = "receiving";  // receiving, parsing, storing, done, failed
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
  // The user's jobs, newest first, as JSON (taken under the lock).
  json ListJson(int64_t user_id);

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

json Jobs::ListJson(int64_t user_id) {
  json items = json::array();
  std::lock_guard lock(mutex);
  for (auto it = order_.rbegin(); it != order_.rend(); ++it) {
    const auto& job = *jobs_.at(*it);
    if (job.user_id == user_id) items.push_back(JobJson(job));
  }
  return {{"items", items}};
}

// What the query of POST /api/v1/import asks for.
struct ImportRequest {
  std::string file;
  std::optional<exchange::Format> format;  // none: detected from the first bytes
  catalog::ImportOptions options;
  std::string csv_map;
};

Result<ImportRequest> ReadImportRequest(Context& ctx) {
  const auto& req = ctx.request;
  if (!access::CanSubmit(ctx.gate.viewer()))
    return Error::Forbidden("your role does not allow importing");
  ImportRequest out;
  out.file = std::string(req.Query("name"));
  if (out.file.empty()) out.file = "upload";
  if (auto level = req.Query("level"); !level.empty()) {
    auto l = model::ParseLevel(level);
    if (!l) return Error::Invalid("level must be RED, AMBER, YELLOW, GREEN or WHITE", "level");
    out.options.default_level = *l;
  }
  auto best = req.Query("best_effort");
  if (!best.empty() && best != "true" && best != "false")
    return Error::Invalid("best_effort must be true or false", "best_effort");
  out.options.best_effort = best == "true";
  if (auto f = req.Query("format"); !f.empty()) {
    out.format = exchange::ParseFormat(f);
    if (!out.format) return Error::Invalid("format must be stix, misp, csv or text", "format");
  }
  out.csv_map = std::string(req.Query("map"));
  return out;
}

exchange::Format FormatOf(const ImportRequest& r, std::string_view head) {
  return r.format ? *r.format : exchange::DetectFormat(r.file, head);
}

void Finish(Job& job, Result<catalog::ImportReport> report) {
  std::lock_guard lock(AllJobs().mutex);
  if (report) {
    job.status = "done";
    job.report = catalog::ImportReportJson(*report);
  } else {
    job.status = "failed";
    job.error = report.error();
  }
}

// The job's thread: reads the upload as it arrives, then stores.
void Run(App& app, access::Viewer viewer, bool anonymous_read, std::shared_ptr<Job> job,
         std::shared_ptr<UploadPipe> pipe, ImportRequest request, size_t expected_bytes) {
  const auto total = static_cast<int64_t>(expected_bytes);
  std::string body, piece;
  bool more = true;
  while (body.size() < PipeSink::kHeadBytes && (more = pipe->Next(piece))) body += piece;
  const exchange::Format format =
      FormatOf(request, std::string_view(body).substr(0, PipeSink::kHeadBytes));
  exchange::ParseOptions popts;
  popts.source_name = job->file;
  popts.csv_map = request.csv_map;
  int64_t received = static_cast<int64_t>(body.size());
  SetState(*job, "receiving", received, total);
  auto take = [&](auto&& consume) {
    while (more && pipe->Next(piece)) {
      received += static_cast<int64_t>(piece.size());
      consume();
      SetState(*job, "receiving", received, total);
    }
  };
  exchange::ImportBatch batch;
  if (format == exchange::Format::kStix) {
    exchange::stix::BundleImport bundle(popts, expected_bytes);
    bundle.Feed(body);
    body.clear();
    take([&] { bundle.Feed(piece); });
    if (!pipe->aborted()) {
      SetState(*job, "parsing", received, received);
      batch = bundle.Finish();
    }
  } else {
    take([&] { body += piece; });
    body.reserve(body.size() + exchange::kParsePadding);
    popts.progress = [&](size_t done, size_t all) {
      SetState(*job, "parsing", static_cast<int64_t>(done), static_cast<int64_t>(all));
    };
    SetState(*job, "parsing", 0, received);
    if (!pipe->aborted()) batch = exchange::Parse(format, body, popts);
    body.clear();
    body.shrink_to_fit();
  }
  if (pipe->aborted()) {
    Finish(*job, Error::Invalid(
                     "the upload ended before the whole file arrived; nothing was stored", "file"));
    return;
  }
  access::Gate gate(app.store(), app.audit_log(), std::move(viewer), anonymous_read);
  SetState(*job, "storing", 0, 0);
  request.options.progress = [&](int64_t done, int64_t all) {
    SetState(*job, "storing", done, all);
  };
  Finish(*job, catalog::StoreBatch(gate, batch, request.options));
}

// The writing end of a job's upload.
struct ImportSink : PipeSink {
  ImportSink(std::shared_ptr<UploadPipe> pipe, std::shared_ptr<Job> j)
      : PipeSink(std::move(pipe)), job(std::move(j)) {}
  std::shared_ptr<Job> job;
};

// Starts a job reading from a new pipe.
std::shared_ptr<ImportSink> StartJob(Context& ctx, ImportRequest request) {
  const auto& viewer = ctx.gate.viewer();
  auto job = AllJobs().Add(viewer.user_id, request.file);
  size_t expected = 0;
  if (auto length = ctx.request.Header("content-length"); !length.empty())
    expected = std::strtoull(std::string(length).c_str(), nullptr, 10);
  SetState(*job, "receiving", 0, static_cast<int64_t>(expected));
  auto pipe = std::make_shared<UploadPipe>();
  std::thread(Run, std::ref(ctx.app), viewer, ctx.gate.anonymous_read(), job, pipe,
              std::move(request), expected)
      .detach();
  return std::make_shared<ImportSink>(pipe, job);
}

std::shared_ptr<BodySink> OpenImportSink(Context& ctx) {
  auto request = ReadImportRequest(ctx);
  // Refused requests are answered by StartImport once their body is in.
  if (!request) return nullptr;
  return StartJob(ctx, *std::move(request));
}

Result<Response> StartImport(Context& ctx) {
  auto request = ReadImportRequest(ctx);
  if (!request) return request.error();
  auto sink = std::dynamic_pointer_cast<ImportSink>(ctx.request.body_sink);
  if (!sink && !ctx.request.body.empty()) {
    sink = StartJob(ctx, *request);
    sink->Write(ctx.request.body);
  }
  // Without a Close the sink aborts its job when it goes.
  if (!sink || sink->bytes() == 0)
    return Error::Invalid("the request body must be the file to import", "file");
  const auto format = FormatOf(*request, sink->head());
  sink->Close();
  json j;
  {
    std::lock_guard lock(AllJobs().mutex);
    j = JobJson(*sink->job);
  }
  j["format"] = exchange::FormatName(format);
  Response r = JsonResponse(j, 202);
  r.SetHeader("Location", "/api/v1/imports/" + sink->job->id);
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
  RouteOptions streamed;
  streamed.open_body_sink = OpenImportSink;
  router.Add("POST", "/api/v1/import", StartImport, streamed);
  router.Add("GET", "/api/v1/imports", [](Context& ctx) -> Result<Response> {
    return JsonResponse(AllJobs().ListJson(ctx.gate.viewer().user_id));
  });
  router.Add("GET", "/api/v1/imports/{id}", GetImport);
  router.Add("GET", "/api/v1/events/{id}/stix",
             [](Context& ctx) { return Export(ctx, ctx.Param("id"), "stix"); });
  router.Add("GET", "/api/v1/export", [](Context& ctx) {
    auto format = ctx.request.Query("format");
    return Export(ctx, std::string(ctx.request.Query("event")), format.empty() ? "stix" : format);
  });
}

}  // namespace ts::server::api
