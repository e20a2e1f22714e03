#include "hunt/json_writer.hpp"

#include <fmt/format.h>

#include "ingest/utf8.hpp"

namespace ts::hunt {
namespace {

// The valid UTF-8 `s` with JSON's escapes.
void AppendEscaped(std::string& out, std::string_view s) {
  for (char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
        } else {
          out += c;
        }
    }
  }
}

// Text that needs no escape and no UTF-8 check: nearly every value.
bool IsPlainAscii(std::string_view s) {
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u >= 0x80 || c == '"' || c == '\\') return false;
  }
  return true;
}

}  // namespace

JsonWriter& JsonWriter::Key(std::string_view key) {
  Separate();
  Quoted(key);
  out_ += indent_ < 0 ? ":" : ": ";
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::String(std::string_view s) {
  Separate();
  Quoted(s);
  return *this;
}

JsonWriter& JsonWriter::Number(std::uint64_t n) {
  Separate();
  fmt::format_to(std::back_inserter(out_), "{}", n);
  return *this;
}

JsonWriter& JsonWriter::Number(double d) {
  Separate();
  fmt::format_to(std::back_inserter(out_), "{}", d);  // shortest form that reads back the same
  return *this;
}

JsonWriter& JsonWriter::Null() {
  Separate();
  out_ += "null";
  return *this;
}

JsonWriter& JsonWriter::Open(char bracket) {
  Separate();
  out_ += bracket;
  empty_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::Close(char bracket) {
  const bool empty = empty_.back();
  empty_.pop_back();
  if (!empty) NewLine();
  out_ += bracket;
  return *this;
}

void JsonWriter::Separate() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (empty_.empty()) return;
  if (!empty_.back()) out_ += ',';
  empty_.back() = false;
  NewLine();
}

void JsonWriter::NewLine() {
  if (indent_ < 0) return;
  out_ += '\n';
  out_.append(empty_.size() * static_cast<std::size_t>(indent_), ' ');
}

void JsonWriter::Quoted(std::string_view s) {
  out_ += '"';
  if (IsPlainAscii(s)) {
    out_ += s;
  } else {
    while (!s.empty()) {
      const auto bad = ingest::FirstInvalidUtf8(s);
      AppendEscaped(out_, s.substr(0, bad.value_or(s.size())));
      if (!bad) break;
      out_ += "\xEF\xBF\xBD";  // U+FFFD for each byte that starts no valid sequence
      s.remove_prefix(*bad + 1);
    }
  }
  out_ += '"';
}

}  // namespace ts::hunt
