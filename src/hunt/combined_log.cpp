// Apache and nginx access logs in the Common and Combined formats:
//   client ident user [10/Oct/2000:13:55:36 -0700] "GET /x HTTP/1.1" 200 2326 "referer" "agent"
// Looked up: the client (for a server log, the remote peer), an absolute
// request target (forward proxies log one), the referer and the agent.
#include "hunt/log_format.hpp"

namespace ts::hunt {
namespace {

// The next blank-separated token of `s` from `pos`, advancing `pos`.
std::string_view Token(std::string_view s, std::size_t& pos) {
  while (pos < s.size() && s[pos] == ' ') ++pos;
  const std::size_t start = pos;
  while (pos < s.size() && s[pos] != ' ') ++pos;
  return s.substr(start, pos - start);
}

// The text between `open` at `pos` (after blanks) and `close`, honouring
// backslash escapes; false when it is not there.
bool Delimited(std::string_view s, std::size_t& pos, char open, char close, std::string_view& out) {
  while (pos < s.size() && s[pos] == ' ') ++pos;
  if (pos == s.size() || s[pos] != open) return false;
  const std::size_t start = ++pos;
  while (pos < s.size() && s[pos] != close) pos += s[pos] == '\\' ? 2 : 1;
  if (pos >= s.size()) return false;
  out = s.substr(start, pos - start);
  ++pos;
  return true;
}

// Fields up to the referer; `pos` ends after the last one read.
bool Split(std::string_view line, std::string_view (&f)[8], std::size_t& count, std::size_t& pos) {
  pos = 0;
  f[0] = Token(line, pos);  // client
  f[1] = Token(line, pos);  // ident
  f[2] = Token(line, pos);  // user
  if (f[2].empty() || !Delimited(line, pos, '[', ']', f[3]) ||
      !Delimited(line, pos, '"', '"', f[4]))
    return false;
  f[5] = Token(line, pos);  // status
  f[6] = Token(line, pos);  // bytes
  count = 7;
  if (Delimited(line, pos, '"', '"', f[7])) count = 8;  // referer; the agent follows
  return !f[5].empty();
}

class CombinedParser : public LogParser {
 public:
  ParseOutcome Parse(std::string_view line, LogRecord& record) const override {
    if (line.find_first_not_of(" \t") == std::string_view::npos) return ParseOutcome::kSkip;
    std::string_view f[8];
    std::size_t count = 0;
    std::size_t pos = 0;
    if (!Split(line, f, count, pos)) return ParseOutcome::kMalformed;
    record.client = f[0];
    record.Add(FieldKind::kHost, f[0]);
    if (f[2] != "-") record.user = f[2];
    record.time = f[3];
    record.time_format = TimeFormat::kClf;
    // "METHOD target PROTOCOL"
    const std::string_view request = f[4];
    const std::size_t target_start = request.find(' ');
    if (target_start != std::string_view::npos) {
      std::string_view target = request.substr(target_start + 1);
      target = target.substr(0, target.find(' '));
      record.destination = target;
      if (target.find("://") != std::string_view::npos) {
        record.Add(FieldKind::kUrl, target);
      } else if (request.starts_with("CONNECT ")) {
        record.Add(FieldKind::kHostPort, target);
      }
    }
    if (count == 8) {
      record.Add(FieldKind::kUrl, f[7]);
      std::string_view agent;
      if (Delimited(line, pos, '"', '"', agent)) record.Add(FieldKind::kUserAgent, agent);
    }
    return ParseOutcome::kRecord;
  }
};

}  // namespace

bool LooksLikeCombinedLine(std::string_view line) {
  std::string_view f[8];
  std::size_t count = 0;
  std::size_t pos = 0;
  return Split(line, f, count, pos) && f[3].size() == 26 && f[3][2] == '/';
}

std::unique_ptr<LogParser> MakeCombinedParser() {
  return std::make_unique<CombinedParser>();
}

}  // namespace ts::hunt
