#include "server/static_files.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "util/error.hpp"

namespace ts::server {
namespace {

namespace fs = std::filesystem;

struct FoundFile {
  fs::path path;
  std::string etag;
};

Response ErrorResponse(const Error& error) {
  Response res;
  res.status = HttpStatus(error.code);
  res.body = nlohmann::json{{"error", {{"code", CodeName(error.code)}, {"message", error.message}}}}
                 .dump();
  return res;
}

std::string_view ContentType(const fs::path& file) {
  std::string ext = file.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  static constexpr std::pair<std::string_view, std::string_view> kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".map", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"},
      {".webmanifest", "application/manifest+json"},
  };
  for (const auto& [extension, type] : kTypes) {
    if (ext == extension) return type;
  }
  return "application/octet-stream";
}

bool IsWithin(const fs::path& root, const fs::path& path) {
  return std::mismatch(root.begin(), root.end(), path.begin(), path.end()).first == root.end();
}

// The regular file at `relative` below `root` (already canonical), after
// resolving symlinks, provided it is still inside `root`.
std::optional<FoundFile> Find(const fs::path& root, const fs::path& relative) {
  std::error_code ec;
  fs::path resolved = fs::canonical(root / relative, ec);
  if (ec || !IsWithin(root, resolved) || !fs::is_regular_file(resolved, ec)) return std::nullopt;
  auto size = fs::file_size(resolved, ec);
  if (ec) return std::nullopt;
  auto mtime = fs::last_write_time(resolved, ec);
  if (ec) return std::nullopt;
  // Size and modification time change whenever a build replaces the file.
  std::string etag = fmt::format("\"{:x}-{:x}\"", size,
                                 static_cast<std::uint64_t>(mtime.time_since_epoch().count()));
  return FoundFile{std::move(resolved), std::move(etag)};
}

// RFC 9110 §13.1.2: a list of entity tags or "*", compared weakly.
bool MatchesIfNoneMatch(std::string_view header, std::string_view etag) {
  while (!header.empty()) {
    std::size_t comma = header.find(',');
    std::string_view tag = header.substr(0, comma);
    header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
    while (!tag.empty() && (tag.front() == ' ' || tag.front() == '\t')) tag.remove_prefix(1);
    while (!tag.empty() && (tag.back() == ' ' || tag.back() == '\t')) tag.remove_suffix(1);
    if (tag.starts_with("W/")) tag.remove_prefix(2);
    if (tag == "*" || tag == etag) return true;
  }
  return false;
}

std::optional<Response> FileResponse(const FoundFile& file, const Request& req, bool immutable) {
  Response res;
  res.content_type = std::string(ContentType(file.path));
  res.SetHeader("Cache-Control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
  res.SetHeader("ETag", file.etag);
  if (MatchesIfNoneMatch(req.Header("if-none-match"), file.etag)) {
    res.status = 304;
    return res;
  }
  std::ifstream in(file.path, std::ios::binary);
  if (!in) return std::nullopt;
  res.body.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) return std::nullopt;
  return res;
}

}  // namespace

std::optional<Response> ServeStatic(const fs::path& root, const Request& req) {
  if (req.method != "GET" && req.method != "HEAD") return std::nullopt;
  std::string_view path = req.path;
  if (path == "/api" || path.starts_with("/api/")) return std::nullopt;
  if (!path.starts_with("/")) return ErrorResponse(Error::Invalid("invalid path"));

  fs::path relative;
  std::string_view first_segment;
  std::string_view last_segment;
  bool hidden = false;
  for (std::string_view rest = path.substr(1); !rest.empty();) {
    std::size_t slash = rest.find('/');
    std::string_view segment = rest.substr(0, slash);
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
    if (segment.empty()) continue;
    if (segment == "." || segment == ".." ||
        segment.find_first_of(std::string_view("\\\0", 2)) != std::string_view::npos) {
      return ErrorResponse(Error::Invalid("invalid path"));
    }
    // Dotfiles (.git, .env) are never part of a build; do not serve them.
    hidden = hidden || segment.front() == '.';
    if (first_segment.empty()) first_segment = segment;
    last_segment = segment;
    relative /= fs::path(segment);
  }

  std::error_code ec;
  const fs::path canonical_root = fs::canonical(root, ec);
  if (ec) return std::nullopt;

  if (!hidden && !relative.empty()) {
    if (auto file = Find(canonical_root, relative)) {
      if (auto res = FileResponse(*file, req, first_segment == "assets")) return res;
    }
  }
  if (fs::path(last_segment).has_extension()) return ErrorResponse(Error::NotFound("file"));
  auto index = Find(canonical_root, "index.html");
  if (!index) return std::nullopt;
  return FileResponse(*index, req, false);
}

}  // namespace ts::server
