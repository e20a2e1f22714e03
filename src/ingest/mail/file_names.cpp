#include "ingest/mail/file_names.hpp"

#include <algorithm>

#include "ingest/ascii.hpp"

namespace ts::ingest::mail {
namespace {

constexpr std::string_view kExecutable[] = {"exe",         "scr",  "com",  "pif", "cpl", "dll",
                                            "msi",         "msp",  "msc",  "sys", "ocx", "gadget",
                                            "application", "appx", "msix", "jar"};
constexpr std::string_view kScript[] = {
    "lnk",  "url", "js",  "jse", "vbs", "vbe", "hta", "wsf", "wsh", "ps1",
    "psm1", "bat", "cmd", "reg", "inf", "scf", "chm", "iqy", "slk", "settingcontent-ms"};
constexpr std::string_view kShortcutOrScript[] = {"lnk", "js",  "jse",  "vbs", "vbe", "hta", "wsf",
                                                  "wsh", "ps1", "psm1", "bat", "cmd", "scr", "url"};
constexpr std::string_view kDocument[] = {
    "doc",  "docx", "docm", "dot",  "dotx", "xls", "xlsx", "xlsm", "xlsb", "ppt",  "pptx",
    "pptm", "pps",  "ppsx", "rtf",  "pdf",  "txt", "csv",  "odt",  "ods",  "odp",  "jtd",
    "jtdc", "hwp",  "xps",  "eml",  "msg",  "htm", "html", "xml",  "jpg",  "jpeg", "png",
    "gif",  "bmp",  "tif",  "tiff", "svg",  "mp3", "mp4",  "wav",  "avi",  "mov",  "wmv"};
constexpr std::string_view kArchive[] = {"zip", "lzh", "lha", "rar",  "7z",  "cab",
                                         "iso", "img", "vhd", "vhdx", "gz",  "tgz",
                                         "bz2", "xz",  "tar", "ace",  "arj", "uue"};

template <std::size_t N>
bool In(const std::string_view (&list)[N], std::string_view ext) {
  return std::find(std::begin(list), std::end(list), ext) != std::end(list);
}

}  // namespace

std::string LastExtension(std::string_view name) {
  while (!name.empty() && (name.back() == ' ' || name.back() == '.')) name.remove_suffix(1);
  const std::size_t dot = name.rfind('.');
  if (dot == std::string_view::npos) return {};
  const std::string_view ext = name.substr(dot + 1);
  if (ext.find_first_of("/\\ ") != std::string_view::npos) return {};
  return AsciiLowered(ext);
}

ExtensionClass ClassifyExtension(std::string_view extension) {
  if (In(kExecutable, extension)) return ExtensionClass::kExecutable;
  if (In(kScript, extension)) return ExtensionClass::kScript;
  if (In(kDocument, extension)) return ExtensionClass::kDocument;
  if (In(kArchive, extension)) return ExtensionClass::kArchive;
  return ExtensionClass::kNone;
}

bool IsShortcutOrScriptExtension(std::string_view extension) {
  return In(kShortcutOrScript, extension);
}

}  // namespace ts::ingest::mail
