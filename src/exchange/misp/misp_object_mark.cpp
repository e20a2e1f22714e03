#include "exchange/misp/misp_object_mark.hpp"

#include <algorithm>

#include "ingest/ascii.hpp"

namespace ts::exchange::misp {
namespace {

constexpr std::string_view kPrefix = "MISP object ";
constexpr std::size_t kMaxId = 64;

// Blanks would end the token early; the name is informational only.
std::string Token(std::string_view s) {
  std::string out(s);
  std::replace(out.begin(), out.end(), ' ', '_');
  return out;
}

}  // namespace

bool IsMarkId(std::string_view s) {
  if (s.empty() || s.size() > kMaxId) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return ingest::IsAsciiAlnum(c) || c == '-' || c == '_' || c == '.';
  });
}

std::string FormatMark(const ObjectMark& mark) {
  std::string out = std::string(kPrefix) + Token(mark.name);
  if (!mark.relation.empty()) out += "/" + Token(mark.relation);
  if (!mark.object_uuid.empty()) {
    out += " " + mark.object_uuid;
    if (!mark.attribute_uuid.empty()) out += "/" + mark.attribute_uuid;
  }
  return out;
}

std::optional<std::pair<ObjectMark, std::string>> ParseMark(std::string_view comment) {
  if (!comment.starts_with(kPrefix)) return std::nullopt;
  comment.remove_prefix(kPrefix.size());
  const std::size_t space = comment.find(' ');
  if (space == std::string_view::npos) return std::nullopt;
  ObjectMark mark;
  const std::string_view kind = comment.substr(0, space);
  const std::size_t slash = kind.find('/');
  mark.name = std::string(kind.substr(0, slash));
  if (slash != std::string_view::npos) mark.relation = std::string(kind.substr(slash + 1));
  comment.remove_prefix(space + 1);
  const std::size_t end = std::min(comment.find_first_of(":;"), comment.size());
  const std::string_view ids = comment.substr(0, end);
  const std::size_t split = std::min(ids.find('/'), ids.size());
  mark.object_uuid = std::string(ids.substr(0, split));
  if (split < ids.size()) mark.attribute_uuid = std::string(ids.substr(split + 1));
  if (!IsMarkId(mark.object_uuid) || (split < ids.size() && !IsMarkId(mark.attribute_uuid)))
    return std::nullopt;
  comment.remove_prefix(end);
  if (!comment.empty() && comment[0] != ':' && comment[0] != ';') return std::nullopt;
  if (!comment.empty()) comment.remove_prefix(1);
  if (comment.starts_with(' ')) comment.remove_prefix(1);
  return std::pair{std::move(mark), std::string(comment)};
}

}  // namespace ts::exchange::misp
