// JSON text written straight into a string as values come, for the hunt's
// outputs (hit lines, the summary): building a document tree first and
// dumping it took several times longer than writing, for a summary of
// thousands of indicators. The layout is nlohmann::json::dump's, compact or
// indented; invalid UTF-8 from logs becomes U+FFFD.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ts::hunt {

class JsonWriter {
 public:
  // Appends to `out`; `indent` < 0 writes one line, else one value per line
  // indented by that many blanks per level.
  JsonWriter(std::string& out, int indent) : out_(out), indent_(indent) {}

  JsonWriter& BeginObject() { return Open('{'); }
  JsonWriter& EndObject() { return Close('}'); }
  JsonWriter& BeginArray() { return Open('['); }
  JsonWriter& EndArray() { return Close(']'); }
  // In an object, before each value.
  JsonWriter& Key(std::string_view key);

  JsonWriter& String(std::string_view s);
  // null for "": logs and indicators leave many values unknown.
  JsonWriter& StringOrNull(std::string_view s) { return s.empty() ? Null() : String(s); }
  JsonWriter& Number(std::uint64_t n);
  JsonWriter& Number(double d);
  JsonWriter& Null();

 private:
  JsonWriter& Open(char bracket);
  JsonWriter& Close(char bracket);
  // The separator and line break before a value or key.
  void Separate();
  void NewLine();
  void Quoted(std::string_view s);

  std::string& out_;
  int indent_;
  std::vector<bool> empty_;  // per open object or array: nothing in it yet
  bool after_key_ = false;
};

}  // namespace ts::hunt
