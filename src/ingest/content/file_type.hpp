// What a file is, judged by its bytes and never by its name: libmagic's
// description and MIME type, plus our own coarse classification from magic
// bytes and structure, so that a "document" whose content is an executable
// is recognised whatever its name says. Safe from any thread (libmagic
// handles are per thread).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ts::ingest::content {

enum class FileKind {
  kPeExecutable,  // MZ + PE header (exe, dll, sys, scr, ...)
  kMsDos,         // MZ without a PE header
  kElf,
  kMachO,        // thin or universal (fat) binaries
  kShellScript,  // "#!" scripts (sh, bash, python, perl, ...)
  kPowerShell,
  kBatch,  // cmd.exe batch files
  kVbScript,
  kJavaScript,
  kHta,               // HTML applications (mshta)
  kLnk,               // Windows shortcut (shell link)
  kOfficeOle,         // OLE2 compound file: doc, xls, ppt, msi, msg
  kOfficeOoxml,       // docx, xlsx, pptx without macros
  kOfficeOoxmlMacro,  // OOXML carrying vbaProject.bin (docm, xlsm, ...)
  kRtf,
  kPdf,
  kZip,
  kLzh,
  k7z,
  kRar,
  kTar,
  kGzip,
  kBzip2,
  kXz,
  kCab,
  kIso,
  kHtml,
  kImage,
  kText,  // mostly printable text (UTF-8 or ASCII) not recognised above
  kOther,
};

// Stable lower-case name used in reports and the API, e.g. "pe_executable",
// "office_ooxml_macro", "7z".
std::string_view FileKindName(FileKind kind);
std::optional<FileKind> ParseFileKind(std::string_view name);

// Content that runs code when opened: native executables, scripts, HTA and
// shortcuts (LNK files launch commands).
bool IsExecutable(FileKind kind);
// Containers that ArchiveWalk opens (zip, lzh, 7z, rar, tar, gzip, bzip2,
// xz, cab, iso). Office OOXML files are zips too but are not listed here.
bool IsArchive(FileKind kind);

struct FileType {
  FileKind kind = FileKind::kOther;
  std::string description;  // libmagic, e.g. "PE32 executable (GUI) Intel 80386, for MS Windows"
  std::string mime;         // libmagic, e.g. "application/vnd.microsoft.portable-executable"
};

// Our classification alone (no libmagic): cheap, used for every member.
FileKind ClassifyContent(std::string_view data);

// Classification plus libmagic description and MIME type.
FileType IdentifyFileType(std::string_view data);

// True when `name`'s extension promises a harmless kind (document, image,
// text, ...) but the content is executable: the classic disguise of mail
// attachments ("invoice.pdf.exe" is not a disguise; "invoice.pdf" holding a
// PE is).
bool IsDisguisedExecutable(std::string_view name, FileKind kind);

}  // namespace ts::ingest::content
