// Runs a scope of this thread in a UTF-8 character locale. libarchive
// converts archive member names to the current locale's charset; in the
// "C" locale a process starts in, every non-ASCII name (UTF-8 zip names
// included) fails to convert and the member comes out nameless. uselocale
// changes only the calling thread, so this is safe in a server; the
// process-wide locale (setlocale) is never touched.
#pragma once

#include <locale.h>

namespace ts::ingest::content {

class Utf8Locale {
 public:
  Utf8Locale();
  ~Utf8Locale();
  Utf8Locale(const Utf8Locale&) = delete;
  Utf8Locale& operator=(const Utf8Locale&) = delete;

 private:
  locale_t previous_ = nullptr;
};

}  // namespace ts::ingest::content
