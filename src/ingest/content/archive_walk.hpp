// Opens archives in memory (libarchive: zip, lzh/lha, 7z, rar, tar, cab,
// iso, and gzip/bzip2/xz whether around a tar or a single file) and walks
// them recursively: every regular file at any depth becomes a member with
// its bytes. Nothing is written to disk.
//
// Hostile input is expected. The walk stops with an error naming the member
// when a limit is passed (nesting depth, member count, total expanded bytes,
// expansion ratio: Code::kTooLarge) or when a member's name would escape an
// extraction folder (`../`, `..\`, absolute paths, drive letters:
// Code::kInvalid). Encrypted members are tried with each configured password;
// one that none opens is listed as `locked` with no bytes, and the walk goes
// on. A damaged archive yields the members read before the damage plus a
// warning. Safe from any thread.
//
// Member names come out as UTF-8 whatever the thread's locale: the walk
// runs in a UTF-8 character locale of its own thread (utf8_locale.hpp),
// LHA names are read as CP932, and names without a charset mark that are
// not UTF-8 (zip entries without the UTF-8 flag) are decoded from CP932
// when they convert exactly; other bytes are left as they are.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/content/file_type.hpp"
#include "util/result.hpp"

namespace ts::ingest::content {

struct ArchiveLimits {
  // Archives inside archives: members of the top archive are at depth 1; a
  // member found at a greater depth than this stops the walk.
  std::size_t max_depth = 5;
  // Regular-file members at all depths together.
  std::size_t max_members = 10000;
  // Expanded bytes of all members at all depths together (nested archives
  // count both as a member and through their own members).
  std::uint64_t max_total_bytes = std::uint64_t{1} << 30;  // 1 GiB
  // Expanded bytes of one archive's members over its own size. Only checked
  // once that archive has expanded to ratio_floor_bytes, since small runs of
  // zeros legitimately compress a thousandfold.
  double max_ratio = 200;
  std::uint64_t ratio_floor_bytes = std::uint64_t{16} << 20;  // 16 MiB
};

struct ArchiveOptions {
  ArchiveLimits limits;
  // Tried in order on encrypted members; the customary ones for sharing
  // malware by default. Callers add the ones found in a mail body.
  std::vector<std::string> passwords = {"infected", "malware", "virus"};
};

inline constexpr std::size_t kTopArchive = std::numeric_limits<std::size_t>::max();

struct ArchiveMember {
  std::string name;  // path inside the archive that holds it, '/'-separated
  // From the top archive down: containers joined with '!', e.g.
  // "inner.zip!docs/invoice.exe" for a member of inner.zip.
  std::string path;
  std::size_t depth = 1;
  std::size_t parent = kTopArchive;       // index in ArchiveWalk::members of the holding archive
  FileKind container = FileKind::kOther;  // format of the archive holding it
  std::uint64_t size = 0;                 // expanded bytes (0 when locked)
  std::string bytes;
  bool encrypted = false;
  bool locked = false;  // encrypted and no configured password opened it
};

struct ArchiveWalk {
  bool is_archive = false;  // false: the input is no archive and has no members
  FileKind format = FileKind::kOther;
  std::vector<ArchiveMember> members;  // depth-first, in archive order
  std::vector<std::string> warnings;  // e.g. "archive 'a.zip!b.7z' is damaged after 3 members: ..."
};

// `name` names the input in messages and paths (a gzip file "x.gz" without a
// stored name yields member "x").
Result<ArchiveWalk> WalkArchive(std::string_view data, std::string_view name,
                                const ArchiveOptions& options = {});

// True when a member name would leave the folder it is extracted into:
// absolute ("/x", "\\x"), drive-qualified ("C:x"), or containing a ".."
// component under either separator.
bool IsTraversalName(std::string_view name);

}  // namespace ts::ingest::content
