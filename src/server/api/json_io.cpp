#include "server/api/json_io.hpp"

#include "model/sector.hpp"
#include "util/parse_number.hpp"

namespace ts::server::api {

Result<json> ParseObject(const Request& req, std::initializer_list<std::string_view> allowed) {
  auto type = req.Header("content-type");
  if (!type.empty() && type.find("application/json") == std::string_view::npos)
    return Error::Invalid("the body must be JSON (Content-Type: application/json)");
  json body;
  try {
    body = json::parse(req.body);
  } catch (const json::parse_error& e) {
    return Error::Invalid("malformed JSON at byte " + std::to_string(e.byte) + ": " +
                          std::string(e.what()).substr(std::string(e.what()).find(':') + 2));
  } catch (const json::exception& e) {
    // Well-formed but unrepresentable, e.g. a number beyond the range of a double.
    return Error::Invalid(std::string("unusable JSON: ") + e.what());
  }
  if (!body.is_object()) return Error::Invalid("the body must be a JSON object");
  for (const auto& [key, value] : body.items()) {
    bool known = false;
    for (auto a : allowed) known = known || a == key;
    if (!known) return Error::Invalid("unknown field '" + key + "'", key);
  }
  return body;
}

Result<std::optional<std::string>> StringField(const json& obj, const char* name) {
  auto it = obj.find(name);
  if (it == obj.end() || it->is_null()) return std::optional<std::string>();
  if (!it->is_string()) return Error::Invalid(std::string(name) + " must be a string", name);
  return std::optional<std::string>(it->get<std::string>());
}

Result<std::optional<int64_t>> IntField(const json& obj, const char* name) {
  auto it = obj.find(name);
  if (it == obj.end() || it->is_null()) return std::optional<int64_t>();
  if (!it->is_number_integer())
    return Error::Invalid(std::string(name) + " must be an integer", name);
  return std::optional<int64_t>(it->get<int64_t>());
}

Result<std::optional<bool>> BoolField(const json& obj, const char* name) {
  auto it = obj.find(name);
  if (it == obj.end() || it->is_null()) return std::optional<bool>();
  if (!it->is_boolean()) return Error::Invalid(std::string(name) + " must be true or false", name);
  return std::optional<bool>(it->get<bool>());
}

Result<std::optional<std::vector<std::string>>> StringListField(const json& obj, const char* name) {
  auto it = obj.find(name);
  if (it == obj.end() || it->is_null()) return std::optional<std::vector<std::string>>();
  if (!it->is_array())
    return Error::Invalid(std::string(name) + " must be an array of strings", name);
  std::vector<std::string> out;
  for (const auto& v : *it) {
    if (!v.is_string())
      return Error::Invalid(std::string(name) + " must be an array of strings", name);
    out.push_back(v.get<std::string>());
  }
  return std::optional<std::vector<std::string>>(std::move(out));
}

Response JsonResponse(const json& body, int status) {
  Response r;
  r.status = status;
  r.body = body.dump(-1, ' ', false, json::error_handler_t::replace);
  r.SetHeader("Cache-Control", "no-store");
  return r;
}

Response ErrorResponse(const Error& error) {
  json e = {{"code", CodeName(error.code)}, {"message", error.message}};
  if (!error.field.empty()) e["field"] = error.field;
  return JsonResponse({{"error", e}}, HttpStatus(error.code));
}

Response NoContent() {
  Response r;
  r.status = 204;
  r.content_type.clear();
  return r;
}

Result<Paging> ParsePaging(const Request& req, int64_t default_per_page, int64_t max_per_page) {
  Paging p;
  p.per_page = default_per_page;
  if (auto s = req.Query("page");
      !s.empty() && (!ParseNumber(s, p.page) || p.page < 1 || p.page > 1'000'000))
    return Error::Invalid("page must be a positive integer", "page");
  if (auto s = req.Query("per_page");
      !s.empty() && (!ParseNumber(s, p.per_page) || p.per_page < 1 || p.per_page > max_per_page))
    return Error::Invalid("per_page must be 1 to " + std::to_string(max_per_page), "per_page");
  return p;
}

json PageJson(json items, int64_t total, const Paging& paging) {
  return {{"items", std::move(items)},
          {"total", total},
          {"page", paging.page},
          {"per_page", paging.per_page}};
}

json ToJson(const model::Organisation& o) {
  const model::Sector* sector = model::FindSector(o.sector);
  return {{"id", o.id},
          {"name", o.name},
          {"sector", o.sector},
          {"sector_name_ja", sector ? sector->name_ja : ""},
          {"sector_name_en", sector ? sector->name_en : ""},
          {"sub_sector", o.sub_sector},
          {"membership", model::MembershipName(o.membership)},
          {"created", o.created}};
}

json ToJson(const model::User& u) {
  return {{"id", u.id},
          {"org_id", u.org_id},
          {"email", u.email},
          {"display_name", u.display_name},
          {"role", model::RoleName(u.role)},
          {"disabled", u.disabled},
          {"accepted_rules_version", u.accepted_rules_version},
          {"created", u.created}};
}

json ToJson(const model::ApiKey& k) {
  return {{"id", k.id},          {"user_id", k.user_id}, {"name", k.name},
          {"prefix", k.prefix},  {"created", k.created}, {"last_used", k.last_used},
          {"revoked", k.revoked}};
}

json ToJson(const model::Event& e) {
  return {{"id", e.id},
          {"title", e.title},
          {"description", e.description},
          {"level", model::LevelName(e.level)},
          {"tlp", model::TlpLabel(e.level)},
          {"category", model::CategoryName(e.category)},
          {"timing", model::TimingName(e.timing)},
          {"tags", e.tags},
          {"status", model::EventStatusName(e.status)},
          {"provider", {{"id", e.provider_org_id}, {"name", e.provider_org_name}}},
          {"submitter_org_id", e.submitter_org_id},
          {"created", e.created},
          {"modified", e.modified}};
}

json ToJson(const model::Indicator& i) {
  json j = {{"id", i.id},
            {"event_id", i.event_id},
            {"type", model::IndicatorTypeName(i.type)},
            {"value", i.value},
            {"level", i.level ? json(model::LevelName(*i.level)) : json(nullptr)},
            {"effective_level", model::LevelName(model::EffectiveLevel(i))},
            {"first_seen", i.first_seen.empty() ? json(nullptr) : json(i.first_seen)},
            {"last_seen", i.last_seen.empty() ? json(nullptr) : json(i.last_seen)},
            {"confidence", i.confidence < 0 ? json(nullptr) : json(i.confidence)},
            {"comment", i.comment},
            {"created", i.created},
            {"modified", i.modified}};
  if (i.origin) {
    // Empty parts are null: a top-level attribute has no object.
    auto part = [](const std::string& s) { return s.empty() ? json(nullptr) : json(s); };
    j["origin"] = {{"object_uuid", part(i.origin->object_uuid)},
                   {"object_name", part(i.origin->object_name)},
                   {"relation", part(i.origin->relation)},
                   {"attribute_uuid", part(i.origin->attribute_uuid)}};
  }
  return j;
}

json ToJson(const model::ConsentRequest& r) {
  auto level = [](const std::optional<model::Level>& l) {
    return l ? json(model::LevelName(*l)) : json(nullptr);
  };
  return {{"id", r.id},
          {"kind", model::ConsentKindName(r.kind)},
          {"event_id", r.event_id},
          {"provider_org_id", r.provider_org_id},
          {"requester_org_id", r.requester_org_id},
          {"requester_user_id", r.requester_user_id},
          {"from_level", level(r.from_level)},
          {"to_level", level(r.to_level)},
          {"reason", r.reason},
          {"state", model::ConsentStateName(r.state)},
          {"decided_by_user_id",
           r.decided_by_user_id == 0 ? json(nullptr) : json(r.decided_by_user_id)},
          {"decision_comment", r.decision_comment},
          {"created", r.created},
          {"decided", r.decided.empty() ? json(nullptr) : json(r.decided)}};
}

json ToJson(const model::RulesVersion& r) {
  return {{"version", r.version}, {"text", r.text}, {"created", r.created}};
}

json ToJson(const model::AuditEntry& a) {
  json detail = json::parse(a.detail, nullptr, false);
  return {{"seq", a.seq},
          {"time", a.time},
          {"user_id", a.user_id},
          {"org_id", a.org_id},
          {"actor", a.actor},
          {"action", a.action},
          {"object_type", a.object_type},
          {"object_id", a.object_id},
          {"address", a.address},
          {"detail", detail.is_discarded() ? json(a.detail) : detail},
          {"hash", a.hash}};
}

}  // namespace ts::server::api
