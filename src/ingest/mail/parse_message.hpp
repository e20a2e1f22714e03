// Reading one RFC 5322 message with GMime into a ParsedMessage. Malformed
// input (missing end boundaries, bad base64, truncated headers, raw 8-bit
// headers) yields what can be read plus warnings; only input with no mail
// headers at all is an error. Safe from any thread.
#pragma once

#include <cstddef>
#include <string_view>

#include "ingest/mail/message.hpp"
#include "util/result.hpp"

namespace ts::ingest::mail {

struct ParseLimits {
  // MIME leaves taken as attachments; further ones are skipped with a warning.
  std::size_t max_attachments = 100;
  // Multipart and message/rfc822 nesting followed.
  std::size_t max_depth = 16;
};

Result<ParsedMessage> ParseMessage(std::string_view raw, const ParseLimits& limits = {});

}  // namespace ts::ingest::mail
