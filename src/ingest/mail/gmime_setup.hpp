// GMime is initialised once per process and its parser options are shared:
// after initialisation GMime may be used from any thread as long as each
// thread works on its own objects, which the parser here does.
#pragma once

#include <gmime/gmime.h>

#include <string>
#include <vector>

namespace ts::ingest::mail {

// The parser options of this project (fallback charsets for raw 8-bit
// headers, loose RFC 2047 handling as real mailers need), after making sure
// g_mime_init has run. Never freed: they live as long as the process.
GMimeParserOptions* MailParserOptions();

// While alive, collects the problems GMime's parser reports on this thread
// (the shared options carry one callback, which writes to the collector of
// the calling thread) as sentences with their byte offsets.
class ParserWarnings {
 public:
  ParserWarnings();
  ~ParserWarnings();
  ParserWarnings(const ParserWarnings&) = delete;
  ParserWarnings& operator=(const ParserWarnings&) = delete;

  std::vector<std::string> Take() { return std::move(warnings_); }
  void Add(std::string warning);

 private:
  std::vector<std::string> warnings_;
  ParserWarnings* previous_;
};

}  // namespace ts::ingest::mail
