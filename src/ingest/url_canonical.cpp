#include "ingest/url_canonical.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "ingest/ascii.hpp"
#include "ingest/hostname.hpp"
#include "ingest/invalid_value.hpp"
#include "ingest/ip_address.hpp"
#include "ingest/percent_encoding.hpp"
#include "ingest/refang.hpp"

namespace ts::ingest {
namespace {

constexpr std::string_view kWhat = "a valid URL";
constexpr std::size_t kMaxPortDigits = 5;

// Schemes browsers parse leniently, with the port they imply.
constexpr std::array<std::pair<std::string_view, std::string_view>, 3> kDefaultPorts{{
    {"http", "80"},
    {"https", "443"},
    {"ftp", "21"},
}};

// Empty for schemes without a default port, which browsers parse strictly.
std::string_view DefaultPort(std::string_view scheme) {
  for (const auto& [name, port] : kDefaultPorts)
    if (name == scheme) return port;
  return {};
}

// Length of the scheme at the start of `s`, or 0 when `s` has none. A
// "name:" that is followed by neither "//" nor text that could be a scheme
// body is a host and port ("evil.example:8080/x", "localhost:8080").
std::size_t SchemeLength(std::string_view s) {
  const std::size_t colon = s.find(':');
  if (colon == std::string_view::npos || !IsUrlScheme(s.substr(0, colon))) return 0;
  const std::string_view after = s.substr(colon + 1);
  if (after.starts_with("//")) return colon;
  const bool host_like = s.substr(0, colon).find('.') != std::string_view::npos;
  if (host_like || after.empty() || IsAsciiDigit(after.front())) return 0;
  return colon;
}

// RFC 3986 section 5.2.4, for a path that is empty or starts with "/".
std::string RemoveDotSegments(std::string_view in) {
  std::string out;
  auto pop_segment = [&out] { out.erase(std::min(out.size(), out.rfind('/'))); };
  while (!in.empty()) {
    if (in.starts_with("/./")) {
      in.remove_prefix(2);
    } else if (in == "/.") {
      in = "/";
    } else if (in.starts_with("/../")) {
      in.remove_prefix(3);
      pop_segment();
    } else if (in == "/..") {
      in = "/";
      pop_segment();
    } else {
      const std::size_t end = in.find('/', 1);
      out.append(in.substr(0, end));
      in.remove_prefix(std::min(end, in.size()));
    }
  }
  return out;
}

Result<std::string> NormalizeHost(std::string_view host) {
  if (host.starts_with('[')) {
    auto ip = NormalizeIpv6(host);
    if (!ip) return Error::Invalid("the host is not a valid IPv6 address");
    return "[" + *ip + "]";
  }
  if (!host.empty() &&
      std::all_of(host.begin(), host.end(), [](char c) { return IsAsciiDigit(c) || c == '.'; })) {
    auto ip = ParseIpv4(host);
    if (!ip) return Error::Invalid("host: " + ip.error().message);
    return FormatIpv4(*ip);
  }
  auto name = NormalizeHostName(host, kHostNameRules);
  if (!name) return Error::Invalid("host: " + name.error().message);
  return name;
}

// ":port" to keep, empty when there is none or it is the default.
Result<std::string> NormalizePort(std::string_view port, std::string_view default_port) {
  if (port.empty()) return std::string();
  if (port.size() > kMaxPortDigits || !IsAllDigits(port))
    return Error::Invalid("the port must be a number");
  const unsigned long number = std::stoul(std::string(port));
  if (number > 65535) return Error::Invalid("the port is above 65535");
  const std::string text = std::to_string(number);
  if (text == default_port) return std::string();
  return ":" + text;
}

// "userinfo@host:port", each part canonical.
Result<std::string> NormalizeAuthority(std::string_view authority, std::string_view scheme,
                                       std::string_view default_port) {
  std::string out;
  if (const std::size_t at = authority.rfind('@'); at != std::string_view::npos) {
    out = NormalizePercentEncoding(authority.substr(0, at)) + "@";
    authority.remove_prefix(at + 1);
  }
  std::size_t host_end = std::min(authority.rfind(':'), authority.size());
  if (authority.starts_with('[')) {
    host_end = authority.find(']');
    if (host_end == std::string_view::npos) return Error::Invalid("the IPv6 host lacks its ']'");
    ++host_end;
  }
  const std::string_view host = authority.substr(0, host_end);
  const std::string_view port = authority.substr(host_end);
  if (!port.empty() && port.front() != ':') return Error::Invalid("unexpected text after the host");

  if (host.empty() && scheme != "file") return Error::Invalid("it has no host");
  if (!host.empty()) {
    auto canonical_host = NormalizeHost(host);
    if (!canonical_host) return canonical_host;
    out += *canonical_host;
  }
  if (!port.empty()) {
    auto canonical_port = NormalizePort(port.substr(1), default_port);
    if (!canonical_port) return canonical_port;
    out += *canonical_port;
  }
  return out;
}

Result<std::string> Canonical(std::string_view value) {
  const std::size_t scheme_length = SchemeLength(value);
  const std::string scheme =
      AsciiLowered(scheme_length == 0 ? "http" : value.substr(0, scheme_length));
  std::string rest(value.substr(scheme_length == 0 ? 0 : scheme_length + 1));
  rest.erase(std::min(rest.find('#'), rest.size()));

  const std::string_view default_port = DefaultPort(scheme);
  if (!default_port.empty()) {
    // As browsers do for these schemes: "\" is "/" before the query, and
    // any number of slashes may follow "scheme:".
    const auto query =
        rest.begin() + static_cast<std::ptrdiff_t>(std::min(rest.find('?'), rest.size()));
    std::replace(rest.begin(), query, '\\', '/');
    rest.erase(0, rest.find_first_not_of('/'));
  } else if (rest.starts_with("//")) {
    rest.erase(0, 2);
  } else if (rest.empty()) {
    return Error::Invalid("nothing follows the scheme");
  } else {
    return scheme + ":" + NormalizePercentEncoding(rest);
  }

  const std::string_view view = rest;
  const std::size_t authority_end = std::min(view.find_first_of("/?"), view.size());
  auto authority = NormalizeAuthority(view.substr(0, authority_end), scheme, default_port);
  if (!authority) return authority;

  const std::string_view path_and_query = view.substr(authority_end);
  const std::size_t query = path_and_query.find('?');
  const std::string path =
      RemoveDotSegments(NormalizePercentEncoding(path_and_query.substr(0, query)));
  std::string out = scheme + "://" + *authority + (path.empty() ? "/" : path);
  if (query != std::string_view::npos)
    out += NormalizePercentEncoding(path_and_query.substr(query));
  return out;
}

}  // namespace

bool IsUrlScheme(std::string_view s) {
  return !s.empty() && IsAsciiAlpha(s.front()) && std::all_of(s.begin(), s.end(), [](char c) {
    return IsAsciiAlnum(c) || c == '+' || c == '-' || c == '.';
  });
}

Result<std::string> NormalizeUrl(std::string_view value) {
  // Decoding and dot-segment removal can expose defanging ("/[%2E]" becomes
  // "/[.]"), so refang and canonicalise again until nothing changes. After
  // the first pass only refanging changes the text, and it shortens it.
  std::string url(value);
  for (;;) {
    auto next = Canonical(Refang(url));
    if (!next) return InvalidValue(kWhat, value, next.error().message);
    if (*next == url) return url;
    url = std::move(next).value();
  }
}

}  // namespace ts::ingest
