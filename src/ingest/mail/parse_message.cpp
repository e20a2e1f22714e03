#include "ingest/mail/parse_message.hpp"

#include <fmt/format.h>

#include <memory>

#include "ingest/ascii.hpp"
#include "ingest/mail/auth_results.hpp"
#include "ingest/mail/gmime_setup.hpp"
#include "ingest/mail/received.hpp"
#include "ingest/mail/text_decoding.hpp"

namespace ts::ingest::mail {
namespace {

struct GObjectDeleter {
  void operator()(void* p) const { g_object_unref(p); }
};
template <typename T>
using GPtr = std::unique_ptr<T, GObjectDeleter>;

struct GFreeDeleter {
  void operator()(char* p) const { g_free(p); }
};
using GText = std::unique_ptr<char, GFreeDeleter>;

std::string Str(const char* s) {
  return s == nullptr ? std::string() : std::string(s);
}

void AddMailboxes(InternetAddressList* list, std::vector<Mailbox>& out) {
  if (list == nullptr) return;
  const int n = internet_address_list_length(list);
  for (int i = 0; i < n; ++i) {
    InternetAddress* a = internet_address_list_get_address(list, i);
    if (INTERNET_ADDRESS_IS_GROUP(a)) {
      AddMailboxes(internet_address_group_get_members(INTERNET_ADDRESS_GROUP(a)), out);
    } else if (INTERNET_ADDRESS_IS_MAILBOX(a)) {
      out.push_back({Str(internet_address_get_name(a)),
                     Str(internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(a)))});
    }
  }
}

std::vector<Mailbox> ParseAddresses(std::string_view raw) {
  std::vector<Mailbox> out;
  const std::string utf8 = UndeclaredToUtf8(raw);
  GPtr<InternetAddressList> list(internet_address_list_parse(MailParserOptions(), utf8.c_str()));
  AddMailboxes(list.get(), out);
  return out;
}

std::string AddrSpec(std::string_view decoded) {
  std::string_view v = decoded;
  if (const std::size_t open = v.find('<'); open != std::string_view::npos) {
    v.remove_prefix(open + 1);
    v = v.substr(0, v.find('>'));
  }
  while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
  while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
  return std::string(v);
}

// The top-level headers, in message order.
void ReadHeaders(GMimeObject* message, ParsedMessage& m) {
  GMimeHeaderList* list = g_mime_object_get_header_list(message);
  const int n = g_mime_header_list_get_count(list);
  std::vector<std::vector<AuthResult>> auth_headers;
  std::vector<AuthResult> received_spf;
  for (int i = 0; i < n; ++i) {
    GMimeHeader* h = g_mime_header_list_get_header_at(list, i);
    const std::string name = AsciiLowered(Str(g_mime_header_get_name(h)));
    const std::string raw = Str(g_mime_header_get_raw_value(h));
    auto first = [](std::string& field, std::string value) {
      if (field.empty()) field = std::move(value);
    };
    if (name == "subject") {
      first(m.subject, DecodeHeaderText(raw));
    } else if (name == "from") {
      if (m.from.empty()) m.from = ParseAddresses(raw);
    } else if (name == "reply-to") {
      if (m.reply_to.empty()) m.reply_to = ParseAddresses(raw);
    } else if (name == "to") {
      auto more = ParseAddresses(raw);
      m.to.insert(m.to.end(), more.begin(), more.end());
    } else if (name == "return-path") {
      first(m.return_path, AddrSpec(DecodeHeaderText(raw)));
    } else if (name == "date") {
      first(m.date, DecodeHeaderText(raw));
    } else if (name == "message-id") {
      first(m.message_id, AddrSpec(DecodeHeaderText(raw)));
    } else if (name == "x-mailer") {
      m.x_mailer = DecodeHeaderText(raw);
    } else if (name == "user-agent") {
      first(m.x_mailer, DecodeHeaderText(raw));
    } else if (name == "received") {
      m.hops.push_back(ParseReceived(DecodeHeaderText(raw)));
    } else if (name == "authentication-results") {
      auth_headers.push_back(ParseAuthenticationResults(DecodeHeaderText(raw)));
    } else if (name == "received-spf") {
      received_spf.push_back(ParseReceivedSpf(DecodeHeaderText(raw)));
    }
  }
  m.authentication = TrustedResults(auth_headers);
  const bool has_spf = std::any_of(m.authentication.begin(), m.authentication.end(),
                                   [](const AuthResult& r) { return r.method == "spf"; });
  if (!has_spf && !received_spf.empty()) m.authentication.push_back(received_spf.front());
}

std::string Bytes(GMimePart* part) {
  GMimeDataWrapper* content = g_mime_part_get_content(part);
  if (content == nullptr) return {};
  GPtr<GMimeStream> stream(g_mime_stream_mem_new());
  g_mime_data_wrapper_write_to_stream(content, stream.get());
  GByteArray* bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(stream.get()));
  return std::string(reinterpret_cast<const char*>(bytes->data), bytes->len);
}

class PartWalker {
 public:
  PartWalker(ParsedMessage& m, const ParseLimits& limits) : m_(m), limits_(limits) {}

  void Walk(GMimeObject* object, std::size_t depth) {
    if (object == nullptr) return;
    if (depth > limits_.max_depth) {
      if (!deep_warned_) m_.warnings.push_back("MIME nesting too deep; inner parts skipped");
      deep_warned_ = true;
      return;
    }
    if (GMIME_IS_MULTIPART(object)) {
      GMimeMultipart* multipart = GMIME_MULTIPART(object);
      const int n = g_mime_multipart_get_count(multipart);
      for (int i = 0; i < n; ++i) Walk(g_mime_multipart_get_part(multipart, i), depth + 1);
    } else if (GMIME_IS_MESSAGE_PART(object)) {
      // A forwarded message: its bodies and attachments are this mail's too.
      GMimeMessage* inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(object));
      if (inner != nullptr) Walk(g_mime_message_get_mime_part(inner), depth + 1);
    } else if (GMIME_IS_PART(object)) {
      Leaf(GMIME_PART(object));
    }
  }

 private:
  void Leaf(GMimePart* part) {
    GMimeObject* object = GMIME_OBJECT(part);
    GMimeContentType* type = g_mime_object_get_content_type(object);
    GText mime(type != nullptr ? g_mime_content_type_get_mime_type(type) : nullptr);
    const std::string content_type = AsciiLowered(mime ? mime.get() : "application/octet-stream");
    const std::string name = Str(g_mime_part_get_filename(part));
    GMimeContentDisposition* disposition = g_mime_object_get_content_disposition(object);
    const bool attached =
        disposition != nullptr && g_mime_content_disposition_is_attachment(disposition);
    const bool text = content_type == "text/plain" || content_type == "text/html";
    if (text && name.empty() && !attached) {
      const std::string charset = Str(g_mime_object_get_content_type_parameter(object, "charset"));
      std::string body = BodyToUtf8(Bytes(part), charset);
      std::string& into = content_type == "text/html" ? m_.html_body : m_.text_body;
      if (!into.empty()) into += "\n\n";
      into += body;
      return;
    }
    if (m_.attachments.size() >= limits_.max_attachments) {
      if (!many_warned_)
        m_.warnings.push_back(
            fmt::format("more than {} attachments; the rest skipped", limits_.max_attachments));
      many_warned_ = true;
      return;
    }
    m_.attachments.push_back({name, content_type, Bytes(part)});
  }

  ParsedMessage& m_;
  const ParseLimits& limits_;
  bool deep_warned_ = false;
  bool many_warned_ = false;
};

}  // namespace

Result<ParsedMessage> ParseMessage(std::string_view raw, const ParseLimits& limits) {
  GMimeParserOptions* options = MailParserOptions();
  ParserWarnings warnings;
  GPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(raw.data(), raw.size()));
  GPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
  GPtr<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), options));
  if (!message) return Error::Invalid("not a mail message: no RFC 5322 headers found");
  ParsedMessage m;
  ReadHeaders(GMIME_OBJECT(message.get()), m);
  if (g_mime_header_list_get_count(g_mime_object_get_header_list(GMIME_OBJECT(message.get()))) == 0)
    return Error::Invalid("not a mail message: no RFC 5322 headers found");
  PartWalker(m, limits).Walk(g_mime_message_get_mime_part(message.get()), 0);
  std::vector<std::string> parser_warnings = warnings.Take();
  m.warnings.insert(m.warnings.begin(), parser_warnings.begin(), parser_warnings.end());
  return m;
}

}  // namespace ts::ingest::mail
