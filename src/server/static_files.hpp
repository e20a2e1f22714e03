// Serves the built web interface (a Vite single-page app) from a folder.
#pragma once

#include <filesystem>
#include <optional>

#include "server/http.hpp"

namespace ts::server {

// Answers GET and HEAD for files below `root`. Returns nullopt when the
// request is for someone else: other methods, any path under /api/ (never
// served from disk, so a stray file cannot shadow the API), and unmatched
// paths when `root` has no index.html to fall back on.
//
// - Paths with "." or ".." segments, backslashes or NUL are answered 400;
//   files reached through symlinks that leave `root` are not served.
// - An unmatched path without a file extension gets index.html (client-side
//   routing); an unmatched path with one gets 404.
// - Files under /assets/ (content-hashed names) are cacheable for a year;
//   everything else is revalidated with an ETag (304 on If-None-Match).
std::optional<Response> ServeStatic(const std::filesystem::path& root, const Request& req);

}  // namespace ts::server
