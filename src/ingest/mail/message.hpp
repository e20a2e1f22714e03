// What the mail parser reads out of one RFC 5322 message: decoded headers,
// the Received chain, authentication results, bodies as UTF-8 and the
// attachments' decoded bytes. Plain data; the findings are computed from it.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace ts::ingest::mail {

struct Mailbox {
  std::string name;     // display name, decoded to UTF-8 (may be empty)
  std::string address;  // addr-spec as written, e.g. "taro@example.co.jp"
};

// One Received header, newest first as they appear in the message.
struct Hop {
  std::string from_host;  // the name the sending host gave (HELO or rDNS)
  std::string by_host;    // the receiving host
  std::string ip;         // the sending host's address, when written
  std::string date;       // the text after ";", trimmed
  std::string raw;        // the whole header, unfolded
};

// One method result of Authentication-Results, e.g. spf=fail.
struct AuthResult {
  std::string method;    // "spf", "dkim", "dmarc", lower case
  std::string result;    // "pass", "fail", "softfail", "none", ... lower case
  std::string domain;    // header.d / smtp.mailfrom domain, lower case, may be empty
  std::string authserv;  // the authserv-id of the header that carried it
};

struct Attachment {
  std::string name;          // decoded file name (RFC 2231 / RFC 2047), may be empty
  std::string content_type;  // "application/zip" as declared, lower case
  std::string data;          // decoded transfer encoding
};

struct ParsedMessage {
  std::string subject;
  std::vector<Mailbox> from;
  std::vector<Mailbox> reply_to;
  std::vector<Mailbox> to;
  std::string return_path;  // addr-spec without <>, empty when absent or "<>"
  std::string date;
  std::string message_id;
  std::string x_mailer;  // X-Mailer, or User-Agent when there is no X-Mailer
  std::vector<Hop> hops;
  std::vector<AuthResult> authentication;
  std::string text_body;  // text/plain parts, UTF-8, joined by blank lines
  std::string html_body;  // text/html parts, UTF-8
  std::vector<Attachment> attachments;
  // Things the parser had to work around (no end boundary, undecodable
  // charset, ...): the result is still usable, the analyst should know.
  std::vector<std::string> warnings;
};

}  // namespace ts::ingest::mail
