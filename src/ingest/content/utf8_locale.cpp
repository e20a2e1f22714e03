#include "ingest/content/utf8_locale.hpp"

namespace ts::ingest::content {
namespace {

// Made once, never freed; null when the system has no C.UTF-8 locale, in
// which case the thread's locale is left as it is.
locale_t Utf8CharacterLocale() {
  static const locale_t utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(nullptr));
  return utf8;
}

}  // namespace

Utf8Locale::Utf8Locale() {
  if (const locale_t utf8 = Utf8CharacterLocale()) previous_ = uselocale(utf8);
}

Utf8Locale::~Utf8Locale() {
  if (previous_ != nullptr) uselocale(previous_);
}

}  // namespace ts::ingest::content
