#include "ingest/content/strings.hpp"

#include <algorithm>

namespace ts::ingest::content {
namespace {

// What `strings` prints: printable ASCII and tab.
bool Printable(unsigned char c) {
  return (c >= 0x20 && c < 0x7f) || c == '\t';
}

class Collector {
 public:
  explicit Collector(const StringsOptions& options) : options_(options) {}

  // Ends a run of `count` characters starting at `offset`; keeps it when
  // long enough. False once the cap is reached.
  bool Flush(FoundString::Encoding encoding, std::size_t offset, std::string& run) {
    if (run.size() >= options_.min_length) {
      if (out_.strings.size() >= options_.max_strings) {
        out_.truncated = true;
        return false;
      }
      out_.strings.push_back({encoding, offset, run});
    }
    run.clear();
    return true;
  }

  // Adds a character to a run, cut at max_length (the rest of the run is
  // still consumed but not kept).
  void Add(std::string& run, char c) const {
    if (run.size() < options_.max_length) run.push_back(c);
  }

  FoundStrings Take() {
    std::stable_sort(
        out_.strings.begin(), out_.strings.end(),
        [](const FoundString& a, const FoundString& b) { return a.offset < b.offset; });
    return std::move(out_);
  }

 private:
  const StringsOptions& options_;
  FoundStrings out_;
};

}  // namespace

FoundStrings ExtractStrings(std::string_view data, const StringsOptions& options) {
  Collector collector(options);
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(data[i]); };

  std::string run;
  std::size_t start = 0;
  bool more = true;
  for (std::size_t i = 0; i < data.size() && more; ++i) {
    if (Printable(byte(i))) {
      if (run.empty()) start = i;
      collector.Add(run, data[i]);
    } else {
      more = collector.Flush(FoundString::Encoding::kAscii, start, run);
    }
  }
  if (more) more = collector.Flush(FoundString::Encoding::kAscii, start, run);

  // UTF-16LE: printable ASCII characters each followed by a zero byte, at
  // either alignment.
  for (std::size_t align = 0; align < 2 && more; ++align) {
    run.clear();
    for (std::size_t i = align; i + 1 < data.size() && more; i += 2) {
      if (Printable(byte(i)) && byte(i + 1) == 0) {
        if (run.empty()) start = i;
        collector.Add(run, data[i]);
      } else {
        more = collector.Flush(FoundString::Encoding::kUtf16le, start, run);
      }
    }
    if (more) more = collector.Flush(FoundString::Encoding::kUtf16le, start, run);
  }
  return collector.Take();
}

std::vector<Extracted> IndicatorsInStrings(const FoundStrings& strings) {
  // One text with a line per string: the extractor then sees every string
  // once and de-duplicates across them; offsets are mapped back after.
  std::string text;
  std::vector<std::pair<std::size_t, std::size_t>> starts;  // text offset, data offset
  for (const auto& s : strings.strings) {
    starts.emplace_back(text.size(), s.offset);
    text.append(s.text);
    text.push_back('\n');
  }
  std::vector<Extracted> found = ExtractIndicators(text, TextFormat::kPlain);
  for (auto& e : found) {
    auto it = std::upper_bound(starts.begin(), starts.end(), e.offset,
                               [](std::size_t off, const auto& p) { return off < p.first; });
    if (it == starts.begin()) continue;
    --it;
    const auto& s = strings.strings[static_cast<std::size_t>(it - starts.begin())];
    const std::size_t within = e.offset - it->first;
    // A UTF-16 character takes two bytes of the data.
    e.offset = it->second + (s.encoding == FoundString::Encoding::kUtf16le ? 2 * within : within);
  }
  return found;
}

}  // namespace ts::ingest::content
