#include "hunt/line_scanner.hpp"

#include <algorithm>

#include "hunt/canonical_text.hpp"
#include "hunt/log_time.hpp"
#include "hunt/log_url.hpp"
#include "ingest/ascii.hpp"

namespace ts::hunt {
namespace {

bool HasUpper(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// The host of "host:port", "[v6]:port", a bare IPv6 address or a bare host.
std::string_view HostOfHostPort(std::string_view s) {
  if (s.starts_with('[')) return s.substr(0, s.find(']') + 1);
  const std::size_t colon = s.find(':');
  if (colon == std::string_view::npos || s.find(':', colon + 1) != std::string_view::npos) return s;
  return s.substr(0, colon);
}

}  // namespace

LineScanner::LineScanner(const IndicatorSet& indicators, const LogParser& parser)
    : indicators_(indicators), parser_(parser), text_parser_(MakeTextParser()) {}

void LineScanner::Scan(std::string_view text, BlockResult& result) {
  std::uint64_t number = 0;
  while (!text.empty()) {
    std::string_view line;
    std::size_t next = 0;
    record_.Clear();
    const ParseOutcome outcome = parser_.ParseFirstLine(text, line, next, record_);
    ScanLine(line, outcome, ++number, result);
    text.remove_prefix(next);
  }
  result.lines += number;
}

void LineScanner::ScanLine(std::string_view line, ParseOutcome outcome, std::uint64_t number,
                           BlockResult& result) {
  switch (outcome) {
    case ParseOutcome::kSkip:
      return;
    case ParseOutcome::kMalformed:
      ++result.malformed;
      record_.Clear();
      if (text_parser_->Parse(line, record_) != ParseOutcome::kRecord) return;
      break;
    case ParseOutcome::kRecord:
      break;
  }
  matches_.clear();
  for (const LogField& field : record_.fields) Lookup(field);
  if (matches_.empty()) return;
  ++result.lines_with_hits;
  const auto time = ParseLogTime(record_.time, record_.time_format);
  for (Match& m : matches_) {
    result.hits.push_back(Hit{{},
                              number,
                              time,
                              std::string(record_.client),
                              std::string(record_.user),
                              std::string(record_.destination),
                              std::move(m.matched),
                              m.id});
  }
}

void LineScanner::Collect(std::string_view matched) {
  for (std::uint32_t id : ids_) {
    const bool seen =
        std::any_of(matches_.begin(), matches_.end(), [id](const Match& m) { return m.id == id; });
    if (!seen) matches_.push_back(Match{id, std::string(matched)});
  }
  ids_.clear();
}

void LineScanner::LookupHost(std::string_view host) {
  if (host.empty()) return;
  if (ingest::IsAsciiDigit(host.front()) || host.front() == '[' || host.front() == ':') {
    if (const auto ip = ParseIpAddress(host)) {
      indicators_.FindAddress(*ip, ids_);
      return Collect(host);
    }
  }
  if (host.back() == '.') host.remove_suffix(1);
  if (HasUpper(host)) {
    name_scratch_ = ingest::AsciiLowered(host);
    host = name_scratch_;
  }
  indicators_.FindName(host, ids_);
  Collect(host);
}

void LineScanner::LookupPlainHost(std::string_view host, std::uint64_t hash) {
  if (ingest::IsAsciiDigit(host.front())) {
    if (const auto ip = ParseIpAddress(host)) {
      indicators_.FindAddress(*ip, ids_);
      return Collect(host);
    }
  }
  indicators_.FindName(host, hash, ids_);
  Collect(host);
}

void LineScanner::Lookup(const LogField& field) {
  switch (field.kind) {
    case FieldKind::kHost:
      return LookupHost(field.text);
    case FieldKind::kHostPort:
      return LookupHost(HostOfHostPort(field.text));
    case FieldKind::kUrl: {
      // Most logged URLs are at hosts no URL indicator names: those need
      // their host only, which a plain authority gives as it stands.
      if (const std::string_view plain_host = PlainUrlHost(field.text); !plain_host.empty()) {
        const std::uint64_t hash = HashKey(plain_host);
        indicators_.PrefetchHost(hash);
        if (!indicators_.MayHaveUrlsAt(hash)) return LookupPlainHost(plain_host, hash);
      }
      const LogUrl url = CanonicalLogUrl(field.text, url_scratch_);
      if (url.url.empty()) return;
      indicators_.FindUrl(url.url, ids_);
      Collect(url.url);
      return LookupHost(url.host);
    }
    case FieldKind::kHash:
    case FieldKind::kJa3: {
      std::string_view hex = field.text;
      if (HasUpper(hex)) {
        name_scratch_ = ingest::AsciiLowered(hex);
        hex = name_scratch_;
      }
      if (field.kind == FieldKind::kHash) {
        indicators_.FindDigest(hex, ids_);
      } else {
        indicators_.FindJa3(hex, ids_);
      }
      return Collect(hex);
    }
    case FieldKind::kUserAgent:
      indicators_.FindUserAgent(field.text, ids_);
      return Collect(field.text);
  }
}

}  // namespace ts::hunt
