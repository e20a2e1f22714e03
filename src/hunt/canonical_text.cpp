#include "hunt/canonical_text.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "ingest/ascii.hpp"

namespace ts::hunt {
namespace {

using ingest::IsAsciiDigit;
using model::IndicatorType;

constexpr std::size_t kMaxLabel = 63;
constexpr std::size_t kMaxName = 253;
constexpr std::size_t kMaxUrl = 8192;

bool IsUpperHex(char c) {
  return IsAsciiDigit(c) || (c >= 'A' && c <= 'F');
}
int HexValue(char c) {
  return IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
}
bool IsUnreserved(char c) {
  return ingest::IsAsciiAlnum(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

// A decimal number without leading zeros, at most `max`.
bool IsCanonicalNumber(std::string_view s, unsigned max) {
  if (s.empty() || s.size() > 5 || (s.size() > 1 && s.front() == '0')) return false;
  unsigned value = 0;
  for (char c : s) {
    if (!IsAsciiDigit(c)) return false;
    value = value * 10 + static_cast<unsigned>(c - '0');
  }
  return value <= max;
}

// Both checks walk their text once: a find per label or octet cost a
// memchr call each, for a million listed values.
bool IsCanonicalDottedQuad(std::string_view s) {
  int dots = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i < s.size() && s[i] != '.') continue;
    if (!IsCanonicalNumber(s.substr(start, i - start), 255)) return false;
    if (i == s.size()) break;
    ++dots;
    start = i + 1;
  }
  return dots == 3;
}

// ingest/hostname.hpp's rules for a name already lower-case ASCII without
// a trailing dot: LDH labels (and "_" for host names) of 1..63 bytes, no
// hyphen at either end, at most 253 bytes, a last label not all digits.
bool IsCanonicalName(std::string_view name, bool host_rules) {
  if (name.empty() || name.size() > kMaxName) return false;
  std::size_t labels = 1;
  std::size_t start = 0;   // of the current label
  bool all_digits = true;  // so far in the current label
  for (std::size_t i = 0;; ++i) {
    if (i == name.size() || name[i] == '.') {
      const std::size_t length = i - start;
      if (length == 0 || length > kMaxLabel || name[start] == '-' || name[i - 1] == '-')
        return false;
      if (i == name.size()) return (host_rules || labels >= 2) && !all_digits;
      ++labels;
      start = i + 1;
      all_digits = true;
      continue;
    }
    const char c = name[i];
    if (IsAsciiDigit(c)) continue;
    all_digits = false;
    if (!((c >= 'a' && c <= 'z') || c == '-' || (host_rules && c == '_'))) return false;
  }
}

// The length of the run of host bytes (a-z, 0-9, ".", "-", "_") that
// starts `s`; `letters` tells whether it holds any but digits and dots.
std::size_t HostRun(std::string_view s, bool& letters) {
  letters = false;
  std::size_t i = 0;
#ifdef __SSE2__
  // 16 bytes at a time: every logged URL's host passes here. Signed
  // compares leave bytes >= 0x80 outside every range, as below.
  const auto in_range = [](__m128i v, char lo, char hi) {
    return _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(static_cast<char>(lo - 1))),
                         _mm_cmplt_epi8(v, _mm_set1_epi8(static_cast<char>(hi + 1))));
  };
  for (; i + 16 <= s.size(); i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    const __m128i letter = _mm_or_si128(
        in_range(v, 'a', 'z'),
        _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('-')), _mm_cmpeq_epi8(v, _mm_set1_epi8('_'))));
    const __m128i other =
        _mm_or_si128(in_range(v, '0', '9'), _mm_cmpeq_epi8(v, _mm_set1_epi8('.')));
    const auto host = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(letter, other)));
    const auto run = host == 0xFFFFU ? 16U : static_cast<unsigned>(std::countr_one(host));
    const unsigned run_mask = run == 16 ? 0xFFFFU : (1U << run) - 1;
    letters = letters || (static_cast<unsigned>(_mm_movemask_epi8(letter)) & run_mask) != 0;
    if (run < 16) return i + run;
  }
#endif
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if ((c >= 'a' && c <= 'z') || c == '-' || c == '_') {
      letters = true;
    } else if (!IsAsciiDigit(c) && c != '.') {
      break;
    }
  }
  return i;
}

// Hosts of canonical URLs: lower-case names and dotted quads, given that
// all of `host` is host bytes with or without `letters`. Other text (upper
// case, IPv6, a trailing dot, non-ASCII) is left to the normaliser.
bool IsCanonicalHostRun(std::string_view host, bool letters, bool validate) {
  if (host.empty()) return false;
  if (!letters) return IsCanonicalDottedQuad(host);
  if (host.back() == '.') return false;
  return !validate || IsCanonicalName(host, /*host_rules=*/true);
}

bool IsCanonicalUrlHost(std::string_view host, bool validate) {
  bool letters = false;
  return HostRun(host, letters) == host.size() && IsCanonicalHostRun(host, letters, validate);
}

// Path and query characters the normaliser leaves alone: printable ASCII
// except those it escapes, "#" (fragment), "\" (read as "/"), and the
// brackets refanging looks into; escapes must already be upper-case and
// needed (not of an unreserved character); no "." or ".." segments.
enum CharClass : std::uint8_t { kPlain, kReject, kPercent, kQuery, kSlash };

constexpr std::array<CharClass, 256> kPathChars = [] {
  std::array<CharClass, 256> table{};
  for (int c = 0; c < 256; ++c) table[c] = c <= 0x20 || c >= 0x7F ? kReject : kPlain;
  for (unsigned char c : std::string_view("\"<>`#\\[({")) table[c] = kReject;
  table['%'] = kPercent;
  table['?'] = kQuery;
  table['/'] = kSlash;
  return table;
}();

// True when none of the 16 bytes at `p` is anything but kPlain: most of a
// logged path is, and 16 bytes tested at once cost less than one lookup
// each.
bool AllPlain16(const char* p) {
#ifdef __SSE2__
  const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  // Signed compare: bytes >= 0x80 are negative, so this also rejects them.
  __m128i bad = _mm_or_si128(_mm_cmplt_epi8(chunk, _mm_set1_epi8(0x21)),
                             _mm_cmpeq_epi8(chunk, _mm_set1_epi8(0x7F)));
  for (char c : std::string_view("\"<>`#\\[({%?/"))
    bad = _mm_or_si128(bad, _mm_cmpeq_epi8(chunk, _mm_set1_epi8(c)));
  return _mm_movemask_epi8(bad) == 0;
#else
  (void)p;
  return false;
#endif
}

bool IsCanonicalPathAndQuery(std::string_view s) {
  bool in_path = true;
  for (std::size_t i = 0; i < s.size(); ++i) {
    // Runs of plain bytes change no state: skip them 16 at a time.
    while (i + 16 <= s.size() && AllPlain16(s.data() + i)) i += 16;
    if (i == s.size()) break;
    switch (kPathChars[static_cast<unsigned char>(s[i])]) {
      case kPlain:
        break;
      case kReject:
        return false;
      case kPercent:
        if (i + 2 >= s.size() || !IsUpperHex(s[i + 1]) || !IsUpperHex(s[i + 2]) ||
            IsUnreserved(static_cast<char>(HexValue(s[i + 1]) * 16 + HexValue(s[i + 2]))))
          return false;
        break;
      case kQuery:
        in_path = false;
        break;
      case kSlash:
        if (in_path && i + 1 < s.size() && s[i + 1] == '.') {
          std::size_t end = i + 2;
          if (end < s.size() && s[end] == '.') ++end;
          if (end == s.size() || s[end] == '/' || s[end] == '?') return false;
        }
        break;
    }
  }
  return true;
}

// `validate`: also require a host the normaliser accepts, so that the
// answer is "unchanged" rather than "unchanged or rejected".
bool IsCanonicalHttpUrl(std::string_view url, bool validate, std::string_view* host) {
  std::string_view default_port;
  if (url.starts_with("http://")) {
    url.remove_prefix(7);
    default_port = "80";
  } else if (url.starts_with("https://")) {
    url.remove_prefix(8);
    default_port = "443";
  } else {
    return false;
  }
  const std::size_t path = url.find('/');
  if (path == std::string_view::npos) return false;  // "/" would be added
  std::string_view authority = url.substr(0, path);
  if (const std::size_t colon = authority.find(':'); colon != std::string_view::npos) {
    const std::string_view port = authority.substr(colon + 1);
    if (port == default_port || !IsCanonicalNumber(port, 65535)) return false;
    authority = authority.substr(0, colon);
  }
  if (!IsCanonicalUrlHost(authority, validate) || !IsCanonicalPathAndQuery(url.substr(path)))
    return false;
  if (host) *host = authority;
  return true;
}

// DetectType calls a name a domain only with a TLD of letters or an IDN.
bool HasAlphabeticTld(std::string_view name) {
  const std::string_view tld = name.substr(name.rfind('.') + 1);
  return tld.starts_with("xn--") ||
         (!tld.empty() && std::all_of(tld.begin(), tld.end(), ingest::IsAsciiAlpha));
}

}  // namespace

bool IsCanonicalUrl(std::string_view url, std::string_view* host) {
  return IsCanonicalHttpUrl(url, false, host);
}

std::string_view PlainUrlHost(std::string_view url) {
  if (url.starts_with("http://")) {
    url.remove_prefix(7);
  } else if (url.starts_with("https://")) {
    url.remove_prefix(8);
  } else {
    return {};
  }
  // The host bytes must run up to the end of the authority: a port, a
  // user or anything the normaliser would change stops them earlier.
  bool letters = false;
  const std::size_t end = HostRun(url, letters);
  if (end < url.size() && url[end] != '/' && url[end] != '?' && url[end] != '#') return {};
  const std::string_view host = url.substr(0, end);
  return IsCanonicalHostRun(host, letters, false) ? host : std::string_view();
}

std::optional<IndicatorType> CanonicalTypeOf(std::string_view value) {
  if (value.empty()) return std::nullopt;
  if (value.starts_with("http")) {
    if (value.size() <= kMaxUrl && IsCanonicalHttpUrl(value, true, nullptr))
      return IndicatorType::kUrl;
    return std::nullopt;
  }
  bool letters = false;
  for (char c : value) {
    if ((c >= 'a' && c <= 'z') || c == '-') {
      letters = true;
    } else if (!IsAsciiDigit(c) && c != '.') {
      return std::nullopt;
    }
  }
  if (!letters) {
    if (IsCanonicalDottedQuad(value)) return IndicatorType::kIpv4;
    return std::nullopt;
  }
  if (IsCanonicalName(value, false) && HasAlphabeticTld(value)) return IndicatorType::kDomain;
  return std::nullopt;
}

}  // namespace ts::hunt
