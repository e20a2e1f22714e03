// ClassifyContent: our own file kinds from magic bytes and structure, then
// text heuristics for what has no magic (scripts, HTML).
#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

#include "ingest/content/byte_reader.hpp"
#include "ingest/content/file_type.hpp"
#include "ingest/content/text_sniff.hpp"

namespace ts::ingest::content {
namespace {

using namespace std::string_view_literals;

FileKind ClassifyMz(std::string_view data) {
  // e_lfanew at 0x3c points at "PE\0\0".
  const auto lfanew = ReadLe<std::uint32_t>(data, 0x3c);
  if (lfanew && HasAt(data, *lfanew, "PE\0\0"sv)) return FileKind::kPeExecutable;
  return FileKind::kMsDos;
}

// 0xCAFEBABE starts both universal Mach-O binaries and Java class files:
// the former has a small architecture count where the latter has its
// version numbers (major version 45 or more).
bool IsFatMachO(std::string_view data) {
  const auto count = ReadBe<std::uint32_t>(data, 4);
  return count && *count > 0 && *count < 45;
}

// The member names of a zip from its central directory, read up to a cap;
// empty when the end record is not found (e.g. a truncated zip).
std::vector<std::string_view> ZipNames(std::string_view data) {
  constexpr std::size_t kEndRecord = 22;
  constexpr std::size_t kMaxComment = 0xffff;
  constexpr std::size_t kMaxNames = 4096;
  std::vector<std::string_view> names;
  if (data.size() < kEndRecord) return names;
  const std::size_t lowest =
      data.size() > kEndRecord + kMaxComment ? data.size() - kEndRecord - kMaxComment : 0;
  for (std::size_t end = data.size() - kEndRecord + 1; end-- > lowest;) {
    if (!HasAt(data, end, "PK\x05\x06"sv)) continue;
    const auto count = ReadLe<std::uint16_t>(data, end + 10);
    const auto offset = ReadLe<std::uint32_t>(data, end + 16);
    if (!count || !offset) return names;
    std::size_t at = *offset;
    for (std::size_t i = 0; i < *count && i < kMaxNames; ++i) {
      if (!HasAt(data, at, "PK\x01\x02"sv)) break;
      const auto name_len = ReadLe<std::uint16_t>(data, at + 28);
      const auto extra_len = ReadLe<std::uint16_t>(data, at + 30);
      const auto comment_len = ReadLe<std::uint16_t>(data, at + 32);
      if (!comment_len || at + 46 + *name_len > data.size()) break;
      names.push_back(data.substr(at + 46, *name_len));
      at += 46 + std::size_t{*name_len} + *extra_len + *comment_len;
    }
    return names;
  }
  return names;
}

// OOXML packages are zips with "[Content_Types].xml" at their root; macros
// live in a vbaProject.bin. Names are read from the central directory, not
// searched in the bytes, so that a zip holding a stored (uncompressed)
// document is still a zip.
FileKind ClassifyZip(std::string_view data) {
  const auto names = ZipNames(data);
  if (std::find(names.begin(), names.end(), "[Content_Types].xml") == names.end())
    return FileKind::kZip;
  const bool macros = std::any_of(names.begin(), names.end(), [](std::string_view n) {
    return n.ends_with("/vbaProject.bin") || n == "vbaProject.bin";
  });
  return macros ? FileKind::kOfficeOoxmlMacro : FileKind::kOfficeOoxml;
}

// LHA headers of levels 0-2 carry the method ("-lh5-", "-lz4-", "-lhd-") at
// offset 2.
bool IsLzh(std::string_view data) {
  if (data.size() < 21 || data[2] != '-' || data[6] != '-') return false;
  const char a = data[3], b = data[4];
  return (a == 'l' && (b == 'h' || b == 'z')) && data[20] <= 3;  // header level byte
}

bool IsImage(std::string_view data) {
  return data.starts_with("\x89PNG\r\n\x1a\n"sv) || data.starts_with("\xff\xd8\xff"sv) ||
         data.starts_with("GIF87a"sv) || data.starts_with("GIF89a"sv) ||
         (data.starts_with("RIFF"sv) && HasAt(data, 8, "WEBP"));
}

}  // namespace

FileKind ClassifyContent(std::string_view data) {
  // The DOS header alone is 64 bytes; shorter "MZ..." is likely text.
  if (data.starts_with("MZ") && data.size() >= 64) return ClassifyMz(data);
  if (data.starts_with("\x7f"
                       "ELF"))
    return FileKind::kElf;
  if (data.starts_with("\xfe\xed\xfa\xce"sv) || data.starts_with("\xfe\xed\xfa\xcf"sv) ||
      data.starts_with("\xce\xfa\xed\xfe"sv) || data.starts_with("\xcf\xfa\xed\xfe"sv) ||
      (data.starts_with("\xca\xfe\xba\xbe"sv) && IsFatMachO(data)))
    return FileKind::kMachO;
  if (data.starts_with("L\0\0\0\x01\x14\x02\0\0\0\0\0\xc0\0\0\0\0\0\0\x46"sv))
    return FileKind::kLnk;
  if (data.starts_with("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"sv)) return FileKind::kOfficeOle;
  if (data.starts_with("PK\x03\x04"sv) || data.starts_with("PK\x05\x06"sv) ||
      data.starts_with("PK\x07\x08"sv))
    return ClassifyZip(data);
  if (data.starts_with("{\\rt")) return FileKind::kRtf;
  // Readers accept "%PDF-" anywhere in the first kilobyte.
  if (data.substr(0, 1024).find("%PDF-") != std::string_view::npos) return FileKind::kPdf;
  if (data.starts_with("7z\xbc\xaf\x27\x1c"sv)) return FileKind::k7z;
  if (data.starts_with("Rar!\x1a\x07"sv)) return FileKind::kRar;
  if (data.starts_with("\x1f\x8b"sv)) return FileKind::kGzip;
  if (data.starts_with("BZh")) return FileKind::kBzip2;
  if (data.starts_with("\xfd"
                       "7zXZ\0"sv))
    return FileKind::kXz;
  if (data.starts_with("MSCF\0\0\0\0"sv)) return FileKind::kCab;
  if (HasAt(data, 257, "ustar")) return FileKind::kTar;
  if (HasAt(data, 0x8001, "CD001")) return FileKind::kIso;
  if (IsLzh(data)) return FileKind::kLzh;
  if (IsImage(data)) return FileKind::kImage;
  if (LooksLikeText(data)) return ClassifyText(data);
  return FileKind::kOther;
}

}  // namespace ts::ingest::content
