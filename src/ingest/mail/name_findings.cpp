// Deceptive attachment names. Windows hides known extensions by default
// and renders bidirectional overrides, so the name a user reads is not the
// name the shell acts on.
#include <fmt/format.h>

#include "ingest/mail/file_names.hpp"
#include "ingest/mail/findings.hpp"

namespace ts::ingest::mail {
namespace {

// U+202E RIGHT-TO-LEFT OVERRIDE and U+2067 RIGHT-TO-LEFT ISOLATE turn
// "invoice<RLO>fdp.exe" into what reads as "invoiceexe.pdf".
bool HasRightToLeftControl(std::string_view name) {
  return name.find("\xE2\x80\xAE") != std::string_view::npos ||
         name.find("\xE2\x81\xA7") != std::string_view::npos;
}

// Length in bytes of the blank run ending at name[end] (exclusive), counting
// ASCII spaces, tabs, NBSP (C2 A0) and the ideographic space (E3 80 80).
std::size_t BlankRunBefore(std::string_view name, std::size_t end, std::size_t& blanks) {
  std::size_t i = end;
  blanks = 0;
  while (i > 0) {
    if (name[i - 1] == ' ' || name[i - 1] == '\t') {
      --i;
    } else if (i >= 2 && name.substr(i - 2, 2) == "\xC2\xA0") {
      i -= 2;
    } else if (i >= 3 && name.substr(i - 3, 3) == "\xE3\x80\x80") {
      i -= 3;
    } else {
      break;
    }
    ++blanks;
  }
  return end - i;
}

// Blanks a name must hide before its extension to count as padding: two
// could be a typing slip, three or more push the extension out of view.
constexpr std::size_t kPaddingBlanks = 3;

bool Runs(ExtensionClass c) {
  return c == ExtensionClass::kExecutable || c == ExtensionClass::kScript;
}

std::string Where(const NamedFile& f) {
  return f.archive_member ? fmt::format("archive member '{}'", f.path)
                          : fmt::format("attachment '{}'", f.name);
}
std::string WhereJa(const NamedFile& f) {
  return f.archive_member ? fmt::format("アーカイブ内のファイル「{}」", f.path)
                          : fmt::format("添付ファイル「{}」", f.name);
}

void Judge(const NamedFile& f, Findings& out) {
  std::string_view name = f.name;
  if (const std::size_t slash = name.find_last_of("/\\"); slash != std::string_view::npos)
    name.remove_prefix(slash + 1);
  if (HasRightToLeftControl(name))
    out.push_back({"rlo_filename",
                   fmt::format("The {} contains a right-to-left override character, which makes "
                               "the extension read backwards.",
                               Where(f)),
                   fmt::format("{}の名前に右から左への書字方向制御文字が含まれ、拡張子が逆向きに"
                               "表示されます。",
                               WhereJa(f))});
  const std::string outer = LastExtension(name);
  const ExtensionClass outer_class = ClassifyExtension(outer);
  const std::size_t dot = name.rfind('.');
  if (dot != std::string_view::npos && dot > 0) {
    std::size_t blanks = 0;
    const std::size_t run = BlankRunBefore(name, dot, blanks);
    if (blanks >= kPaddingBlanks)
      out.push_back({"padded_extension",
                     fmt::format("The {} has {} blanks before its extension '.{}', pushing it "
                                 "out of view.",
                                 Where(f), blanks, outer),
                     fmt::format("{}の拡張子「.{}」の前に{}個の空白があり、拡張子が見えにくく"
                                 "されています。",
                                 WhereJa(f), outer, blanks)});
    const std::string inner = LastExtension(name.substr(0, dot - run));
    const ExtensionClass inner_class = ClassifyExtension(inner);
    if (Runs(outer_class) &&
        (inner_class == ExtensionClass::kDocument || inner_class == ExtensionClass::kArchive))
      out.push_back({"double_extension",
                     fmt::format("The {} looks like a '.{}' file but its real extension is "
                                 "'.{}'.",
                                 Where(f), inner, outer),
                     fmt::format("{}は「.{}」ファイルに見えますが、実際の拡張子は「.{}」です。",
                                 WhereJa(f), inner, outer)});
  }
  if (f.archive_member) return;
  if (outer_class == ExtensionClass::kExecutable)
    out.push_back(
        {"executable_attachment",
         fmt::format("The {} is a program ('.{}') that runs when opened.", Where(f), outer),
         fmt::format("{}は開くと実行されるプログラム（.{}）です。", WhereJa(f), outer)});
  if (IsShortcutOrScriptExtension(outer))
    out.push_back({"shortcut_or_script_attachment",
                   fmt::format("The {} is a shortcut or script ('.{}') that runs commands when "
                               "opened.",
                               Where(f), outer),
                   fmt::format("{}は開くとコマンドを実行するショートカットまたはスクリプト"
                               "（.{}）です。",
                               WhereJa(f), outer)});
}

}  // namespace

Findings NameFindings(const std::vector<NamedFile>& files) {
  Findings out;
  for (const NamedFile& f : files) Judge(f, out);
  return out;
}

}  // namespace ts::ingest::mail
