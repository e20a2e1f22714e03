#include "ingest/invalid_value.hpp"

#include <string>

namespace ts::ingest {
namespace {

constexpr std::size_t kMaxQuoted = 80;

// `value` cut to kMaxQuoted bytes at a character boundary, so a huge paste
// does not become a huge error message.
std::string Shortened(std::string_view value) {
  if (value.size() <= kMaxQuoted) return std::string(value);
  std::size_t end = kMaxQuoted;
  while (end > 0 && (static_cast<unsigned char>(value[end]) & 0xC0) == 0x80) --end;
  return std::string(value.substr(0, end)) + "\u2026";
}

}  // namespace

Error InvalidValue(std::string_view what, std::string_view value, std::string_view reason) {
  std::string message = "not ";
  message.append(what).append(": '").append(Shortened(value)).append("'");
  if (!reason.empty()) message.append(" (").append(reason).append(")");
  return Error::Invalid(std::move(message), "value");
}

}  // namespace ts::ingest
