#include "ingest/mail/finding.hpp"
#include "ingest/mail/lure_table.hpp"

namespace ts::ingest::mail {

std::vector<std::string> AllFindingCodes() {
  std::vector<std::string> codes = {"from_replyto_mismatch",
                                    "return_path_mismatch",
                                    "spf_fail",
                                    "dkim_fail",
                                    "rlo_filename",
                                    "double_extension",
                                    "padded_extension",
                                    "executable_attachment",
                                    "disguised_executable",
                                    "archive_with_executable",
                                    "encrypted_archive",
                                    "office_macro",
                                    "shortcut_or_script_attachment",
                                    "anchor_mismatch",
                                    "storage_link"};
  for (const LureFamily& family : LureFamilies())
    codes.push_back("lure:" + std::string(family.kind));
  return codes;
}

}  // namespace ts::ingest::mail
