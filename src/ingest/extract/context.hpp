// The words around a dotted or numbered word that tell what it is: "version
// 1.2.3.4" is no address and "the attachment update.com" no domain. Checks
// read the prose on the same line only, in English and Japanese.
#pragma once

#include <cstddef>
#include <string_view>

namespace ts::ingest::extract {

// The word at [begin, end) of `text` is a version or a section number: a
// version word comes right before it (version, ver., v, build, firmware,
// バージョン, section, 第, 図, ...),
// possibly across a list of other version numbers ("versions 1.0.0.1,
// 1.0.0.2 and 1.0.1.0"), or a range or section word right after it (以前,
// 以降, 未満, or earlier, and later, 項, 節).
bool SaysVersion(std::string_view text, std::size_t begin, std::size_t end);

// A file word comes right before the word (file, attachment, ファイル,
// 添付, ファイル名 ...) or right after it (ファイル, という名前).
bool SaysFile(std::string_view text, std::size_t begin, std::size_t end);

// A host word comes right before the word (domain, host, C2, ドメイン,
// 通信先 ...) or a network verb right after it (へ通信, に接続, resolves).
bool SaysHost(std::string_view text, std::size_t begin, std::size_t end);

// Start of the Japanese stem of a name whose ASCII part starts at `at`
// ("請求書" of 「請求書.pdf.exe」): back over letters that are not ASCII,
// stopping at blanks, punctuation and brackets, and after label words such
// as ファイル or 添付. `at` itself when there is none.
std::size_t JapaneseStemStart(std::string_view text, std::size_t at);

}  // namespace ts::ingest::extract
