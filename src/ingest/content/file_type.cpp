#include "ingest/content/file_type.hpp"

#include <algorithm>
#include <array>

#include "ingest/ascii.hpp"
#include "util/enum_names.hpp"

namespace ts::ingest::content {
namespace {

constexpr EnumNames<FileKind, 30> kNames = {{
    {FileKind::kPeExecutable, "pe_executable"},
    {FileKind::kMsDos, "ms_dos_executable"},
    {FileKind::kElf, "elf"},
    {FileKind::kMachO, "macho"},
    {FileKind::kShellScript, "shell_script"},
    {FileKind::kPowerShell, "powershell"},
    {FileKind::kBatch, "batch"},
    {FileKind::kVbScript, "vbscript"},
    {FileKind::kJavaScript, "javascript"},
    {FileKind::kHta, "hta"},
    {FileKind::kLnk, "lnk"},
    {FileKind::kOfficeOle, "office_ole"},
    {FileKind::kOfficeOoxml, "office_ooxml"},
    {FileKind::kOfficeOoxmlMacro, "office_ooxml_macro"},
    {FileKind::kRtf, "rtf"},
    {FileKind::kPdf, "pdf"},
    {FileKind::kZip, "zip"},
    {FileKind::kLzh, "lzh"},
    {FileKind::k7z, "7z"},
    {FileKind::kRar, "rar"},
    {FileKind::kTar, "tar"},
    {FileKind::kGzip, "gzip"},
    {FileKind::kBzip2, "bzip2"},
    {FileKind::kXz, "xz"},
    {FileKind::kCab, "cab"},
    {FileKind::kIso, "iso"},
    {FileKind::kHtml, "html"},
    {FileKind::kImage, "image"},
    {FileKind::kText, "text"},
    {FileKind::kOther, "other"},
}};

// Extensions under which recipients expect something that only displays:
// a file so named whose bytes are a program is a disguise.
constexpr std::array<std::string_view, 30> kHarmlessExtensions = {
    "pdf", "doc", "docx", "docm", "xls", "xlsx", "xlsm", "ppt", "pptx", "rtf",
    "txt", "csv", "jpg",  "jpeg", "png", "gif",  "bmp",  "tif", "tiff", "zip",
    "rar", "7z",  "lzh",  "mp3",  "mp4", "wav",  "avi",  "htm", "html", "xml"};

}  // namespace

std::string_view FileKindName(FileKind kind) {
  return NameOf(kNames, kind);
}

std::optional<FileKind> ParseFileKind(std::string_view name) {
  return ParseName(kNames, name);
}

bool IsExecutable(FileKind kind) {
  switch (kind) {
    case FileKind::kPeExecutable:
    case FileKind::kMsDos:
    case FileKind::kElf:
    case FileKind::kMachO:
    case FileKind::kShellScript:
    case FileKind::kPowerShell:
    case FileKind::kBatch:
    case FileKind::kVbScript:
    case FileKind::kJavaScript:
    case FileKind::kHta:
    case FileKind::kLnk:
      return true;
    default:
      return false;
  }
}

bool IsArchive(FileKind kind) {
  switch (kind) {
    case FileKind::kZip:
    case FileKind::kLzh:
    case FileKind::k7z:
    case FileKind::kRar:
    case FileKind::kTar:
    case FileKind::kGzip:
    case FileKind::kBzip2:
    case FileKind::kXz:
    case FileKind::kCab:
    case FileKind::kIso:
      return true;
    default:
      return false;
  }
}

bool IsDisguisedExecutable(std::string_view name, FileKind kind) {
  // Only kinds known from magic bytes: script kinds are guessed from the
  // text and would flag innocent .txt files.
  const bool binary_program = kind == FileKind::kPeExecutable || kind == FileKind::kMsDos ||
                              kind == FileKind::kElf || kind == FileKind::kMachO ||
                              kind == FileKind::kLnk;
  if (!binary_program) return false;
  const auto slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  const auto dot = name.rfind('.');
  if (dot == std::string_view::npos) return false;
  std::string ext(name.substr(dot + 1));
  std::transform(ext.begin(), ext.end(), ext.begin(), AsciiLower);
  return std::find(kHarmlessExtensions.begin(), kHarmlessExtensions.end(), ext) !=
         kHarmlessExtensions.end();
}

}  // namespace ts::ingest::content
