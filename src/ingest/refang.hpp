// Undoes defanging: the ways analysts break indicators in reports and
// e-mails so that nobody clicks or resolves them by accident.
#pragma once

#include <string>
#include <string_view>

namespace ts::ingest {

// `s` (valid UTF-8) with, in this order:
//  - full-width ASCII (U+FF01..U+FF5E, e.g. ｅｖｉｌ．ｅｘａｍｐｌｅ) folded to ASCII;
//  - bracketed tokens, in any letter case, replaced: [.] (.) {.} [dot] (dot)
//    {dot} -> "."   [:] -> ":"   [://] -> "://"   [/] -> "/"
//    [@] (at) [at] {at} -> "@";
//  - a leading defanged scheme replaced: hxxp: hxxps: fxp: (any case).
// repeated until nothing changes, so Refang(Refang(s)) == Refang(s). The
// ideographic full stop is left to host-name normalisation, because outside
// host names it is ordinary text.
std::string Refang(std::string_view s);

}  // namespace ts::ingest
