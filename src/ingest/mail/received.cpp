#include "ingest/mail/received.hpp"

#include <string>

#include "ingest/ascii.hpp"
#include "ingest/ip_address.hpp"

namespace ts::ingest::mail {
namespace {

// Offset just after the keyword `word` standing alone (any case, outside
// comments), or npos.
std::size_t FindClause(std::string_view s, std::string_view word, std::size_t from = 0) {
  int depth = 0;
  for (std::size_t i = from; i < s.size(); ++i) {
    if (s[i] == '(') ++depth;
    if (s[i] == ')' && depth > 0) --depth;
    if (depth > 0 || i + word.size() > s.size()) continue;
    if (i > 0 && !IsAsciiSpace(s[i - 1])) continue;
    if (AsciiLowered(s.substr(i, word.size())) != word) continue;
    const std::size_t end = i + word.size();
    if (end < s.size() && IsAsciiSpace(s[end])) return end;
  }
  return std::string_view::npos;
}

std::string_view TokenAt(std::string_view s, std::size_t pos) {
  while (pos < s.size() && IsAsciiSpace(s[pos])) ++pos;
  std::size_t end = pos;
  while (end < s.size() && !IsAsciiSpace(s[end]) && s[end] != '(' && s[end] != ';') ++end;
  return s.substr(pos, end - pos);
}

// A literal address as MTAs write it: "[192.0.2.1]", "[IPv6:2001:db8::1]",
// "192.0.2.1" or "2001:db8::1", with an optional ":port"; "" if none.
std::string CanonicalIp(std::string_view token) {
  while (!token.empty() && (token.front() == '[' || token.front() == '(')) token.remove_prefix(1);
  while (!token.empty() && (token.back() == ']' || token.back() == ')' || token.back() == ','))
    token.remove_suffix(1);
  if (AsciiLowered(token.substr(0, 5)) == "ipv6:") token.remove_prefix(5);
  if (auto v4 = ParseIpv4(token)) return FormatIpv4(*v4);
  if (const std::size_t colon = token.rfind(':');
      colon != std::string_view::npos && token.find(':') == colon)
    if (auto v4 = ParseIpv4(token.substr(0, colon))) return FormatIpv4(*v4);  // "ip:port"
  if (auto v6 = ParseIpv6(token)) return FormatIpv6(*v6);
  return {};
}

// The first address in the "from" clause: bracketed literals first, as
// MTAs put the connecting address there; then any bare address.
std::string ClauseIp(std::string_view clause) {
  for (std::size_t open = clause.find('['); open != std::string_view::npos;
       open = clause.find('[', open + 1)) {
    const std::size_t close = clause.find(']', open);
    if (close == std::string_view::npos) break;
    if (std::string ip = CanonicalIp(clause.substr(open + 1, close - open - 1)); !ip.empty())
      return ip;
  }
  std::size_t i = 0;
  while (i < clause.size()) {
    while (i < clause.size() && (IsAsciiSpace(clause[i]) || clause[i] == '(' || clause[i] == '='))
      ++i;
    std::size_t end = i;
    while (end < clause.size() && !IsAsciiSpace(clause[end]) && clause[end] != '(' &&
           clause[end] != '=')
      ++end;
    if (std::string ip = CanonicalIp(clause.substr(i, end - i)); !ip.empty()) return ip;
    i = end;
  }
  return {};
}

}  // namespace

Hop ParseReceived(std::string_view value) {
  Hop hop;
  hop.raw = std::string(value);
  std::string_view body = value;
  if (const std::size_t semi = value.rfind(';'); semi != std::string_view::npos) {
    std::string_view date = value.substr(semi + 1);
    while (!date.empty() && IsAsciiSpace(date.front())) date.remove_prefix(1);
    while (!date.empty() && IsAsciiSpace(date.back())) date.remove_suffix(1);
    hop.date = std::string(date);
    body = value.substr(0, semi);
  }
  const std::string padded = " " + std::string(body);
  const std::string_view s = padded;
  const std::size_t from = FindClause(s, "from");
  const std::size_t by = FindClause(s, "by");
  if (from != std::string_view::npos) {
    hop.from_host = std::string(TokenAt(s, from));
    // The "from" clause ends where "by" (or, without it, "with") starts;
    // FindClause gives the offset after the keyword.
    std::size_t clause_end = s.size();
    if (by != std::string_view::npos && by > from) {
      clause_end = by - 2;
    } else if (const std::size_t with = FindClause(s, "with", from);
               with != std::string_view::npos) {
      clause_end = with - 4;
    }
    hop.ip = ClauseIp(s.substr(from, clause_end - from));
  }
  if (by != std::string_view::npos) hop.by_host = std::string(TokenAt(s, by));
  return hop;
}

}  // namespace ts::ingest::mail
