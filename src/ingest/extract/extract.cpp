// ExtractIndicators: the prose is split into words made of the characters
// indicators are written with (ASCII after folding full-width forms, plus
// defanging marks such as [.]); each word is refanged with ingest::Refang
// and read left to right by matchers for URLs, CVE and ATT&CK ids, hashes,
// IPv6, IPv4, e-mail addresses and dotted names, which context words then
// confirm or reject. Canonical values come from ingest::Normalize.
#include "ingest/extract/extract.hpp"

#include <algorithm>
#include <set>
#include <string>
#include <tuple>

#include "ingest/ascii.hpp"
#include "ingest/extract/context.hpp"
#include "ingest/extract/markup.hpp"
#include "ingest/extract/names.hpp"
#include "ingest/ip_address.hpp"
#include "ingest/normalize.hpp"
#include "ingest/refang.hpp"

namespace ts::ingest {
namespace {

using extract::Prose;
using model::IndicatorType;

constexpr std::string_view kWordPunctuation = "-._~:/?#@&=%+";
// Characters a word may not start right after, because the matcher would
// begin in the middle of a name, an address or an e-mail local part.
constexpr std::string_view kInsideWord = "._-@%+";
constexpr std::string_view kUrlSchemes[] = {"http", "https", "hxxp", "hxxps", "ftp",
                                            "fxp",  "sftp",  "ws",   "wss"};

bool IsIn(char c, std::string_view set) {
  return set.find(c) != std::string_view::npos;
}

bool IsWordChar(char c) {
  return IsAsciiAlnum(c) || IsIn(c, kWordPunctuation);
}

bool IsNameChar(char c) {
  return IsAsciiAlnum(c) || c == '-' || c == '_' || c == '.';
}

// The prose with full-width ASCII (U+FF01..U+FF5E) folded to ASCII, as
// Refang folds it, so that words can be found byte by byte.
struct Folded {
  std::string text;
  std::vector<std::size_t> at;  // prose offset of each byte, plus the end
};

Folded Fold(std::string_view prose) {
  Folded folded;
  folded.text.reserve(prose.size());
  for (std::size_t i = 0; i < prose.size();) {
    if (prose[i] == '\xEF' && i + 2 < prose.size()) {
      const std::string ascii = Refang(prose.substr(i, 3));
      if (ascii.size() == 1) {
        folded.text += ascii;
        folded.at.push_back(i);
        i += 3;
        continue;
      }
    }
    folded.text += prose[i];
    folded.at.push_back(i);
    ++i;
  }
  folded.at.push_back(prose.size());
  return folded;
}

// Length of the defanging mark ("[.]", "(dot)", "[://]", "{at}") at the
// start of `s`, or 0: whatever Refang turns into separators only.
std::size_t MarkLength(std::string_view s) {
  if (s.empty() || !IsIn(s[0], "[({")) return 0;
  for (std::size_t length = 3; length <= 5 && length <= s.size(); ++length) {
    const std::string_view mark = s.substr(0, length);
    const std::string refanged = Refang(mark);
    if (refanged.size() < mark.size() && !refanged.empty() &&
        std::all_of(refanged.begin(), refanged.end(), [](char c) { return IsIn(c, ".:/@"); }))
      return length;
  }
  return 0;
}

// Length of a bracketed IPv6 address ("[2001:db8::1]") at the start of `s`.
std::size_t BracketedIpv6Length(std::string_view s) {
  if (s.empty() || s[0] != '[') return 0;
  const std::size_t close = s.find(']');
  if (close == std::string_view::npos || close < 3) return 0;
  const std::string_view inside = s.substr(1, close - 1);
  if (std::count(inside.begin(), inside.end(), ':') < 2 ||
      !std::all_of(inside.begin(), inside.end(),
                   [](char c) { return IsHexDigit(c) || c == ':' || c == '.'; }))
    return 0;
  return close + 1;
}

bool IsHexRun(std::string_view s) {
  return std::any_of(s.begin(), s.end(), IsAsciiDigit) &&
         std::any_of(s.begin(), s.end(), IsAsciiAlpha);
}

std::optional<IndicatorType> DigestType(std::size_t length) {
  switch (length) {
    case 32:
      return IndicatorType::kMd5;
    case 40:
      return IndicatorType::kSha1;
    case 64:
      return IndicatorType::kSha256;
    case 128:
      return IndicatorType::kSha512;
    default:
      return std::nullopt;
  }
}

std::size_t CountDigits(std::string_view s, std::size_t from) {
  std::size_t end = from;
  while (end < s.size() && IsAsciiDigit(s[end])) ++end;
  return end - from;
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() &&
         std::equal(prefix.begin(), prefix.end(), s.begin(),
                    [](char x, char y) { return AsciiLower(x) == AsciiLower(y); });
}

class Extractor {
 public:
  Extractor(std::string_view input, Prose prose)
      : input_(input), prose_(std::move(prose)), folded_(Fold(prose_.text)) {}

  std::vector<Extracted> Run() {
    const std::string& f = folded_.text;
    for (std::size_t i = 0; i < f.size();) {
      const std::size_t end = WordEnd(i);
      if (end == i) {
        ++i;
        continue;
      }
      Word(i, end);
      i = end;
    }
    return std::move(found_);
  }

 private:
  enum class NameKind { kNone, kDomain, kFilename };

  // End of the word starting at `i` of the folded text (i itself if none).
  std::size_t WordEnd(std::size_t i) const {
    const std::string_view f = folded_.text;
    std::size_t end = i;
    while (end < f.size()) {
      if (IsWordChar(f[end])) {
        ++end;
      } else if (const std::size_t mark = MarkLength(f.substr(end))) {
        end += mark;
      } else if (const std::size_t bracketed = BracketedIpv6Length(f.substr(end))) {
        end += bracketed;
      } else {
        break;
      }
    }
    return end;
  }

  // One word: refanged, cut where URL schemes start, each piece matched.
  void Word(std::size_t begin, std::size_t end) {
    word_begin_ = begin;
    word_end_ = end;
    const std::string_view written = std::string_view(folded_.text).substr(begin, end - begin);
    word_ = Refang(written);
    exact_ = word_ == written;
    std::vector<std::size_t> starts;
    for (std::size_t p = word_.find("://"); p != std::string::npos; p = word_.find("://", p + 3)) {
      std::size_t s = p;
      while (s > 0 && IsAsciiAlpha(word_[s - 1])) --s;
      const std::string scheme = AsciiLowered(std::string_view(word_).substr(s, p - s));
      if (std::find(std::begin(kUrlSchemes), std::end(kUrlSchemes), scheme) !=
          std::end(kUrlSchemes))
        starts.push_back(s);
    }
    const std::size_t plain_end = starts.empty() ? word_.size() : starts.front();
    Scan(StemmedName(plain_end), plain_end);
    for (std::size_t k = 0; k < starts.size(); ++k)
      Url(starts[k], k + 1 < starts.size() ? starts[k + 1] : word_.size());
  }

  // A word that starts with ".", "_" or "-" right after Japanese text is the
  // end of a name written in Japanese (請求書.pdf.exe, 発注書_0412.doc, 例え.jp): the name is read
  // with its Japanese stem. Returns where plain matching goes on.
  std::size_t StemmedName(std::size_t b) {
    if (word_.empty() || !IsIn(word_[0], "._-") || !exact_) return 0;
    const std::size_t token = folded_.at[word_begin_];
    const std::size_t stem = extract::JapaneseStemStart(prose_.text, token);
    if (stem == token) return 0;
    std::size_t end = 1;
    while (end < b && IsNameChar(word_[end])) ++end;
    while (end > 1 && IsIn(word_[end - 1], ".-_")) --end;
    if (word_.find('.', 0) >= end) return 0;
    const std::string name = prose_.text.substr(stem, token - stem) + word_.substr(0, end);
    const std::size_t dot = name.rfind('.');
    const std::string_view tld = std::string_view(name).substr(dot + 1);
    const std::size_t pe = ProseSpan(0, end).second;
    if (extract::IsFileExtension(tld) && !extract::SaysHost(prose_.text, stem, pe)) {
      EmitAt(IndicatorType::kFilename, name, stem, pe);
    } else if (extract::IsTopLevelDomain(tld) && !extract::SaysFile(prose_.text, stem, pe)) {
      EmitAt(IndicatorType::kDomain, name, stem, pe);
    }
    return end;
  }

  // Prose offsets of [a, b) of the refanged word. Refanging changes
  // lengths only where marks stood, so the written text before and after
  // the match is found where it reads the same; a mark inside the match
  // stretches the span over it.
  std::pair<std::size_t, std::size_t> ProseSpan(std::size_t a, std::size_t b) const {
    if (exact_) return {folded_.at[word_begin_ + a], folded_.at[word_begin_ + b]};
    const std::string_view written =
        std::string_view(folded_.text).substr(word_begin_, word_end_ - word_begin_);
    const std::string_view refanged = word_;
    std::size_t begin = word_begin_;
    std::size_t end = word_end_;
    if (a <= written.size() && written.substr(0, a) == refanged.substr(0, a)) begin += a;
    const std::size_t tail = refanged.size() - b;
    if (tail <= written.size() - (begin - word_begin_) &&
        written.substr(written.size() - tail) == refanged.substr(b))
      end -= tail;
    return {folded_.at[begin], folded_.at[end]};
  }

  void Emit(Extracted::Kind kind, IndicatorType type, std::string value, std::size_t a,
            std::size_t b) {
    const auto [pb, pe] = ProseSpan(a, b);
    EmitProse(kind, type, std::move(value), pb, pe);
  }

  // An indicator whose prose span [pb, pe) is known.
  void EmitAt(IndicatorType type, std::string_view raw, std::size_t pb, std::size_t pe) {
    if (auto value = Normalize(type, raw))
      EmitProse(Extracted::Kind::kIndicator, type, *std::move(value), pb, pe);
  }

  void EmitProse(Extracted::Kind kind, IndicatorType type, std::string value, std::size_t pb,
                 std::size_t pe) {
    if (!seen_.emplace(kind, type, value).second) return;
    Extracted e;
    e.kind = kind;
    e.type = type;
    e.value = std::move(value);
    e.offset = pb < prose_.origin.size() ? prose_.origin[pb] : input_.size();
    const std::size_t last = pe > pb ? prose_.origin[pe - 1] + 1 : e.offset;
    e.length = last > e.offset ? last - e.offset : 0;
    found_.push_back(std::move(e));
  }

  void EmitIndicator(IndicatorType type, std::string_view raw, std::size_t a, std::size_t b) {
    if (auto value = Normalize(type, raw))
      Emit(Extracted::Kind::kIndicator, type, *std::move(value), a, b);
  }

  // A URL with a scheme, from `a` to at most `b` of the word.
  void Url(std::size_t a, std::size_t b) {
    while (b > a && IsIn(word_[b - 1], ".,:;!?'\"")) --b;
    const std::string url = Refang(std::string_view(word_).substr(a, b - a));
    if (HasKnownHost(url)) EmitIndicator(IndicatorType::kUrl, url, a, b);
  }

  // The host of a canonical-to-be URL is a remote IP address or a name
  // under a top-level domain, so that "http://localhost/", "http://intranet/"
  // and "http://127.0.0.1:8443/" in instructions are not reported.
  static bool HasKnownHost(std::string_view url) {
    auto canonical = Normalize(IndicatorType::kUrl, url);
    if (!canonical) return false;
    std::string_view host = *canonical;
    const std::size_t sep = host.find("://");
    if (sep == std::string_view::npos) return false;
    host = host.substr(sep + 3);
    host = host.substr(0, host.find_first_of("/?#"));
    if (const std::size_t at = host.rfind('@'); at != std::string_view::npos)
      host = host.substr(at + 1);
    if (host.starts_with('[')) return !host.starts_with("[::1]");
    if (const std::size_t colon = host.rfind(':'); colon != std::string_view::npos)
      host = host.substr(0, colon);
    // Loopback and unspecified hosts name the reader's own machine.
    if (ParseIpv4(host).ok()) return !host.starts_with("127.") && !host.starts_with("0.");
    const std::size_t dot = host.rfind('.');
    return dot != std::string_view::npos && extract::IsTopLevelDomain(host.substr(dot + 1));
  }

  // Matchers over [a, b) of the refanged word.
  void Scan(std::size_t a, std::size_t b) {
    const std::string_view w = std::string_view(word_).substr(0, b);
    std::size_t matched_end = std::string_view::npos;
    for (std::size_t i = a; i < b;) {
      const char c = w[i];
      // Markdown emphasis (_evil.example_) opens a word; "_" inside a name does not.
      const bool emphasis = i > a && w[i - 1] == '_' && (i - 1 == a || !IsAsciiAlnum(w[i - 2]));
      // So is a hyphen right after a match, as in a range 192.0.2.1-192.0.2.20.
      const bool after_match = i > a && i - 1 == matched_end && w[i - 1] == '-';
      const bool boundary = i == a || emphasis || after_match ||
                            !(IsAsciiAlnum(w[i - 1]) || IsIn(w[i - 1], kInsideWord));
      if (!boundary || !(IsAsciiAlnum(c) || c == ':')) {
        ++i;
        continue;
      }
      std::size_t next = Match(w, i);
      if (next > i) matched_end = next;
      if (next == i) {
        next = i + 1;
        while (c != ':' && next < b && IsNameChar(w[next])) ++next;
      }
      i = next;
    }
  }

  std::size_t Match(std::string_view w, std::size_t i) {
    for (auto matcher : {&Extractor::Cve, &Extractor::Attack, &Extractor::Digest, &Extractor::Ipv6,
                         &Extractor::Ipv4, &Extractor::Email, &Extractor::Name}) {
      if (const std::size_t end = (this->*matcher)(w, i); end > i) return end;
    }
    return i;
  }

  std::size_t Cve(std::string_view w, std::size_t i) {
    if (!StartsWithNoCase(w.substr(i), "cve-")) return i;
    const std::size_t year = CountDigits(w, i + 4);
    if (year != 4 || i + 8 >= w.size() || w[i + 8] != '-') return i;
    const std::size_t number = CountDigits(w, i + 9);
    const std::size_t end = i + 9 + number;
    if (number < 4 || number > 7 || (end < w.size() && IsAsciiAlnum(w[end]))) return i;
    Emit(Extracted::Kind::kVulnerability, IndicatorType::kText,
         "CVE-" + std::string(w.substr(i + 4, end - i - 4)), i, end);
    return end;
  }

  // MITRE ATT&CK ids as MITRE writes them: T1566, T1566.001, TA0001.
  std::size_t Attack(std::string_view w, std::size_t i) {
    if (w[i] != 'T') return i;
    const bool tactic = i + 1 < w.size() && w[i + 1] == 'A';
    const std::size_t digits_at = i + (tactic ? 2 : 1);
    if (CountDigits(w, digits_at) != 4) return i;
    std::size_t end = digits_at + 4;
    if (!tactic && end + 4 <= w.size() && w[end] == '.' && CountDigits(w, end + 1) == 3) end += 4;
    if (end < w.size() && (IsAsciiAlnum(w[end]) || w[end] == '_' ||
                           (w[end] == '.' && end + 1 < w.size() && IsAsciiDigit(w[end + 1]))))
      return i;
    Emit(Extracted::Kind::kAttackTechnique, IndicatorType::kText, std::string(w.substr(i, end - i)),
         i, end);
    return end;
  }

  std::size_t Digest(std::string_view w, std::size_t i) {
    std::size_t end = i;
    while (end < w.size() && IsHexDigit(w[end])) ++end;
    const auto type = DigestType(end - i);
    if (!type || (end < w.size() && (IsAsciiAlnum(w[end]) || w[end] == '_'))) return i;
    const std::string_view hex = w.substr(i, end - i);
    if (!IsHexRun(hex)) return i;
    EmitIndicator(*type, hex, i, end);
    return end;
  }

  std::size_t Ipv6(std::string_view w, std::size_t i) {
    std::size_t end = i;
    while (end < w.size() && (IsHexDigit(w[end]) || w[end] == ':' || w[end] == '.')) ++end;
    std::string_view candidate = w.substr(i, end - i);
    while (candidate.ends_with('.') || (candidate.ends_with(':') && !candidate.ends_with("::")))
      candidate.remove_suffix(1);
    const auto colons = std::count(candidate.begin(), candidate.end(), ':');
    if (colons < 2 || (candidate.find("::") == std::string_view::npos && colons != 7) ||
        !std::any_of(candidate.begin(), candidate.end(), IsAsciiDigit))
      return i;
    end = i + candidate.size();
    if (end < w.size() && (IsAsciiAlnum(w[end]) || w[end] == '_')) return i;
    const auto parsed = ParseIpv6(candidate);
    if (!parsed.ok()) return i;
    if (FormatIpv6(*parsed) == "::1") return end;  // loopback
    if (const std::size_t prefix = PrefixLength(w, end)) {
      EmitIndicator(IndicatorType::kCidr, w.substr(i, end + prefix - i), i, end + prefix);
      return end + prefix;
    }
    EmitIndicator(IndicatorType::kIpv6, candidate, i, end);
    return end;
  }

  // Length of "/24" after an address at `end`, or 0.
  static std::size_t PrefixLength(std::string_view w, std::size_t end) {
    if (end >= w.size() || w[end] != '/') return 0;
    const std::size_t digits = CountDigits(w, end + 1);
    if (digits == 0 || digits > 3) return 0;
    const std::size_t after = end + 1 + digits;
    if (after < w.size() &&
        (IsAsciiAlnum(w[after]) || w[after] == '/' ||
         (w[after] == '.' && after + 1 < w.size() && IsAsciiAlnum(w[after + 1]))))
      return 0;
    return digits + 1;
  }

  std::size_t Ipv4(std::string_view w, std::size_t i) {
    std::size_t end = i;
    for (int part = 0; part < 4; ++part) {
      const std::size_t digits = CountDigits(w, end);
      if (digits == 0 || digits > 3) return i;
      end += digits;
      if (part < 3) {
        if (end >= w.size() || w[end] != '.') return i;
        ++end;
      }
    }
    // A fifth number or a letter glued on makes it something else (an OID,
    // a version such as 1.2.3.4a): skip the whole dotted run.
    if (end < w.size() && (IsAsciiAlnum(w[end]) || w[end] == '_' ||
                           (w[end] == '.' && end + 1 < w.size() && IsAsciiAlnum(w[end + 1])))) {
      while (end < w.size() && IsNameChar(w[end])) ++end;
      return end;
    }
    const std::string_view address = w.substr(i, end - i);
    if (!ParseIpv4(address).ok()) return end;
    const auto [pb, pe] = ProseSpan(i, end);
    if (extract::SaysVersion(prose_.text, pb, pe)) return end;
    // Unspecified, loopback and netmask-like addresses name no remote host.
    if (address.starts_with("0.") || address.starts_with("127.") || address.starts_with("255."))
      return end;
    if (const std::size_t prefix = PrefixLength(w, end)) {
      EmitIndicator(IndicatorType::kCidr, w.substr(i, end + prefix - i), i, end + prefix);
      return end + prefix;
    }
    std::size_t after = end;
    if (after < w.size() && w[after] == ':') after += 1 + CountDigits(w, after + 1);
    if (after + 1 < w.size() && w[after] == '/') return SchemelessUrl(w, i);
    EmitIndicator(IndicatorType::kIpv4, address, i, end);
    return after > end + 1 ? after : end;
  }

  // A host followed by a path, as in "evil.example/gate.php".
  std::size_t SchemelessUrl(std::string_view w, std::size_t i) {
    std::size_t end = w.size();
    while (end > i && IsIn(w[end - 1], ".,:;!?'\"")) --end;
    const std::string_view url = w.substr(i, end - i);
    if (HasKnownHost(url)) EmitIndicator(IndicatorType::kUrl, url, i, end);
    return w.size();
  }

  std::size_t Email(std::string_view w, std::size_t i) {
    std::size_t at = i;
    while (at < w.size() && (IsNameChar(w[at]) || w[at] == '%' || w[at] == '+')) ++at;
    if (at >= w.size() || w[at] != '@' || at == i) return i;
    std::size_t end = at + 1;
    while (end < w.size() && IsNameChar(w[end])) ++end;
    while (end > at + 1 && IsIn(w[end - 1], ".-_")) --end;
    const std::string_view domain = w.substr(at + 1, end - at - 1);
    const std::size_t dot = domain.rfind('.');
    if (dot != std::string_view::npos && extract::IsTopLevelDomain(domain.substr(dot + 1)))
      EmitIndicator(IndicatorType::kEmailAddr, w.substr(i, end - i), i, end);
    return end;
  }

  std::size_t Name(std::string_view w, std::size_t i) {
    std::size_t end = i;
    while (end < w.size() && IsNameChar(w[end])) ++end;
    while (end > i && IsIn(w[end - 1], ".-_")) --end;
    std::string_view name = w.substr(i, end - i);
    if (name.find('.') == std::string_view::npos) return i;
    auto [pb, pe] = ProseSpan(i, end);
    NameKind kind = Classify(name, pb, pe);
    const std::size_t last_dot = name.rfind('.');
    if (kind == NameKind::kNone && last_dot + 1 < name.size() && name[last_dot + 1] >= 'A' &&
        name[last_dot + 1] <= 'Z' && name.find('.') < last_dot) {
      // A sentence glued on without a blank: "evil.example.Then".
      end = i + last_dot;
      name = name.substr(0, last_dot);
      std::tie(pb, pe) = ProseSpan(i, end);
      kind = Classify(name, pb, pe);
    }
    if (kind == NameKind::kDomain && end + 1 < w.size() && w[end] == '/')
      return SchemelessUrl(w, i);
    std::size_t after = end;
    if (after < w.size() && w[after] == ':' && CountDigits(w, after + 1) > 0)
      after += 1 + CountDigits(w, after + 1);
    if (kind == NameKind::kDomain && after > end && after + 1 < w.size() && w[after] == '/')
      return SchemelessUrl(w, i);  // host:port/path
    if (kind == NameKind::kDomain) EmitIndicator(IndicatorType::kDomain, name, i, end);
    if (kind == NameKind::kFilename) EmitIndicator(IndicatorType::kFilename, name, i, end);
    return after;
  }

  NameKind Classify(std::string_view name, std::size_t pb, std::size_t pe) const {
    if (extract::IsProductName(name)) return NameKind::kNone;
    const std::string_view tld = name.substr(name.rfind('.') + 1);
    const std::string_view rest = name.substr(0, name.rfind('.'));
    if (rest.empty() || rest.find("..") != std::string_view::npos || rest.ends_with('.'))
      return NameKind::kNone;
    const bool is_tld = extract::IsTopLevelDomain(tld);
    const bool is_extension = extract::IsFileExtension(tld);
    if (is_extension && !is_tld) return NameKind::kFilename;
    if (!is_tld) return NameKind::kNone;
    // Code, not a host: a capital in the last label next to lower-case
    // elsewhere, as in System.IO, ADODB.Stream, Shell.Application.
    const bool mixed_tld =
        std::any_of(tld.begin(), tld.end(), [](char c) { return c >= 'a' && c <= 'z'; }) &&
        tld.front() >= 'A' && tld.front() <= 'Z';
    const bool upper_tld =
        std::any_of(tld.begin(), tld.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    const bool lower_rest =
        std::any_of(rest.begin(), rest.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    if ((mixed_tld || (upper_tld && lower_rest)) && !is_extension) return NameKind::kNone;
    if (is_extension)
      return extract::SaysHost(prose_.text, pb, pe) ? NameKind::kDomain : NameKind::kFilename;
    if (extract::SaysFile(prose_.text, pb, pe)) return NameKind::kFilename;
    return Normalize(IndicatorType::kDomain, name).ok() ? NameKind::kDomain : NameKind::kNone;
  }

  std::string_view input_;
  Prose prose_;
  Folded folded_;
  std::size_t word_begin_ = 0;
  std::size_t word_end_ = 0;
  std::string word_;
  bool exact_ = true;
  std::set<std::tuple<Extracted::Kind, IndicatorType, std::string>> seen_;
  std::vector<Extracted> found_;
};

}  // namespace

TextFormat GuessTextFormat(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && text[first] == '<' && first + 1 < text.size() &&
      (IsAsciiAlpha(text[first + 1]) || text[first + 1] == '!'))
    return TextFormat::kHtml;
  if (text.find("](") != std::string_view::npos || text.starts_with("# ") ||
      text.find("\n# ") != std::string_view::npos || text.find("\n## ") != std::string_view::npos ||
      text.find("```") != std::string_view::npos)
    return TextFormat::kMarkdown;
  return TextFormat::kPlain;
}

std::vector<Extracted> ExtractIndicators(std::string_view text, TextFormat format) {
  switch (format) {
    case TextFormat::kHtml:
      return Extractor(text, extract::FromHtml(text)).Run();
    case TextFormat::kMarkdown:
      return Extractor(text, extract::FromMarkdown(text)).Run();
    case TextFormat::kPlain:
      break;
  }
  return Extractor(text, extract::FromPlain(text)).Run();
}

}  // namespace ts::ingest
