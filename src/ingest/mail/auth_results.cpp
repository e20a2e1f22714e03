#include "ingest/mail/auth_results.hpp"

#include "ingest/ascii.hpp"

namespace ts::ingest::mail {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsAsciiSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsAsciiSpace(s.back())) s.remove_suffix(1);
  return s;
}

// `value` without (comments), which may hold ";" and "=".
std::string WithoutComments(std::string_view value) {
  std::string out;
  int depth = 0;
  for (const char c : value) {
    if (c == '(') ++depth;
    if (depth == 0) out += c;
    if (c == ')' && depth > 0) {
      --depth;
      if (depth == 0) out += ' ';
    }
  }
  return out;
}

// The domain of a property such as header.d=example.jp or
// smtp.mailfrom=bounce@example.jp.
std::string PropertyDomain(std::string_view clause) {
  for (const std::string_view key : {"header.d=", "header.i=", "smtp.mailfrom=", "header.from="}) {
    const std::string lowered = AsciiLowered(clause);
    const std::size_t at = lowered.find(key);
    if (at == std::string::npos) continue;
    std::string_view v = clause.substr(at + key.size());
    std::size_t end = 0;
    while (end < v.size() && !IsAsciiSpace(v[end]) && v[end] != ';') ++end;
    v = v.substr(0, end);
    if (const std::size_t sign = v.rfind('@'); sign != std::string_view::npos)
      v.remove_prefix(sign + 1);
    return AsciiLowered(v);
  }
  return {};
}

}  // namespace

std::vector<AuthResult> ParseAuthenticationResults(std::string_view value) {
  const std::string text = WithoutComments(value);
  std::vector<AuthResult> results;
  std::string authserv;
  std::size_t start = 0;
  for (bool first = true; start <= text.size(); first = false) {
    std::size_t end = text.find(';', start);
    if (end == std::string::npos) end = text.size();
    const std::string_view clause = Trim(std::string_view(text).substr(start, end - start));
    start = end + 1;
    if (first) {  // authserv-id [version]
      authserv = AsciiLowered(clause.substr(0, clause.find_first_of(" \t")));
      continue;
    }
    const std::size_t eq = clause.find('=');
    if (eq == std::string_view::npos) continue;  // "none" or junk
    AuthResult r;
    r.method = AsciiLowered(Trim(clause.substr(0, eq)));
    if (const std::size_t slash = r.method.find('/'); slash != std::string::npos)
      r.method.resize(slash);  // method version, "dkim/1"
    std::string_view rest = Trim(clause.substr(eq + 1));
    r.result = AsciiLowered(rest.substr(0, rest.find_first_of(" \t")));
    r.domain = PropertyDomain(clause);
    r.authserv = authserv;
    if (!r.method.empty() && !r.result.empty()) results.push_back(std::move(r));
  }
  return results;
}

AuthResult ParseReceivedSpf(std::string_view value) {
  const std::string text = WithoutComments(value);
  const std::string_view t = Trim(text);
  AuthResult r;
  r.method = "spf";
  r.result = AsciiLowered(t.substr(0, t.find_first_of(" \t;")));
  const std::string lowered = AsciiLowered(t);
  if (const std::size_t at = lowered.find("envelope-from="); at != std::string::npos) {
    std::string_view v = t.substr(at + 14);
    v = v.substr(0, v.find_first_of(" \t;"));
    if (!v.empty() && v.front() == '"') v.remove_prefix(1);
    if (!v.empty() && v.back() == '"') v.remove_suffix(1);
    if (const std::size_t sign = v.rfind('@'); sign != std::string_view::npos)
      v.remove_prefix(sign + 1);
    r.domain = AsciiLowered(v);
  }
  return r;
}

std::vector<AuthResult> TrustedResults(const std::vector<std::vector<AuthResult>>& headers) {
  std::vector<AuthResult> out;
  const std::string* trusted = nullptr;
  for (const auto& header : headers) {
    if (header.empty()) continue;
    if (trusted == nullptr) trusted = &header.front().authserv;
    if (header.front().authserv != *trusted) continue;
    out.insert(out.end(), header.begin(), header.end());
  }
  return out;
}

}  // namespace ts::ingest::mail
