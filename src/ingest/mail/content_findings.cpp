// What the attachments' bytes are, whatever their names say, as judged by
// the content library (ingest/content): executables under harmless names,
// programs inside archives, archives a scanner cannot open, macros.
#include <fmt/format.h>

#include "ingest/mail/file_names.hpp"
#include "ingest/mail/findings.hpp"

namespace ts::ingest::mail {
namespace {

using content::FileKind;

// OLE2 files (doc, xls, ppt) keep VBA in a storage whose directory entry
// is the UTF-16LE name "_VBA_PROJECT"; no macro-free document has one.
bool OleHasVba(std::string_view bytes) {
  static constexpr char kName[] = "_\0V\0B\0A\0_\0P\0R\0O\0J\0E\0C\0T\0";
  return bytes.find(std::string_view(kName, sizeof kName - 1)) != std::string_view::npos;
}

bool HasMacro(FileKind kind, std::string_view bytes) {
  return kind == FileKind::kOfficeOoxmlMacro || (kind == FileKind::kOfficeOle && OleHasVba(bytes));
}

bool RunsByName(std::string_view name) {
  const ExtensionClass c = ClassifyExtension(LastExtension(name));
  return c == ExtensionClass::kExecutable || c == ExtensionClass::kScript;
}

void Disguised(const std::string& where, const std::string& where_ja,
               const content::FileFacts& facts, Findings& out) {
  if (!facts.disguised_executable) return;
  const std::string kind(content::FileKindName(facts.type.kind));
  out.push_back({"disguised_executable",
                 fmt::format("The {} is named like a harmless file but its content is an "
                             "executable ({}).",
                             where, kind),
                 fmt::format("{}は無害なファイルの名前ですが、中身は実行ファイル（{}）です。",
                             where_ja, kind)});
}

void Judge(const Attachment& a, const content::ContentReport& r, Findings& out) {
  const std::string where = fmt::format("attachment '{}'", a.name);
  const std::string where_ja = fmt::format("添付ファイル「{}」", a.name);
  Disguised(where, where_ja, r.file, out);
  if (HasMacro(r.file.type.kind, a.data))
    out.push_back({"office_macro",
                   fmt::format("The {} is an Office document carrying VBA macros.", where),
                   fmt::format("{}はVBAマクロを含むOffice文書です。", where_ja)});
  bool executable = false;
  bool encrypted = false;
  bool macro = false;
  for (const content::MemberReport& m : r.members) {
    const std::string member = fmt::format("archive member '{}'", m.path);
    const std::string member_ja = fmt::format("アーカイブ内のファイル「{}」", m.path);
    Disguised(member, member_ja, m.facts, out);
    if (!executable && (content::IsExecutable(m.facts.type.kind) || RunsByName(m.facts.name))) {
      executable = true;
      out.push_back({"archive_with_executable",
                     fmt::format("The {} holds '{}', a program or script that runs when "
                                 "opened.",
                                 where, m.path),
                     fmt::format("{}に、開くと実行されるプログラムまたはスクリプト「{}」が"
                                 "含まれています。",
                                 where_ja, m.path)});
    }
    if (!encrypted && m.encrypted) {
      encrypted = true;
      out.push_back({"encrypted_archive",
                     fmt::format("The {} is password-protected ('{}' is encrypted{}), which "
                                 "hides its content from mail scanners.",
                                 where, m.path, m.locked ? " and could not be opened" : ""),
                     fmt::format("{}はパスワードで保護されており（「{}」が暗号化{}）、"
                                 "メールの検査をすり抜けます。",
                                 where_ja, m.path, m.locked ? "され開けません" : "されています")});
    }
    if (!macro && HasMacro(m.facts.type.kind, m.bytes)) {
      macro = true;
      out.push_back(
          {"office_macro",
           fmt::format("The {} holds '{}', an Office document carrying VBA macros.", where, m.path),
           fmt::format("{}に、VBAマクロを含むOffice文書「{}」が含まれています。", where_ja,
                       m.path)});
    }
  }
}

}  // namespace

Findings ContentFindings(const std::vector<Attachment>& attachments,
                         const std::vector<content::ContentReport>& reports) {
  Findings out;
  for (std::size_t i = 0; i < attachments.size() && i < reports.size(); ++i)
    Judge(attachments[i], reports[i], out);
  return out;
}

}  // namespace ts::ingest::mail
