#include "hunt/csv_line.hpp"

namespace ts::hunt {

bool SplitCsvLine(std::string_view line, std::vector<std::string_view>& fields,
                  std::deque<std::string>& storage) {
  fields.clear();
  std::size_t pos = 0;
  for (;;) {
    if (pos < line.size() && line[pos] == '"') {
      const std::size_t start = ++pos;
      bool escaped = false;
      for (;; ++pos) {
        if (pos >= line.size()) return false;
        if (line[pos] != '"') continue;
        if (pos + 1 < line.size() && line[pos + 1] == '"') {
          escaped = true;
          ++pos;
          continue;
        }
        break;
      }
      std::string_view field = line.substr(start, pos - start);
      if (escaped) {
        std::string& text = storage.emplace_back();
        for (std::size_t i = 0; i < field.size(); ++i) {
          text += field[i];
          if (field[i] == '"') ++i;
        }
        field = text;
      }
      fields.push_back(field);
      ++pos;  // the closing quote
      if (pos == line.size()) return true;
      if (line[pos] != ',') return false;
      ++pos;
    } else {
      const std::size_t end = std::min(line.find(',', pos), line.size());
      fields.push_back(line.substr(pos, end - pos));
      if (end == line.size()) return true;
      pos = end + 1;
    }
  }
}

}  // namespace ts::hunt
