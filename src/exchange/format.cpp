// Format names, detection and the dispatch to each format's parser/writer.
#include "exchange/format.hpp"

#include <fstream>

#include "exchange/csv/csv_export.hpp"
#include "exchange/csv/csv_import.hpp"
#include "exchange/misp/misp_export.hpp"
#include "exchange/misp/misp_import.hpp"
#include "exchange/stix/stix_export.hpp"
#include "exchange/stix/stix_import.hpp"
#include "exchange/text/text_import.hpp"

namespace ts::exchange {
namespace {

// Padding simdjson needs past the end of its input (SIMDJSON_PADDING).

ImportBatch Unsupported(Format f) {
  ImportBatch b;
  b.format = std::string(FormatName(f));
  b.problems.push_back(
      {{}, {}, 0, "importing " + std::string(FormatName(f)) + " is not supported", true});
  return b;
}

bool StartsLikeJsonObject(std::string_view head) {
  size_t i = head.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  return i != std::string_view::npos && head[i] == '{';
}

}  // namespace

std::string_view FormatName(Format f) {
  switch (f) {
    case Format::kStix:
      return "stix";
    case Format::kMisp:
      return "misp";
    case Format::kCsv:
      return "csv";
    case Format::kText:
      return "text";
  }
  return "text";
}

std::optional<Format> ParseFormat(std::string_view name) {
  for (Format f : {Format::kStix, Format::kMisp, Format::kCsv, Format::kText})
    if (FormatName(f) == name) return f;
  return std::nullopt;
}

Format DetectFormat(std::string_view file_name, std::string_view head) {
  if (StartsLikeJsonObject(head)) {
    // Both formats name their top-level kind within the first few hundred
    // bytes in every producer we know of.
    std::string_view start = head.substr(0, 4096);
    if (start.find("\"bundle\"") != std::string_view::npos &&
        start.find("\"type\"") != std::string_view::npos)
      return Format::kStix;
    if (start.find("\"Event\"") != std::string_view::npos ||
        start.find("\"response\"") != std::string_view::npos)
      return Format::kMisp;
    if (start.find("\"spec_version\"") != std::string_view::npos) return Format::kStix;
  }
  auto ends_with = [&](std::string_view suffix) {
    return file_name.size() >= suffix.size() &&
           file_name.substr(file_name.size() - suffix.size()) == suffix;
  };
  if (ends_with(".csv") || ends_with(".CSV")) return Format::kCsv;
  return Format::kText;
}

ImportBatch Parse(Format f, const std::string& content, const ParseOptions& opts) {
  switch (f) {
    case Format::kStix:
      return stix::ParseBundle(content, opts);
    case Format::kText:
      return text::ParseText(content, opts);
    case Format::kMisp:
      return misp::ParseMisp(content, opts);
    case Format::kCsv:
      return csv::ParseCsv(content, opts);
  }
  return Unsupported(f);
}

Result<std::string> Write(Format f, const ExportSet& set) {
  switch (f) {
    case Format::kStix:
      return stix::WriteBundle(set);
    case Format::kMisp:
      return misp::WriteMisp(set);
    case Format::kCsv:
      return csv::WriteCsv(set);
    case Format::kText:
      break;
  }
  return Error::Invalid("exporting " + std::string(FormatName(f)) + " is not supported", "format");
}

namespace {

// The whole file, with the padding parsers need to parse in place.
Result<std::string> ReadWhole(std::ifstream& in, const std::string& path, size_t size) {
  std::string data;
  data.reserve(size + kParsePadding);
  data.resize(size);
  in.seekg(0);
  if (size > 0 && !in.read(data.data(), static_cast<std::streamsize>(size)))
    return Error::Invalid(path + ": cannot read the file", "file");
  return data;
}

}  // namespace

Result<ImportBatch> ParseFile(const std::string& path, std::optional<Format> format,
                              const ParseOptions& opts, size_t max_bytes) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return Error::Invalid(path + ": cannot open the file", "file");
  auto size = static_cast<size_t>(in.tellg());
  if (size > max_bytes)
    return Error::TooLarge(path + ": file is larger than " + std::to_string(max_bytes) + " bytes");
  in.seekg(0);
  std::string piece(std::min<size_t>(size, 4096), '\0');
  if (!in.read(piece.data(), static_cast<std::streamsize>(piece.size())))
    return Error::Invalid(path + ": cannot read the file", "file");
  if (!format) format = DetectFormat(path, piece);
  if (*format != Format::kStix) {
    auto content = ReadWhole(in, path, size);
    if (!content) return content.error();
    return Parse(*format, *content, opts);
  }
  stix::BundleImport bundle(opts, size);
  bundle.Feed(piece);
  piece.resize(1u << 20);
  while (in.read(piece.data(), static_cast<std::streamsize>(piece.size())) || in.gcount() > 0)
    bundle.Feed(std::string_view(piece.data(), static_cast<size_t>(in.gcount())));
  if (in.bad()) return Error::Invalid(path + ": cannot read the file", "file");
  return bundle.Finish();
}

}  // namespace ts::exchange
