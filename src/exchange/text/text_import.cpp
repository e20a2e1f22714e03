#include "exchange/text/text_import.hpp"

#include "ingest/ascii.hpp"
#include "ingest/extract/extract.hpp"
#include "ingest/utf8.hpp"

namespace ts::exchange::text {
namespace {

constexpr std::size_t kMaxTitleBytes = 120;

ingest::TextFormat FormatOf(const std::string& file_name, std::string_view content) {
  const std::string lowered = ingest::AsciiLowered(file_name);
  if (lowered.ends_with(".html") || lowered.ends_with(".htm")) return ingest::TextFormat::kHtml;
  if (lowered.ends_with(".md") || lowered.ends_with(".markdown"))
    return ingest::TextFormat::kMarkdown;
  if (lowered.ends_with(".txt") || lowered.ends_with(".eml")) return ingest::TextFormat::kPlain;
  return ingest::GuessTextFormat(content);
}

// `s` cut to at most `max` bytes at a UTF-8 character boundary.
std::string_view CutUtf8(std::string_view s, std::size_t max) {
  if (s.size() <= max) return s;
  std::size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end);
}

std::string TitleOf(std::string_view content, ingest::TextFormat format,
                    const std::string& file_name) {
  if (format == ingest::TextFormat::kPlain || format == ingest::TextFormat::kMarkdown) {
    for (std::size_t start = 0; start < content.size();) {
      std::size_t end = content.find('\n', start);
      if (end == std::string_view::npos) end = content.size();
      std::string_view line = content.substr(start, end - start);
      while (line.starts_with('#')) line.remove_prefix(1);
      line = ingest::TrimSpace(line);
      if (!line.empty()) return std::string(CutUtf8(line, kMaxTitleBytes));
      start = end + 1;
    }
  }
  return file_name.empty() ? "Indicators extracted from text" : file_name;
}

}  // namespace

ImportBatch ParseText(const std::string& content, const ParseOptions& opts) {
  ImportBatch batch;
  batch.format = "text";
  if (const auto bad = ingest::FirstInvalidUtf8(content)) {
    batch.problems.push_back(
        {{},
         {},
         0,
         "the text is not valid UTF-8 (bad byte at offset " + std::to_string(*bad) + ")",
         true});
    return batch;
  }
  const ingest::TextFormat format = FormatOf(opts.source_name, content);
  EventDraft event;
  event.key = opts.source_name;
  event.title = TitleOf(content, format, opts.source_name);
  for (const auto& found : ingest::ExtractIndicators(content, format)) {
    ++batch.objects_read;
    switch (found.kind) {
      case ingest::Extracted::Kind::kIndicator: {
        IndicatorDraft draft;
        draft.type = model::IndicatorTypeName(found.type);
        draft.value = found.value;
        event.indicators.push_back(std::move(draft));
        break;
      }
      case ingest::Extracted::Kind::kVulnerability:
        event.tags.push_back("cve:" + found.value);
        break;
      case ingest::Extracted::Kind::kAttackTechnique:
        event.tags.push_back("attack:" + found.value);
        break;
    }
  }
  if (event.indicators.empty() && event.tags.empty()) {
    batch.problems.push_back(
        {{}, {}, 0, "no indicators, CVE or ATT&CK ids found in the text", false});
    return batch;
  }
  batch.events.push_back(std::move(event));
  return batch;
}

}  // namespace ts::exchange::text
