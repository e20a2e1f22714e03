#include "hunt/indicator_loader.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "hunt/canonical_text.hpp"
#include "hunt/indicator_formats.hpp"
#include "hunt/input.hpp"
#include "hunt/parallel_ranges.hpp"
#include "ingest/normalize.hpp"

namespace ts::hunt {
namespace {

using model::IndicatorType;

// Address types of MISP and STIX hold an address or a block.
IndicatorType AddressType(std::string_view value) {
  if (value.find('/') != std::string_view::npos) return IndicatorType::kCidr;
  if (value.find(':') != std::string_view::npos) return IndicatorType::kIpv6;
  return IndicatorType::kIpv4;
}

enum class Outcome : std::uint8_t { kOk, kUnhuntable, kInvalid };

// Canonicalises `raw` in place (type set, value canonical); on kInvalid,
// `problem` says why.
Outcome NormaliseOne(RawIndicator& raw, std::string& problem, TextArena& kept) {
  // Most listed values are canonical already: skip detection and
  // normalisation for them (the result is the same, 10x faster).
  if (const auto known = CanonicalTypeOf(raw.value); known && (!raw.type || raw.type == known)) {
    raw.type = known;
    return Outcome::kOk;
  }
  if (!raw.type) raw.type = ingest::DetectType(raw.value);
  if (!raw.type) {
    problem =
        "cannot tell what kind of indicator '" + std::string(raw.value.substr(0, 80)) + "' is";
    return Outcome::kInvalid;
  }
  if (!IsHuntable(*raw.type)) return Outcome::kUnhuntable;
  auto value = ingest::Normalize(*raw.type, raw.value);
  if (!value) {
    problem = value.error().message;
    return Outcome::kInvalid;
  }
  raw.value = kept.Keep(*value);
  return Outcome::kOk;
}

// Normalises on `threads` threads, and hashes what it keeps for the
// set's de-duplication in the same pass: DetectType and Normalize dominate
// the load time of big lists. Returns the outcome per raw, with the key of
// each kOk one in `keys`, and the problems of the invalid ones, in order;
// changed values are kept in `kept`, one arena per thread.
std::vector<Outcome> NormaliseAll(std::vector<RawIndicator>& raws, unsigned threads,
                                  std::vector<std::uint64_t>& keys,
                                  std::vector<std::pair<std::size_t, std::string>>& problems,
                                  std::vector<TextArena>& kept) {
  std::vector<Outcome> outcomes(raws.size());
  keys.assign(raws.size(), 0);
  const std::size_t parts = PartsFor(raws.size(), threads);
  std::vector<std::vector<std::pair<std::size_t, std::string>>> found(parts);
  kept.resize(parts);
  ParallelRanges(raws.size(), parts, [&](std::size_t begin, std::size_t end, std::size_t part) {
    std::string problem;
    for (std::size_t i = begin; i < end; ++i) {
      outcomes[i] = NormaliseOne(raws[i], problem, kept[part]);
      if (outcomes[i] == Outcome::kOk)
        keys[i] = IndicatorSet::DedupKey(*raws[i].type, raws[i].value);
      if (outcomes[i] == Outcome::kInvalid) found[part].emplace_back(i, std::move(problem));
    }
  });
  for (auto& part : found)
    for (auto& p : part) problems.push_back(std::move(p));
  return outcomes;
}

// An indicator file's text: mapped in place when it is a plain file, else
// read whole from the stream OpenInput gives (standard input, pipes, gzip
// and zstd files).
struct FileText {
  std::unique_ptr<MappedFile> mapped;
  std::string read;
  std::string_view text() const { return mapped ? mapped->text() : std::string_view(read); }
};

Result<FileText> ReadFileText(const std::string& path) {
  auto opened = OpenInput(path);
  if (!opened) return opened.error();
  FileText file;
  if (opened->mapped) {
    file.mapped = std::move(opened->mapped);
    return file;
  }
  constexpr std::size_t kPiece = 1 << 20;
  for (;;) {
    const std::size_t at = file.read.size();
    file.read.resize(at + kPiece);
    auto n = opened->stream->Read(file.read.data() + at, kPiece);
    if (!n) return n.error();
    file.read.resize(at + *n);
    if (*n == 0) return file;
  }
}

// "line L" of a byte offset in `text`.
std::string LineAt(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  return "line " +
         std::to_string(
             std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n') +
             1);
}

}  // namespace

std::optional<IndicatorType> TypeFromName(std::string_view name, std::string_view value) {
  if (name == "ip-dst" || name == "ip-src" || name == "ipv4-addr" || name == "ipv6-addr" ||
      name == "ip" || name == "ipv4" || name == "ipv6")
    return AddressType(value);
  if (name == "domain-name") return IndicatorType::kDomain;
  if (name == "ja3-fingerprint-md5") return IndicatorType::kJa3;
  if (name == "email-src" || name == "email-dst" || name == "email")
    return IndicatorType::kEmailAddr;
  return model::ParseIndicatorType(name);
}

Status LoadIndicators(const std::string& path, IndicatorSet& set, LoadReport& report,
                      unsigned threads) {
  const auto file = ReadFileText(path);
  if (!file) return file.error();
  const std::string_view text = file->text();
  ReadResult read;
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && (text[first] == '{' || text[first] == '[')) {
    nlohmann::json document;
    try {
      document = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
      return Error::Invalid(path + ": " + LineAt(text, e.byte == 0 ? 0 : e.byte - 1) +
                            ": not valid JSON (" + e.what() + ")");
    } catch (const nlohmann::json::exception& e) {  // e.g. a number beyond a double's range
      return Error::Invalid(path + ": not usable JSON (" + e.what() + ")");
    }
    const Status status = IsStixDocument(document) ? ReadStixIndicators(document, read)
                                                   : ReadMispIndicators(document, read);
    if (!status.ok()) return Error::Invalid(path + ": " + status.error().message);
  } else if (HasCsvIndicatorHeader(text)) {
    const Status status = ReadCsvIndicators(text, read);
    if (!status.ok()) return Error::Invalid(path + ": " + status.error().message);
  } else {
    ReadPlainIndicators(text, read, threads);
  }
  for (const std::string& w : read.warnings) report.warnings.push_back(path + ": " + w);
  report.read += read.indicators.size() + read.unhuntable + read.unsupported + read.invalid;
  report.unhuntable += read.unhuntable;
  report.unsupported += read.unsupported;
  report.invalid += read.invalid;

  std::vector<std::pair<std::size_t, std::string>> problems;
  std::vector<TextArena> normalised;
  std::vector<std::uint64_t> keys;
  const std::vector<Outcome> outcomes =
      NormaliseAll(read.indicators, threads, keys, problems, normalised);
  for (const auto& [i, problem] : problems) {
    const std::size_t line = read.indicators[i].line;
    report.warnings.push_back(path + (line ? ": line " + std::to_string(line) : std::string()) +
                              ": skipped: " + problem);
  }
  report.invalid += problems.size();
  set.Reserve(outcomes.size());
  constexpr std::size_t kAhead = 16;  // adds wait on memory: prefetch ahead
  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    if (i + kAhead < keys.size()) set.Prefetch(keys[i + kAhead]);
    if (outcomes[i] == Outcome::kUnhuntable) ++report.unhuntable;
    if (outcomes[i] != Outcome::kOk) continue;
    const RawIndicator& raw = read.indicators[i];
    const Origin& origin = read.origins[raw.origin];
    const auto added =
        set.Add(Indicator{*raw.type, raw.value, origin.event, origin.campaign}, keys[i]);
    if (added == IndicatorSet::AddResult::kAdded) ++report.added;
    if (added == IndicatorSet::AddResult::kDuplicate) ++report.duplicates;
    if (added == IndicatorSet::AddResult::kUnhuntable) ++report.unhuntable;
  }
  return {};
}

}  // namespace ts::hunt
