#include "exchange/stix/pattern.hpp"

#include <utility>

namespace ts::exchange::stix {
namespace {

// Object paths and the indicator type each maps to. Hash names follow the
// STIX hash-algorithm vocabulary; the quoted and bare spellings both occur.
constexpr std::pair<std::string_view, std::string_view> kPaths[] = {
    {"ipv4-addr:value", "ipv4"},
    {"ipv6-addr:value", "ipv6"},
    {"domain-name:value", "domain"},
    {"url:value", "url"},
    {"email-addr:value", "email-addr"},
    {"email-message:subject", "email-subject"},
    {"file:name", "filename"},
    {"file:hashes.'SHA-256'", "sha256"},
    {"file:hashes.SHA256", "sha256"},
    {"file:hashes.'SHA256'", "sha256"},
    {"file:hashes.MD5", "md5"},
    {"file:hashes.'MD5'", "md5"},
    {"file:hashes.'SHA-1'", "sha1"},
    {"file:hashes.SHA1", "sha1"},
    {"file:hashes.'SHA1'", "sha1"},
    {"file:hashes.'SHA-512'", "sha512"},
    {"file:hashes.SHA512", "sha512"},
    {"file:hashes.SSDEEP", "ssdeep"},
    {"file:hashes.'SSDEEP'", "ssdeep"},
    {"file:hashes.TLSH", "tlsh"},
    {"file:hashes.'TLSH'", "tlsh"},
    {"mutex:name", "mutex"},
    {"windows-registry-key:key", "registry-key"},
};

// Recursive descent over the accepted subset:
//   pattern     := observation ("OR" observation)*
//   observation := "[" comparison ("OR" comparison)* "]"
//   comparison  := path "=" 'string'
class Reader {
 public:
  explicit Reader(std::string_view s) : s_(s) {}

  std::optional<std::vector<PatternComparison>> Read() {
    std::vector<PatternComparison> out;
    do {
      if (!Take('[')) return std::nullopt;
      do {
        PatternComparison c;
        if (!Path(c.path) || !Take('=') || !Literal(c.value)) return std::nullopt;
        out.push_back(std::move(c));
      } while (Word("OR"));
      if (!Take(']')) return std::nullopt;
    } while (Word("OR"));
    Blanks();
    if (pos_ != s_.size()) return std::nullopt;
    return out;
  }

 private:
  void Blanks() {
    while (pos_ < s_.size() &&
           (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' || s_[pos_] == '\r'))
      ++pos_;
  }
  bool Take(char c) {
    Blanks();
    if (pos_ == s_.size() || s_[pos_] != c) return false;
    ++pos_;
    return true;
  }
  bool Word(std::string_view w) {
    Blanks();
    if (s_.substr(pos_, w.size()) != w) return false;
    size_t end = pos_ + w.size();
    if (end < s_.size() && s_[end] != ' ' && s_[end] != '[' && s_[end] != '\t' && s_[end] != '\n')
      return false;
    pos_ = end;
    return true;
  }
  // An object path: type ':' property, with quoted hash names allowed.
  bool Path(std::string& out) {
    Blanks();
    size_t start = pos_;
    bool quoted = false;
    while (pos_ < s_.size()) {
      char c = s_[pos_];
      if (c == '\'') quoted = !quoted;
      if (!quoted && (c == ' ' || c == '=' || c == '\t' || c == '\n' || c == ']')) break;
      ++pos_;
    }
    out.assign(s_.substr(start, pos_ - start));
    return !out.empty() && !quoted;
  }
  // A string literal; STIX escapes only \' and \\ inside it.
  bool Literal(std::string& out) {
    if (!Take('\'')) return false;
    while (pos_ < s_.size()) {
      char c = s_[pos_++];
      if (c == '\'') return true;
      if (c == '\\') {
        if (pos_ == s_.size() || (s_[pos_] != '\'' && s_[pos_] != '\\')) return false;
        c = s_[pos_++];
      }
      out.push_back(c);
    }
    return false;
  }

  std::string_view s_;
  size_t pos_ = 0;
};

}  // namespace

std::optional<std::vector<PatternComparison>> SimpleComparisons(std::string_view pattern) {
  return Reader(pattern).Read();
}

std::optional<std::vector<PatternValue>> SimplePatternValues(std::string_view pattern) {
  auto comparisons = SimpleComparisons(pattern);
  if (!comparisons) return std::nullopt;
  std::vector<PatternValue> out;
  for (auto& c : *comparisons) {
    auto type = IndicatorTypeForPath(c.path);
    if (!type) return std::nullopt;
    // An address path may hold a CIDR block, which the portal types apart.
    if ((*type == "ipv4" || *type == "ipv6") && c.value.find('/') != std::string::npos)
      *type = "cidr";
    out.push_back({*type, std::move(c.value)});
  }
  return out;
}

std::optional<std::string> IndicatorTypeForPath(std::string_view path) {
  for (const auto& [p, type] : kPaths)
    if (p == path) return std::string(type);
  return std::nullopt;
}

std::optional<std::string> PatternFor(std::string_view indicator_type, std::string_view value) {
  std::string_view path;
  if (indicator_type == "cidr")
    path = value.find(':') == std::string_view::npos ? "ipv4-addr:value" : "ipv6-addr:value";
  else if (indicator_type == "hostname")
    path = "domain-name:value";
  for (const auto& [p, type] : kPaths) {
    if (!path.empty()) break;
    if (type == indicator_type) path = p;
  }
  if (path.empty()) return std::nullopt;
  std::string out = "[" + std::string(path) + " = '";
  for (char c : value) {
    if (c == '\'' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "']";
}

}  // namespace ts::exchange::stix
