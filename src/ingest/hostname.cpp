#include "ingest/hostname.hpp"

#include <idn2.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <string>

#include "ingest/ascii.hpp"

namespace ts::ingest {
namespace {

constexpr std::size_t kMaxLabel = 63;
constexpr std::size_t kMaxName = 253;

std::string DotsForIdeographicStops(std::string_view s) {
  static constexpr std::string_view kStops[] = {"\u3002", "\uFF61"};
  std::string out(s);
  for (std::string_view stop : kStops) {
    for (std::size_t at = out.find(stop); at != std::string::npos; at = out.find(stop, at))
      out.replace(at, stop.size(), ".");
  }
  return out;
}

Result<std::string> ToPunycode(const std::string& name) {
  char* raw = nullptr;
  int rc = idn2_to_ascii_8z(name.c_str(), &raw, IDN2_NFC_INPUT | IDN2_NONTRANSITIONAL);
  if (rc != IDN2_OK) rc = idn2_to_ascii_8z(name.c_str(), &raw, IDN2_NFC_INPUT | IDN2_TRANSITIONAL);
  const std::unique_ptr<char, decltype(&std::free)> owned(raw, &std::free);
  if (rc != IDN2_OK)
    return Error::Invalid(std::string("cannot be converted to punycode: ") + idn2_strerror(rc));
  return std::string(raw);
}

bool IsLdh(char c, bool allow_underscore) {
  return (c >= 'a' && c <= 'z') || IsAsciiDigit(c) || c == '-' || (allow_underscore && c == '_');
}

Status CheckLabel(std::string_view label, const HostNameRules& rules) {
  if (label.empty()) return Error::Invalid("it has an empty label");
  const std::string quoted = "label '" + std::string(label) + "'";
  if (label.size() > kMaxLabel) return Error::Invalid(quoted + " is longer than 63 bytes");
  if (!std::all_of(label.begin(), label.end(),
                   [&](char c) { return IsLdh(c, rules.allow_underscore); }))
    return Error::Invalid(quoted + (rules.allow_underscore
                                        ? " may only hold letters, digits, hyphens and underscores"
                                        : " may only hold letters, digits and hyphens"));
  if (label.front() == '-' || label.back() == '-')
    return Error::Invalid(quoted + " starts or ends with a hyphen");
  return {};
}

}  // namespace

Result<std::string> NormalizeHostName(std::string_view name, const HostNameRules& rules) {
  std::string host = DotsForIdeographicStops(name);
  if (!host.empty() && host.back() == '.') host.pop_back();
  if (host.empty()) return Error::Invalid("it is empty");
  if (IsAscii(host)) {
    host = AsciiLowered(host);
  } else {
    auto ascii = ToPunycode(host);
    if (!ascii) return ascii;
    host = std::move(ascii).value();
  }
  if (host.size() > kMaxName) return Error::Invalid("it is longer than 253 bytes");

  std::size_t labels = 0;
  std::string_view last;
  for (std::size_t start = 0;; start += last.size() + 1) {
    last = std::string_view(host).substr(start, host.find('.', start) - start);
    TS_TRY(CheckLabel(last, rules));
    ++labels;
    if (start + last.size() == host.size()) break;
  }
  if (labels == 1 && !rules.allow_single_label)
    return Error::Invalid("it needs a parent domain, as in 'example.com' rather than 'example'");
  if (IsAllDigits(last)) return Error::Invalid("the last label is all digits, as in an IP address");
  return host;
}

}  // namespace ts::ingest
