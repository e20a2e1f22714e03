#include "exchange/csv/csv_reader.hpp"

namespace ts::exchange::csv {

Records ReadRecords(std::string_view text) {
  Records out;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  int64_t line = 1;
  std::size_t i = 0;
  while (i < text.size()) {
    Record record;
    record.line = line;
    std::string field;
    bool end_of_record = false;
    while (!end_of_record) {
      if (i < text.size() && text[i] == '"') {
        const int64_t opened = line;
        ++i;
        for (;;) {
          if (i >= text.size()) {
            out.error =
                "a quoted field opened on line " + std::to_string(opened) + " is never closed";
            out.error_line = opened;
            return out;
          }
          if (text[i] == '"') {
            if (i + 1 < text.size() && text[i + 1] == '"') {
              field += '"';
              i += 2;
              continue;
            }
            ++i;
            break;
          }
          if (text[i] == '\n') ++line;
          field += text[i++];
        }
        if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
          out.error = "text after a closing quote";
          out.error_line = line;
          return out;
        }
      } else {
        while (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r')
          field += text[i++];
      }
      record.fields.push_back(std::move(field));
      field.clear();
      if (i < text.size() && text[i] == ',') {
        ++i;
        continue;
      }
      if (i < text.size() && text[i] == '\r') ++i;
      if (i < text.size() && text[i] == '\n') ++i;
      ++line;
      end_of_record = true;
    }
    const bool blank = record.fields.size() == 1 && record.fields[0].empty();
    if (!blank) out.records.push_back(std::move(record));
  }
  return out;
}

std::string Quote(std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos &&
      !(field.starts_with(' ') || field.ends_with(' ')))
    return std::string(field);
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

}  // namespace ts::exchange::csv
