// /api/v1/samples: upload (the raw bytes as the body, the rest in the query:
// ?name=&level=&event=), list with filters, read one sample with its
// report, download it as a password-protected zip.
//
// The body is the file itself rather than multipart: tools stream it with
// `curl --data-binary @file`, and browsers send a File the same way with
// XMLHttpRequest, which reports upload progress. The transport holds it in
// memory up to samples_max_size (server/http_server.hpp route limits); it
// is never written to disk in the clear.
#include <algorithm>
#include <cctype>

#include "catalog/samples.hpp"
#include "ingest/content/file_type.hpp"
#include "server/api/json_io.hpp"
#include "server/api/routes.hpp"
#include "server/api/sample_json.hpp"
#include "server/app.hpp"

namespace ts::server::api {
namespace {

Result<store::BlobStore> Blobs(Context& ctx) {
  return store::BlobStore::Open(ctx.app.config().data_dir);
}

// Digests are accepted in either case; anything else is a sample that does
// not exist, answered like a hidden one.
std::string DigestParam(Context& ctx) {
  std::string sha256 = ctx.Param("sha256");
  std::transform(sha256.begin(), sha256.end(), sha256.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return sha256;
}

Result<Response> Upload(Context& ctx) {
  const auto& req = ctx.request;
  catalog::SampleInput in;
  in.name = std::string(req.Query("name"));
  if (auto level = req.Query("level"); !level.empty()) in.level = std::string(level);
  in.event_id = std::string(req.Query("event"));
  in.max_bytes = ctx.app.config().samples_max_size;
  if (req.body.empty())
    return Error::Invalid("the request body must be the sample's bytes", "file");
  auto blobs = Blobs(ctx);
  if (!blobs) return blobs.error();
  auto added = catalog::AddSample(ctx.gate, *blobs, req.body, in);
  if (!added) return added.error();
  json j = SampleJson(added->view);
  j["created"] = added->created;
  j["members_added"] = added->members;
  j["warnings"] = added->warnings;
  return JsonResponse(j, added->created ? 201 : 200);
}

Result<Response> List(Context& ctx) {
  const auto& req = ctx.request;
  auto paging = ParsePaging(req, 50, 500);
  if (!paging) return paging.error();
  store::SampleFilter f;
  f.offset = paging->offset();
  f.limit = paging->per_page;
  if (auto s = req.Query("level"); !s.empty()) {
    f.level = model::ParseLevel(s);
    if (!f.level)
      return Error::Invalid("level must be RED, AMBER, YELLOW, GREEN or WHITE", "level");
  }
  if (auto s = req.Query("type"); !s.empty()) {
    if (!ingest::content::ParseFileKind(s))
      return Error::Invalid("unknown type '" + std::string(s) + "'", "type");
    f.kind = std::string(s);
  }
  f.tag = std::string(req.Query("tag"));
  f.text = std::string(req.Query("q"));
  auto page = ctx.gate.ListSamples(f);
  if (!page) return page.error();
  json items = json::array();
  for (const auto& row : page->items) items.push_back(SampleRowJson(row));
  return JsonResponse(PageJson(std::move(items), page->total, *paging));
}

Result<Response> Get(Context& ctx) {
  auto view = ctx.gate.GetSample(DigestParam(ctx));
  if (!view) return view.error();
  return JsonResponse(SampleJson(*view));
}

Result<Response> Download(Context& ctx) {
  ingest::content::ProtectedZipOptions options;
  auto encryption = ctx.request.Query("encryption");
  if (encryption == "aes256")
    options.encryption = ingest::content::ZipEncryption::kAes256;
  else if (!encryption.empty() && encryption != "zipcrypto")
    return Error::Invalid("encryption must be zipcrypto or aes256", "encryption");
  auto blobs = Blobs(ctx);
  if (!blobs) return blobs.error();
  auto download = catalog::DownloadSample(ctx.gate, *blobs, DigestParam(ctx), options);
  if (!download) return download.error();
  Response r;
  r.content_type = "application/zip";
  r.body = std::move(download->zip);
  r.SetHeader("Content-Disposition", "attachment; filename=\"" + download->file_name + "\"");
  r.SetHeader("Cache-Control", "no-store");
  return r;
}

}  // namespace

void AddSampleRoutes(Router& router) {
  const RouteOptions public_read{.anonymous = Anonymous::kIfAnonymousRead};
  router.Add("POST", "/api/v1/samples", Upload);
  router.Add("GET", "/api/v1/samples", List, public_read);
  router.Add("GET", "/api/v1/samples/{sha256}", Get, public_read);
  // Live malware goes to members only, never to anonymous readers.
  router.Add("GET", "/api/v1/samples/{sha256}/download", Download);
}

}  // namespace ts::server::api
