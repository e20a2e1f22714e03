#include "ingest/content/archive_walk.hpp"

#include <archive.h>
#include <archive_entry.h>
#include <iconv.h>

#include <algorithm>
#include <array>
#include <memory>
#include <string>

#include "ingest/content/utf8_locale.hpp"
#include "ingest/utf8.hpp"

namespace ts::ingest::content {
namespace {

struct ArchiveFree {
  void operator()(archive* a) const { archive_read_free(a); }
};
using Reader = std::unique_ptr<archive, ArchiveFree>;

constexpr std::size_t kBlock = 64 * 1024;

std::string Quote(std::string_view s) {
  return "'" + std::string(s) + "'";
}

// Only formats and filters that libarchive reads by itself, in memory:
// format_all would add mtree, whose entries name files on the local disk
// that the reader then opens, and filter_all falls back to running external
// programs (lrzip, lzop, ...).
Reader OpenReader(bool raw, const std::vector<std::string>& passwords) {
  Reader a(archive_read_new());
  if (!a) return a;
  archive_read_support_filter_gzip(a.get());
  archive_read_support_filter_bzip2(a.get());
  archive_read_support_filter_xz(a.get());
  archive_read_support_filter_lzma(a.get());
  archive_read_support_filter_compress(a.get());
  archive_read_support_format_zip(a.get());
  archive_read_support_format_7zip(a.get());
  archive_read_support_format_rar(a.get());
  archive_read_support_format_rar5(a.get());
  archive_read_support_format_tar(a.get());
  archive_read_support_format_lha(a.get());
  archive_read_support_format_cab(a.get());
  archive_read_support_format_iso9660(a.get());
  // LHA headers carry no charset; Japanese archivers (LHA, Lhaplus, Explzh)
  // write names in CP932, and without this option libarchive stops at the
  // first such header. Zip keeps the default on purpose: its hdrcharset
  // applies to every entry without the UTF-8 flag and leaves those that do
  // not convert nameless (UTF-8 names from macOS, CP437 names), so zip names
  // are decoded per name below instead.
  archive_read_set_format_option(a.get(), "lha", "hdrcharset", "CP932");
  // A lone compressed file (x.exe.gz) is no archive format of its own.
  if (raw) archive_read_support_format_raw(a.get());
  for (const auto& password : passwords) archive_read_add_passphrase(a.get(), password.c_str());
  return a;
}

// The name of a lone compressed file's content: its own name without the
// compression suffix ("x.exe.gz" holds "x.exe", "x.tgz" holds "x.tar").
std::string RawMemberName(std::string_view container) {
  const auto slash = container.find_last_of("/!");
  if (slash != std::string_view::npos) container.remove_prefix(slash + 1);
  for (auto [suffix, replacement] : std::array<std::pair<std::string_view, std::string_view>, 5>{
           {{".tgz", ".tar"}, {".gz", ""}, {".bz2", ""}, {".xz", ""}, {".lzma", ""}}}) {
    if (container.size() > suffix.size() && container.ends_with(suffix))
      return std::string(container.substr(0, container.size() - suffix.size())) +
             std::string(replacement);
  }
  return container.empty() ? std::string("data") : std::string(container);
}

// Bytes that are not UTF-8 as CP932 when they convert exactly, else as
// they are: names without a charset mark (zip entries without the UTF-8
// flag, tar) come in the writer's charset, which Japanese Windows makes
// CP932.
std::string Cp932OrAsIs(std::string name) {
  if (!FirstInvalidUtf8(name)) return name;
  const iconv_t cd = iconv_open("UTF-8", "CP932");
  if (cd == reinterpret_cast<iconv_t>(-1)) return name;
  std::string out(name.size() * 3, '\0');  // a CP932 byte yields at most 3
  char* in = name.data();
  std::size_t in_left = name.size();
  char* to = out.data();
  std::size_t out_left = out.size();
  const std::size_t converted = iconv(cd, &in, &in_left, &to, &out_left);
  iconv_close(cd);
  if (converted == static_cast<std::size_t>(-1) || in_left != 0) return name;
  out.resize(out.size() - out_left);
  return out;
}

// libarchive gives the UTF-8 form when the name converts from the charset
// the archive declares (the thread runs in a UTF-8 locale), and the raw
// bytes otherwise.
std::string EntryName(archive_entry* entry) {
  if (const char* utf8 = archive_entry_pathname_utf8(entry)) return utf8;
  if (const char* raw = archive_entry_pathname(entry)) return Cp932OrAsIs(raw);
  return "";
}

std::string ReaderError(archive* a) {
  const char* msg = archive_error_string(a);
  return msg != nullptr ? msg : "unknown error";
}

class Walker {
 public:
  Walker(std::string_view top_name, const ArchiveOptions& options)
      : top_name_(top_name), options_(options) {}

  // Walks the archive `data` named `path` (empty for the top) whose members
  // sit at `depth` and hang from `parent`.
  Status Walk(std::string_view data, const std::string& path, std::size_t depth, std::size_t parent,
              FileKind format) {
    const bool raw =
        format == FileKind::kGzip || format == FileKind::kBzip2 || format == FileKind::kXz;
    Reader a = OpenReader(raw, options_.passwords);
    if (!a) return Error::Internal("out of memory opening an archive");
    const std::string shown = path.empty() ? std::string(top_name_) : path;
    if (archive_read_open_memory(a.get(), data.data(), data.size()) != ARCHIVE_OK) {
      walk_.warnings.push_back("archive " + Quote(shown) +
                               " could not be opened: " + ReaderError(a.get()));
      return {};
    }
    std::uint64_t expanded = 0;  // by this archive's own members
    std::size_t read_here = 0;
    archive_entry* entry = nullptr;
    for (;;) {
      const int r = archive_read_next_header(a.get(), &entry);
      if (r == ARCHIVE_EOF) break;
      if (r != ARCHIVE_OK && r != ARCHIVE_WARN) {
        walk_.warnings.push_back("archive " + Quote(shown) + " is damaged after " +
                                 std::to_string(read_here) + " members: " + ReaderError(a.get()));
        break;
      }
      // Directories, links and devices have no content of their own.
      if (archive_entry_filetype(entry) != AE_IFREG || archive_entry_hardlink(entry) != nullptr)
        continue;
      ArchiveMember m;
      const bool is_raw = archive_format(a.get()) == ARCHIVE_FORMAT_RAW;
      std::string name = is_raw ? RawMemberName(shown) : EntryName(entry);
      if (IsTraversalName(name))
        return Error::Invalid("archive " + Quote(shown) + " has a member named " + Quote(name) +
                                  " that would be extracted outside its folder; archive refused",
                              "file");
      std::replace(name.begin(), name.end(), '\\', '/');
      m.path = path.empty() ? name : path + "!" + name;
      m.name = std::move(name);
      m.depth = depth;
      m.parent = parent;
      m.container = format;
      m.encrypted = archive_entry_is_encrypted(entry) != 0;
      if (walk_.members.size() >= options_.limits.max_members)
        return Error::TooLarge("archive " + Quote(top_name_) + " holds more than " +
                               std::to_string(options_.limits.max_members) +
                               " members (limit reached at " + Quote(m.path) + "); walk stopped");
      ++read_here;
      TS_TRY(ReadContent(a.get(), m, data.size(), shown, expanded));
      const std::size_t index = walk_.members.size();
      walk_.members.push_back(std::move(m));
      TS_TRY(MaybeDescend(index));
    }
    return {};
  }

  ArchiveWalk Take() { return std::move(walk_); }

 private:
  // Reads the member's bytes, enforcing the size limits as bytes arrive:
  // headers may lie about sizes, so they are never trusted.
  Status ReadContent(archive* a, ArchiveMember& m, std::size_t archive_size,
                     const std::string& shown, std::uint64_t& expanded) {
    const auto& limits = options_.limits;
    std::array<char, kBlock> block;
    for (;;) {
      const la_ssize_t n = archive_read_data(a, block.data(), block.size());
      if (n == 0) break;
      if (n < 0) {
        const std::string why = ReaderError(a);
        if (m.encrypted || why.find("assphrase") != std::string::npos ||
            why.find("ncrypt") != std::string::npos) {
          // No configured password opens it: list it, skip its content.
          m.encrypted = true;
          m.locked = true;
        } else {
          walk_.warnings.push_back("member " + Quote(m.path) + " of " + Quote(top_name_) +
                                   " could not be read: " + why);
        }
        m.bytes.clear();
        m.bytes.shrink_to_fit();
        m.size = 0;
        return {};
      }
      const auto got = static_cast<std::uint64_t>(n);
      total_ += got;
      expanded += got;
      if (total_ > limits.max_total_bytes)
        return Error::TooLarge("archive " + Quote(top_name_) + " expands to more than " +
                               std::to_string(limits.max_total_bytes) +
                               " bytes (limit reached in member " + Quote(m.path) +
                               "); walk stopped");
      if (expanded >= limits.ratio_floor_bytes &&
          static_cast<double>(expanded) >
              limits.max_ratio * static_cast<double>(std::max<std::size_t>(archive_size, 1)))
        return Error::TooLarge("archive " + Quote(shown) + " expands more than " +
                               std::to_string(static_cast<long long>(limits.max_ratio)) +
                               " times its size (limit reached in member " + Quote(m.path) +
                               "); walk stopped");
      m.bytes.append(block.data(), static_cast<std::size_t>(n));
    }
    m.size = m.bytes.size();
    return {};
  }

  // Opens a member that is itself an archive, one level deeper.
  Status MaybeDescend(std::size_t index) {
    const FileKind kind = ClassifyContent(walk_.members[index].bytes);
    if (!IsArchive(kind)) return {};
    const std::size_t depth = walk_.members[index].depth + 1;
    const std::string path = walk_.members[index].path;
    if (depth > options_.limits.max_depth)
      return Error::TooLarge("archive member " + Quote(path) + " in " + Quote(top_name_) +
                             " nests archives more than " +
                             std::to_string(options_.limits.max_depth) +
                             " levels deep; walk stopped");
    // Members are appended while the nested walk reads from this string:
    // move it out so that vector growth cannot move it underneath.
    std::string bytes = std::move(walk_.members[index].bytes);
    Status status = Walk(bytes, path, depth, index, kind);
    walk_.members[index].bytes = std::move(bytes);
    return status;
  }

  std::string_view top_name_;
  const ArchiveOptions& options_;
  ArchiveWalk walk_;
  std::uint64_t total_ = 0;
};

}  // namespace

Result<ArchiveWalk> WalkArchive(std::string_view data, std::string_view name,
                                const ArchiveOptions& options) {
  const FileKind format = ClassifyContent(data);
  if (!IsArchive(format)) return ArchiveWalk{};
  const Utf8Locale names_in_utf8;  // for the whole walk, nested archives included
  Walker walker(name, options);
  TS_TRY(walker.Walk(data, "", 1, kTopArchive, format));
  ArchiveWalk walk = walker.Take();
  walk.is_archive = true;
  walk.format = format;
  return walk;
}

}  // namespace ts::ingest::content
