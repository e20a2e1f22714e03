// Squid's native access.log: "time.ms elapsed client code/status bytes
// method URL user hierarchy/peer type", blank-separated (elapsed is padded
// with blanks). The URL, the client and the peer the proxy reached are
// looked up; CONNECT requests log "host:port" instead of a URL.
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "hunt/log_format.hpp"
#include "ingest/ascii.hpp"

namespace ts::hunt {
namespace {

// Up to the hierarchy/peer field: the content type after it is never read,
// so splitting stops before it.
constexpr std::size_t kFields = 9;
constexpr std::size_t kRequiredFields = 7;  // up to the URL

// Splits at runs of blanks; returns how many fields were found (at most
// kFields; the rest of a longer line is not looked at). The hot loop of a
// proxy-log hunt: with SSE2, blanks are found 16 bytes at a time and field
// boundaries read off the bit masks.
std::size_t SplitFields(std::string_view line, std::array<std::string_view, kFields>& out) {
  std::size_t n = 0;
  std::size_t start = 0;
  bool blank_before = true;  // the line start acts as a blank
  auto boundary = [&](std::size_t at, bool is_start) {
    if (is_start) {
      start = at;
    } else {
      out[n++] = line.substr(start, at - start);
    }
  };
  std::size_t i = 0;
#ifdef __SSE2__
  const __m128i space = _mm_set1_epi8(' ');
  const __m128i tab = _mm_set1_epi8('\t');
  for (; i + 16 <= line.size() && n < kFields; i += 16) {
    const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(line.data() + i));
    const auto blanks = static_cast<std::uint32_t>(
        _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(chunk, space), _mm_cmpeq_epi8(chunk, tab))));
    const std::uint32_t others = ~blanks & 0xFFFFU;
    // A field starts at a non-blank after a blank, ends at a blank after one.
    const std::uint32_t before = (blanks << 1) | (blank_before ? 1U : 0U);
    std::uint32_t edges = (others & before) | (blanks & ~before & 0xFFFFU);
    while (edges != 0 && n < kFields) {
      const auto bit = static_cast<std::size_t>(std::countr_zero(edges));
      boundary(i + bit, (others >> bit) & 1U);
      edges &= edges - 1;
    }
    blank_before = (blanks >> 15) & 1U;
  }
#endif
  for (; i < line.size() && n < kFields; ++i) {
    const bool blank = line[i] == ' ' || line[i] == '\t';
    if (blank != blank_before) boundary(i, !blank);
    blank_before = blank;
  }
  if (!blank_before && n < kFields) out[n++] = line.substr(start);
  return n;
}

#ifdef __SSE2__
// The offset of the first "\n" in `text` at or after `from`, or its size:
// the content type after the last field read is a few dozen bytes, too
// short to be worth a call to memchr.
std::size_t NewlineFrom(std::string_view text, std::size_t from) {
  const __m128i newline = _mm_set1_epi8('\n');
  for (; from + 16 <= text.size(); from += 16) {
    const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + from));
    if (const auto found = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(chunk, newline))))
      return from + static_cast<std::size_t>(std::countr_zero(found));
  }
  while (from < text.size() && text[from] != '\n') ++from;
  return from;
}
#endif

// The offset of `c` in a field of a dozen bytes, or npos: a loop costs
// less than a call to memchr at that length.
std::size_t FindInField(std::string_view field, char c) {
  for (std::size_t i = 0; i < field.size(); ++i)
    if (field[i] == c) return i;
  return std::string_view::npos;
}

// SplitFields over the first line of `text` (which runs on past it), finding
// the line's end in the same pass: the line is not scanned twice. Returns
// false, having done nothing useful, unless all kFields fields end before
// the line does; then `next` is the offset past the line's "\n" (or the end
// of `text`) and `line` the line without its terminator. With kFields met
// before the terminator the fields are exactly what SplitFields(line) finds,
// as both read the same bytes up to the last field's end.
bool SplitFirstLine(std::string_view text, std::array<std::string_view, kFields>& out,
                    std::string_view& line, std::size_t& next) {
#ifdef __SSE2__
  std::size_t n = 0;
  std::size_t start = 0;
  bool blank_before = true;
  const __m128i space = _mm_set1_epi8(' ');
  const __m128i tab = _mm_set1_epi8('\t');
  const __m128i newline = _mm_set1_epi8('\n');
  std::size_t i = 0;
  for (; i + 16 <= text.size(); i += 16) {
    const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
    const auto blanks = static_cast<std::uint32_t>(
        _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(chunk, space), _mm_cmpeq_epi8(chunk, tab))));
    const auto newlines =
        static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(chunk, newline)));
    const std::uint32_t others = ~blanks & 0xFFFFU;
    const std::uint32_t before = (blanks << 1) | (blank_before ? 1U : 0U);
    std::uint32_t edges = (others & before) | (blanks & ~before & 0xFFFFU);
    // Only edges before the line's end belong to it.
    if (newlines != 0) edges &= (1U << std::countr_zero(newlines)) - 1;
    while (edges != 0) {
      const auto bit = static_cast<std::size_t>(std::countr_zero(edges));
      if ((others >> bit) & 1U) {
        start = i + bit;
      } else {
        out[n++] = text.substr(start, i + bit - start);
        if (n == kFields) {
          // The rest of the line is not split, but its end is needed:
          // here, or searched for from the next chunk on.
          const std::size_t end = newlines != 0
                                      ? i + static_cast<std::size_t>(std::countr_zero(newlines))
                                      : NewlineFrom(text, i + 16);
          line = text.substr(0, end);
          next = end < text.size() ? end + 1 : end;
          if (line.ends_with('\r')) line.remove_suffix(1);
          return true;
        }
      }
      edges &= edges - 1;
    }
    if (newlines != 0) return false;  // a short line: the caller splits it
    blank_before = (blanks >> 15) & 1U;
  }
#else
  (void)text, (void)out, (void)line, (void)next;
#endif
  return false;
}

// Digits with at most one ".", a digit first.
bool IsEpoch(std::string_view s) {
  if (s.empty() || !ingest::IsAsciiDigit(s.front())) return false;
  bool dot = false;
  for (char c : s) {
    if (c == '.' && !dot) {
      dot = true;
    } else if (!ingest::IsAsciiDigit(c)) {
      return false;
    }
  }
  return true;
}

class SquidParser : public LogParser {
 public:
  ParseOutcome Parse(std::string_view line, LogRecord& record) const override {
    std::array<std::string_view, kFields> f;
    return Read(f, SplitFields(line, f), record);
  }

  ParseOutcome ParseFirstLine(std::string_view text, std::string_view& line, std::size_t& next,
                              LogRecord& record) const override {
    std::array<std::string_view, kFields> f;
    if (SplitFirstLine(text, f, line, next)) return Read(f, kFields, record);
    line = FirstLine(text, next);
    return Read(f, SplitFields(line, f), record);
  }

 private:
  // The record of a line split into the `n` fields `f`.
  static ParseOutcome Read(const std::array<std::string_view, kFields>& f, std::size_t n,
                           LogRecord& record) {
    if (n == 0) return ParseOutcome::kSkip;
    if (n < kRequiredFields || !IsEpoch(f[0]) || FindInField(f[3], '/') == std::string_view::npos)
      return ParseOutcome::kMalformed;
    record.time = f[0];
    record.time_format = TimeFormat::kEpoch;
    record.client = f[2];
    record.Add(FieldKind::kHost, f[2]);
    const std::string_view url = f[6];
    record.destination = url;
    const bool has_scheme = url.starts_with("http://") || url.starts_with("https://") ||
                            url.find("://") != std::string_view::npos;
    record.Add(f[5] == "CONNECT" || !has_scheme ? FieldKind::kHostPort : FieldKind::kUrl, url);
    if (n > 7 && f[7] != "-") record.user = f[7];
    if (n > 8) {
      const std::size_t slash = FindInField(f[8], '/');
      if (slash != std::string_view::npos) record.Add(FieldKind::kHost, f[8].substr(slash + 1));
    }
    return ParseOutcome::kRecord;
  }
};

}  // namespace

bool LooksLikeSquidLine(std::string_view line) {
  std::array<std::string_view, kFields> f;
  const std::size_t n = SplitFields(line, f);
  return n >= kRequiredFields && IsEpoch(f[0]) && f[0].find('.') != std::string_view::npos &&
         ingest::IsAllDigits(f[1]) && f[3].find('/') != std::string_view::npos &&
         ingest::IsAllDigits(f[4]);
}

std::unique_ptr<LogParser> MakeSquidParser() {
  return std::make_unique<SquidParser>();
}

}  // namespace ts::hunt
