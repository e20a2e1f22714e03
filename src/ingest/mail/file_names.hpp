// What an attachment's name claims: its extension and the classes of
// extension the findings reason about. The lists are about how Windows
// (the usual target) treats a file when a user double-clicks it.
#pragma once

#include <string>
#include <string_view>

namespace ts::ingest::mail {

enum class ExtensionClass {
  kNone,        // no extension, or one not listed below
  kExecutable,  // native programs and installers: exe scr com pif cpl dll msi ...
  kScript,      // scripts and shortcuts run by a host: lnk js vbs hta wsf ps1 bat ...
  kDocument,    // documents, images, media and text a user expects to read
  kArchive,     // containers: zip lzh rar 7z cab iso img ...
};

// The last extension of `name` (after the last '.'), lower-cased, without
// trailing blanks or dots (Windows drops them); "" when there is none.
std::string LastExtension(std::string_view name);

ExtensionClass ClassifyExtension(std::string_view extension);

// True for the extensions shortcut_or_script_attachment names (scripts,
// shortcuts and screen savers, which users do not recognise as programs).
bool IsShortcutOrScriptExtension(std::string_view extension);

}  // namespace ts::ingest::mail
