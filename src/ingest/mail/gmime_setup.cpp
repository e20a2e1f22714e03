#include "ingest/mail/gmime_setup.hpp"

#include <fmt/format.h>

#include <mutex>

namespace ts::ingest::mail {
namespace {

thread_local ParserWarnings* current_warnings = nullptr;

const char* Describe(GMimeParserWarning code) {
  switch (code) {
    case GMIME_WARN_DUPLICATED_HEADER:
      return "a header that may appear once is repeated";
    case GMIME_WARN_DUPLICATED_PARAMETER:
      return "a header parameter is repeated";
    case GMIME_WARN_UNENCODED_8BIT_HEADER:
      return "a header holds raw 8-bit text (decoded with the fallback charsets)";
    case GMIME_WARN_INVALID_CONTENT_TYPE:
      return "invalid Content-Type, read as application/octet-stream";
    case GMIME_WARN_INVALID_RFC2047_HEADER_VALUE:
      return "invalid RFC 2047 encoded word";
    case GMIME_WARN_INVALID_PARAMETER:
      return "invalid header parameter";
    case GMIME_WARN_MALFORMED_MULTIPART:
      return "multipart without parts or without its closing boundary";
    case GMIME_WARN_TRUNCATED_MESSAGE:
      return "the message is truncated";
    case GMIME_WARN_MALFORMED_MESSAGE:
      return "the message is malformed";
    case GMIME_WARN_INVALID_ADDRESS_LIST:
      return "invalid address list";
    case GMIME_CRIT_INVALID_HEADER_NAME:
      return "invalid header name; parts of the message may be skipped";
    case GMIME_CRIT_CONFLICTING_HEADER:
      return "conflicting headers";
    case GMIME_CRIT_CONFLICTING_PARAMETER:
      return "conflicting header parameters";
    case GMIME_CRIT_MULTIPART_WITHOUT_BOUNDARY:
      return "multipart without a boundary parameter";
    case GMIME_CRIT_NESTING_OVERFLOW:
      return "MIME nesting too deep; inner parts skipped";
    case GMIME_WARN_PART_WITHOUT_CONTENT:
      return "a MIME part ends before its content";
    case GMIME_CRIT_PART_WITHOUT_HEADERS_OR_CONTENT:
      return "a MIME part has neither headers nor content";
  }
  return "parser problem";
}

void OnWarning(gint64 offset, GMimeParserWarning code, const gchar* item, gpointer) {
  ParserWarnings* sink = current_warnings;
  if (sink == nullptr) return;
  std::string text = fmt::format("byte {}: {}", offset, Describe(code));
  if (item != nullptr && *item != '\0' && code != GMIME_WARN_UNENCODED_8BIT_HEADER) {
    // The item is message text: one line, printable ASCII, bounded.
    std::string shown;
    for (const char* p = item; *p != '\0' && shown.size() < 60; ++p)
      shown += (*p >= ' ' && *p < 0x7f) ? *p : ' ';
    while (!shown.empty() && shown.back() == ' ') shown.pop_back();
    if (!shown.empty()) text += " (" + shown + ")";
  }
  sink->Add(std::move(text));
}

}  // namespace

ParserWarnings::ParserWarnings() : previous_(current_warnings) {
  current_warnings = this;
}
ParserWarnings::~ParserWarnings() {
  current_warnings = previous_;
}

void ParserWarnings::Add(std::string warning) {
  // A hostile message can raise one warning per header line.
  constexpr std::size_t kMaxWarnings = 50;
  if (warnings_.size() < kMaxWarnings) warnings_.push_back(std::move(warning));
}

GMimeParserOptions* MailParserOptions() {
  static std::once_flag once;
  static GMimeParserOptions* options = nullptr;
  std::call_once(once, [] {
    g_mime_init();
    options = g_mime_parser_options_new();
    // Raw 8-bit Japanese headers: EUC-JP before CP932, because EUC-JP text
    // also reads as (wrong) half-width katakana in CP932, while CP932 text
    // is almost never valid EUC-JP.
    static const char* fallback[] = {"UTF-8", "EUC-JP", "CP932", "ISO-8859-1", nullptr};
    g_mime_parser_options_set_fallback_charsets(options, fallback);
    g_mime_parser_options_set_rfc2047_compliance_mode(options, GMIME_RFC_COMPLIANCE_LOOSE);
    g_mime_parser_options_set_parameter_compliance_mode(options, GMIME_RFC_COMPLIANCE_LOOSE);
    g_mime_parser_options_set_address_compliance_mode(options, GMIME_RFC_COMPLIANCE_LOOSE);
    g_mime_parser_options_set_warning_callback(options, OnWarning, nullptr);
  });
  return options;
}

}  // namespace ts::ingest::mail
