#include "ingest/mail/text_decoding.hpp"

#include <glib.h>

#include <memory>
#include <optional>

#include "ingest/ascii.hpp"
#include "ingest/mail/gmime_setup.hpp"
#include "ingest/utf8.hpp"

namespace ts::ingest::mail {
namespace {

struct GFreeDeleter {
  void operator()(char* p) const { g_free(p); }
};
using GString_ = std::unique_ptr<char, GFreeDeleter>;

bool HasIso2022Escape(std::string_view s) {
  return s.find("\x1b$") != std::string_view::npos || s.find("\x1b(") != std::string_view::npos;
}

// Exact conversion to UTF-8, nullopt when any byte does not convert.
std::optional<std::string> Convert(std::string_view bytes, const char* charset) {
  gsize written = 0;
  GError* error = nullptr;
  GString_ out(g_convert(bytes.data(), static_cast<gssize>(bytes.size()), "UTF-8", charset, nullptr,
                         &written, &error));
  if (error != nullptr) g_error_free(error);
  if (!out) return std::nullopt;
  return std::string(out.get(), written);
}

// Mailers label CP932 as Shift_JIS and the ISO-2022-JP extensions of
// Windows as plain ISO-2022-JP; the supersets read both correctly.
const char* Superset(std::string_view charset) {
  const std::string name = AsciiLowered(charset);
  if (name == "shift_jis" || name == "x-sjis" || name == "sjis" || name == "windows-31j")
    return "CP932";
  if (name == "iso-2022-jp") return "ISO-2022-JP-3";
  if (name == "euc-jp" || name == "x-euc-jp") return "EUC-JP-MS";
  return nullptr;
}

std::optional<std::string> ConvertDeclared(std::string_view bytes, std::string_view charset) {
  if (charset.empty()) return std::nullopt;
  const std::string name(charset);
  if (auto text = Convert(bytes, name.c_str())) return text;
  if (const char* wider = Superset(charset)) return Convert(bytes, wider);
  return std::nullopt;
}

// Best effort for bytes of unknown charset; never fails.
std::string Guess(std::string_view bytes) {
  if (!FirstInvalidUtf8(bytes)) {
    if (!HasIso2022Escape(bytes)) return std::string(bytes);
    for (const char* cs : {"ISO-2022-JP-3", "ISO-2022-JP-2"})
      if (auto text = Convert(bytes, cs)) return *text;
    return std::string(bytes);
  }
  GString_ out(g_mime_utils_decode_8bit(MailParserOptions(), bytes.data(), bytes.size()));
  return out ? std::string(out.get()) : std::string();
}

}  // namespace

std::string UndeclaredToUtf8(std::string_view raw) {
  return Guess(raw);
}

std::string DecodeHeaderText(std::string_view raw) {
  const std::string utf8 = Guess(raw);
  GString_ decoded(g_mime_utils_header_decode_text(MailParserOptions(), utf8.c_str()));
  return CollapseSpaces(decoded ? decoded.get() : "");
}

std::string ValidUtf8(std::string_view s) {
  std::string out;
  while (auto bad = FirstInvalidUtf8(s)) {
    out.append(s.substr(0, *bad));
    out += "\xEF\xBF\xBD";
    s.remove_prefix(*bad + 1);
  }
  out.append(s);
  return out;
}

std::string BodyToUtf8(std::string_view bytes, std::string_view charset) {
  if (auto text = ConvertDeclared(bytes, charset)) return *text;
  return Guess(bytes);
}

}  // namespace ts::ingest::mail
