// What a log format makes of one line: when, who, where to, and the values
// to look up, each tagged with how to read it. Views point into the line (or
// into `owned`), so a record is valid only while both are; one record per
// thread is reused line after line to avoid allocating in the scan loop.
#pragma once

#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace ts::hunt {

enum class TimeFormat {
  kNone,
  kEpoch,  // seconds since 1970 with an optional fraction: Squid, Zeek
  kClf,    // 10/Oct/2000:13:55:36 -0700: Apache, nginx
  kIso,    // RFC 3339; a space for "T" and a missing zone (UTC) accepted
};

enum class FieldKind {
  kHost,       // a host name or an IP address
  kHostPort,   // host:port, [v6]:port, or a bare host
  kUrl,        // a URL as logged, canonicalised before lookup
  kHash,       // a hex digest: md5, sha1, sha256, sha512 and JA3 indicators
  kJa3,        // a JA3 fingerprint field: JA3 indicators only
  kUserAgent,  // a User-Agent header value, matched exactly
};

struct LogField {
  FieldKind kind;
  std::string_view text;
};

struct LogRecord {
  std::string_view time;
  TimeFormat time_format = TimeFormat::kNone;
  std::string_view client;        // the member's terminal (or the remote peer of a server log)
  std::string_view user;          // authenticated user, when logged
  std::string_view destination;   // what the client reached: URL, host or address
  std::vector<LogField> fields;   // values to look up
  std::deque<std::string> owned;  // text built for this line (stable addresses)

  void Clear() {
    time = client = user = destination = {};
    time_format = TimeFormat::kNone;
    fields.clear();
    if (!owned.empty()) owned.clear();  // a deque's clear costs even when empty
  }
  void Add(FieldKind kind, std::string_view text) {
    if (!text.empty() && text != "-") fields.push_back(LogField{kind, text});
  }
  std::string_view Own(std::string text) { return owned.emplace_back(std::move(text)); }
};

}  // namespace ts::hunt
