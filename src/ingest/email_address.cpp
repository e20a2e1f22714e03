#include "ingest/email_address.hpp"

#include <algorithm>
#include <vector>

#include "ingest/ascii.hpp"
#include "ingest/hostname.hpp"
#include "ingest/invalid_value.hpp"

namespace ts::ingest {
namespace {

constexpr std::string_view kWhat = "a valid email address";
constexpr std::size_t kMaxLocalPart = 64;

// RFC 5322 atext, plus "." and any byte of a UTF-8 sequence.
bool IsDotAtomByte(char c) {
  static constexpr std::string_view kSpecials = "!#$%&'*+-/=?^_`{|}~.";
  return static_cast<unsigned char>(c) >= 0x80 || IsAsciiAlnum(c) ||
         kSpecials.find(c) != std::string_view::npos;
}

bool IsQuoted(std::string_view local) {
  return local.size() >= 2 && local.front() == '"' && local.back() == '"';
}

// Positions of "@" that are not inside a quoted string.
std::vector<std::size_t> UnquotedAts(std::string_view s) {
  std::vector<std::size_t> ats;
  bool quoted = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (quoted && s[i] == '\\') {
      ++i;  // quoted-pair: the next character is literal
    } else if (s[i] == '"') {
      quoted = !quoted;
    } else if (s[i] == '@' && !quoted) {
      ats.push_back(i);
    }
  }
  return ats;
}

}  // namespace

Result<std::string> NormalizeEmailAddress(std::string_view value) {
  const std::vector<std::size_t> ats = UnquotedAts(value);
  if (ats.size() != 1) return InvalidValue(kWhat, value, "it needs exactly one '@'");
  const std::string_view local = value.substr(0, ats.front());
  const std::string_view domain = value.substr(ats.front() + 1);
  if (local.empty()) return InvalidValue(kWhat, value, "the part before '@' is empty");
  if (local.size() > kMaxLocalPart)
    return InvalidValue(kWhat, value, "the part before '@' is longer than 64 bytes");
  if (!IsQuoted(local) && !std::all_of(local.begin(), local.end(), IsDotAtomByte))
    return InvalidValue(kWhat, value,
                        "the part before '@' has a character that needs quoting, such as a space");
  auto host = NormalizeHostName(domain, kDomainNameRules);
  if (!host) return InvalidValue(kWhat, value, "domain: " + host.error().message);
  return std::string(local) + "@" + *host;
}

}  // namespace ts::ingest
