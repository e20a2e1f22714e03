#include "server/api/indicator_input.hpp"

#include <algorithm>

#include "server/api/json_io.hpp"

namespace ts::server::api {
namespace {
constexpr std::string_view kFields[] = {"type",      "value",      "level",  "first_seen",
                                        "last_seen", "confidence", "comment"};
constexpr std::size_t kMaxBatch = 10000;
}  // namespace

Result<catalog::IndicatorInput> ReadIndicator(const json& obj, const std::string& field) {
  auto name = [&](const char* f) { return field.empty() ? std::string(f) : field + "." + f; };
  if (!obj.is_object()) return Error::Invalid("each indicator must be a JSON object", field);
  for (const auto& [key, value] : obj.items()) {
    if (std::find(std::begin(kFields), std::end(kFields), key) == std::end(kFields))
      return Error::Invalid("unknown field '" + key + "'", name(key.c_str()));
  }
  catalog::IndicatorInput in;
  for (auto [f, dst] : {std::pair{"type", &in.type}, std::pair{"value", &in.value},
                        std::pair{"first_seen", &in.first_seen},
                        std::pair{"last_seen", &in.last_seen}, std::pair{"comment", &in.comment}}) {
    auto v = StringField(obj, f);
    if (!v) return Error::Invalid(v.error().message, name(f));
    *dst = *v;
  }
  // level: null clears a narrower level, a string sets it.
  if (auto it = obj.find("level"); it != obj.end()) {
    if (it->is_null())
      in.level = "";
    else if (it->is_string())
      in.level = it->get<std::string>();
    else
      return Error::Invalid("level must be a string or null", name("level"));
  }
  // confidence: null clears it (unknown), an integer 0..100 sets it.
  if (auto it = obj.find("confidence"); it != obj.end() && it->is_null()) in.confidence = -1;
  auto confidence = IntField(obj, "confidence");
  if (!confidence) return Error::Invalid(confidence.error().message, name("confidence"));
  if (*confidence) {
    if (**confidence < 0 || **confidence > 100)
      return Error::Invalid("confidence must be 0 to 100", name("confidence"));
    in.confidence = static_cast<int>(**confidence);
  }
  return in;
}

Result<IndicatorInputs> ReadIndicatorInputs(const Request& req) {
  auto body = ParseObject(req, {"type", "value", "level", "first_seen", "last_seen", "confidence",
                                "comment", "indicators"});
  if (!body) return body.error();
  IndicatorInputs out;
  if (auto it = body->find("indicators"); it != body->end()) {
    if (body->size() != 1)
      return Error::Invalid("give either one indicator or an 'indicators' array");
    if (!it->is_array()) return Error::Invalid("indicators must be an array", "indicators");
    if (it->size() > kMaxBatch)
      return Error::Invalid("at most 10000 indicators per request", "indicators");
    for (std::size_t n = 0; n < it->size(); ++n) {
      auto in = ReadIndicator((*it)[n], "indicators[" + std::to_string(n) + "]");
      if (!in) return in.error();
      out.items.push_back(*std::move(in));
    }
    out.as_list = true;
    return out;
  }
  auto in = ReadIndicator(*body, "");
  if (!in) return in.error();
  out.items.push_back(*std::move(in));
  return out;
}

}  // namespace ts::server::api
