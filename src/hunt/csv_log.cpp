// CSV logs with a header row naming the columns (field_roles.hpp lists the
// names understood: time/ts, client/src_ip, host/domain, url, dst_ip, ...).
// Exports from SIEMs and firewalls come in this shape.
#include <algorithm>
#include <vector>

#include "hunt/csv_line.hpp"
#include "hunt/field_roles.hpp"
#include "hunt/log_format.hpp"

namespace ts::hunt {
namespace {

class CsvLogParser : public LogParser {
 public:
  CsvLogParser(std::string header, std::vector<FieldRole> roles)
      : header_(std::move(header)), roles_(std::move(roles)) {}

  ParseOutcome Parse(std::string_view line, LogRecord& record) const override {
    if (line.empty() || line == header_) return ParseOutcome::kSkip;
    thread_local std::vector<std::string_view> fields;
    if (!SplitCsvLine(line, fields, record.owned) || fields.size() != roles_.size())
      return ParseOutcome::kMalformed;
    RoleRecord columns;
    for (std::size_t i = 0; i < fields.size(); ++i) columns.Set(roles_[i], fields[i], record);
    columns.Finish(record);
    return ParseOutcome::kRecord;
  }

 private:
  std::string header_;
  std::vector<FieldRole> roles_;
};

}  // namespace

Result<std::unique_ptr<LogParser>> MakeCsvLogParser(std::string_view head) {
  std::string_view header = head.substr(0, head.find('\n'));
  if (header.ends_with('\r')) header.remove_suffix(1);
  std::vector<std::string_view> names;
  std::deque<std::string> storage;
  if (!SplitCsvLine(header, names, storage))
    return Error::Invalid("line 1: the CSV header is not valid CSV");
  std::vector<FieldRole> roles;
  for (std::string_view name : names) roles.push_back(RoleOfColumn(name));
  const bool lookable = std::any_of(roles.begin(), roles.end(), [](FieldRole r) {
    return r != FieldRole::kNone && r != FieldRole::kTime && r != FieldRole::kUser;
  });
  if (!lookable) {
    return Error::Invalid(
        "line 1: the CSV header names no column to look up (expected names such as client, "
        "src_ip, dst_ip, host, domain, url, user_agent, md5, sha256, ja3)");
  }
  return std::unique_ptr<LogParser>(
      std::make_unique<CsvLogParser>(std::string(header), std::move(roles)));
}

}  // namespace ts::hunt
