// What the last label of a dotted word says about it: a top-level domain
// of the root zone, a file extension, or both. Free text is full of dotted
// words (e.g., Node.js, report.docx, System.IO), so a word is only a domain
// when its last label is delegated in the DNS root.
#pragma once

#include <string_view>

namespace ts::ingest::extract {

// `label` (any letter case) is a top-level domain delegated in the IANA
// root zone and in use for names seen in reports, or a special-use name
// reserved for documentation and private networks (RFC 2606, RFC 6761,
// RFC 7686, ICANN's .internal). Punycode labels (xn--) always count.
bool IsTopLevelDomain(std::string_view label);

// `label` (any letter case) is an extension of files that attacks deliver
// or reports name: executables, scripts, documents, archives, images.
bool IsFileExtension(std::string_view label);

// Dotted product and language names (ASP.NET, Node.js) that are neither
// hosts nor files however they are written.
bool IsProductName(std::string_view dotted_word);

}  // namespace ts::ingest::extract
