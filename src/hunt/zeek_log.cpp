// Zeek logs in their native TSV: a "#separator" line, "#set_separator",
// "#fields" naming the columns, then one record per line. Columns are read
// by name (field_roles.hpp), so conn, dns, http, ssl, files and any other
// log with known column names work alike.
#include <string>
#include <vector>

#include "hunt/field_roles.hpp"
#include "hunt/log_format.hpp"
#include "ingest/ascii.hpp"

namespace ts::hunt {
namespace {

// "\x09" as Zeek writes the separator, or the character itself.
char SeparatorValue(std::string_view text) {
  if (text.size() == 4 && text.starts_with("\\x") && ingest::IsHex(text.substr(2)))
    return static_cast<char>(std::stoi(std::string(text.substr(2)), nullptr, 16));
  return text.empty() ? '\t' : text.front();
}

class ZeekParser : public LogParser {
 public:
  ZeekParser(char separator, char set_separator, std::vector<FieldRole> roles)
      : separator_(separator), set_separator_(set_separator), roles_(std::move(roles)) {}

  ParseOutcome Parse(std::string_view line, LogRecord& record) const override {
    if (line.empty() || line.front() == '#') return ParseOutcome::kSkip;
    RoleRecord columns;
    std::size_t column = 0;
    for (std::size_t start = 0; start <= line.size(); ++column) {
      const std::size_t end = std::min(line.find(separator_, start), line.size());
      if (column < roles_.size())
        columns.Set(roles_[column], line.substr(start, end - start), record, set_separator_);
      start = end + 1;
    }
    if (column != roles_.size()) {
      record.Clear();
      return ParseOutcome::kMalformed;
    }
    columns.Finish(record);
    return ParseOutcome::kRecord;
  }

 private:
  char separator_;
  char set_separator_;
  std::vector<FieldRole> roles_;
};

}  // namespace

Result<std::unique_ptr<LogParser>> MakeZeekParser(std::string_view head) {
  char separator = '\t';
  char set_separator = ',';
  for (std::size_t start = 0; start < head.size() && head[start] == '#';) {
    const std::size_t end = std::min(head.find('\n', start), head.size());
    std::string_view line = head.substr(start, end - start);
    if (line.ends_with('\r')) line.remove_suffix(1);
    start = end + 1;
    // "#separator" is itself separated by a blank, the others by the separator.
    if (line.starts_with("#separator ")) {
      separator = SeparatorValue(line.substr(11));
      continue;
    }
    const std::size_t tag_end = std::min(line.find(separator), line.size());
    const std::string_view tag = line.substr(0, tag_end);
    const std::string_view rest = line.substr(std::min(tag_end + 1, line.size()));
    if (tag == "#set_separator") {
      set_separator = SeparatorValue(rest);
    } else if (tag == "#fields") {
      std::vector<FieldRole> roles;
      bool any = false;
      for (std::size_t at = 0; at <= rest.size();) {
        const std::size_t stop = std::min(rest.find(separator, at), rest.size());
        roles.push_back(RoleOfColumn(rest.substr(at, stop - at)));
        any = any || (roles.back() != FieldRole::kNone && roles.back() != FieldRole::kTime &&
                      roles.back() != FieldRole::kUser);
        at = stop + 1;
      }
      if (!any) return Error::Invalid("the Zeek #fields header names no column to look up");
      return std::unique_ptr<LogParser>(
          std::make_unique<ZeekParser>(separator, set_separator, std::move(roles)));
    }
  }
  return Error::Invalid("a Zeek TSV log needs its #fields header before the first record");
}

}  // namespace ts::hunt
