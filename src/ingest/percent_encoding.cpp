#include "ingest/percent_encoding.hpp"

#include "ingest/ascii.hpp"

namespace ts::ingest {
namespace {

constexpr char kHex[] = "0123456789ABCDEF";

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool IsUnreserved(unsigned char c) {
  return IsAsciiAlnum(static_cast<char>(c)) || c == '-' || c == '.' || c == '_' || c == '~';
}

bool MustEscape(unsigned char c) {
  return c <= 0x20 || c >= 0x7F || c == '"' || c == '<' || c == '>' || c == '`';
}

// A raw "%" at the end of `out` or one before it is a malformed escape kept
// as it was; a hex digit decoded after it would form a new escape that the
// next normalisation would treat differently.
bool EndsInLoosePercent(const std::string& out) {
  const std::size_t n = out.size();
  return (n >= 1 && out[n - 1] == '%') || (n >= 2 && out[n - 2] == '%');
}

void AppendEscape(std::string& out, unsigned char c) {
  out += '%';
  out += kHex[c >> 4];
  out += kHex[c & 0xF];
}

}  // namespace

std::string NormalizePercentEncoding(std::string_view component) {
  std::string out;
  out.reserve(component.size());
  for (std::size_t i = 0; i < component.size(); ++i) {
    const auto c = static_cast<unsigned char>(component[i]);
    if (c == '%' && i + 2 < component.size() && HexValue(component[i + 1]) >= 0 &&
        HexValue(component[i + 2]) >= 0) {
      const auto decoded =
          static_cast<unsigned char>(HexValue(component[i + 1]) * 16 + HexValue(component[i + 2]));
      if (IsUnreserved(decoded) &&
          !(IsHexDigit(static_cast<char>(decoded)) && EndsInLoosePercent(out))) {
        out += static_cast<char>(decoded);
      } else {
        AppendEscape(out, decoded);
      }
      i += 2;
    } else if (MustEscape(c)) {
      AppendEscape(out, c);
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace ts::ingest
