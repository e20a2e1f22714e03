// Import of free text (reports, advisories, mail bodies saved as .txt, .md
// or .html): one event holding the indicators ingest/extract finds, with
// CVE ids as tags "cve:CVE-…" and ATT&CK ids as tags "attack:T…".
#pragma once

#include <string>

#include "exchange/format.hpp"
#include "exchange/import_batch.hpp"

namespace ts::exchange::text {

// The event's title is the text's first line (shortened), else the file
// name; Markdown and HTML are recognised by the file name's extension, else
// by the content. Text that is not UTF-8 is a fatal problem; text without
// findings is a (non-fatal) problem, so that an empty event is not created
// without the user asking for it.
ImportBatch ParseText(const std::string& content, const ParseOptions& opts);

}  // namespace ts::exchange::text
