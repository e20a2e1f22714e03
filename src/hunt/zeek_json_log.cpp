// Zeek logs written as JSON lines (LogAscii::use_json): one flat object per
// line, columns named as in TSV, "ts" as epoch seconds or ISO 8601, sets and
// vectors (DNS answers) as arrays.
#include <nlohmann/json.hpp>

#include "hunt/field_roles.hpp"
#include "hunt/log_format.hpp"

namespace ts::hunt {
namespace {

class ZeekJsonParser : public LogParser {
 public:
  ParseOutcome Parse(std::string_view line, LogRecord& record) const override {
    if (line.find_first_not_of(" \t") == std::string_view::npos) return ParseOutcome::kSkip;
    const auto object = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (!object.is_object()) return ParseOutcome::kMalformed;
    RoleRecord columns;
    for (const auto& [key, value] : object.items()) {
      const FieldRole role = RoleOfColumn(key);
      if (role == FieldRole::kNone) continue;
      if (value.is_string()) {
        columns.Set(role, record.Own(value.get<std::string>()), record);
      } else if (value.is_number()) {
        // Epoch seconds; a port or a count under another name is ignored.
        if (role == FieldRole::kTime)
          columns.Set(role,
                      record.Own(value.is_number_float() ? std::to_string(value.get<double>())
                                                         : value.dump()),
                      record);
      } else if (value.is_array()) {
        for (const auto& item : value) {
          if (!item.is_string()) continue;
          const std::string_view text = record.Own(item.get<std::string>());
          if (role == FieldRole::kHostList) {
            record.Add(FieldKind::kHost, text);
          } else {
            columns.Set(role, text, record);
          }
        }
      }
    }
    columns.Finish(record);
    return ParseOutcome::kRecord;
  }
};

}  // namespace

std::unique_ptr<LogParser> MakeZeekJsonParser() {
  return std::make_unique<ZeekJsonParser>();
}

}  // namespace ts::hunt
