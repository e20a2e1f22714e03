// JSON in and out of the REST API: parsing request bodies with errors that
// name the position or the field, reading typed fields, and the JSON shape
// of every model type (documented in docs/api.md and docs/openapi.yaml).
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/audit.hpp"
#include "model/consent.hpp"
#include "model/event.hpp"
#include "model/organisation.hpp"
#include "model/rules.hpp"
#include "server/http.hpp"
#include "util/result.hpp"

namespace ts::server::api {

using nlohmann::json;

// Parses a JSON object body; malformed JSON names the byte offset.
// Fields outside `allowed` are refused so that typos do not pass silently.
Result<json> ParseObject(const Request& req, std::initializer_list<std::string_view> allowed);

// Typed optional fields: absent or null gives nullopt, a wrong type an
// Invalid error naming the field.
Result<std::optional<std::string>> StringField(const json& obj, const char* name);
Result<std::optional<int64_t>> IntField(const json& obj, const char* name);
Result<std::optional<bool>> BoolField(const json& obj, const char* name);
Result<std::optional<std::vector<std::string>>> StringListField(const json& obj, const char* name);

Response JsonResponse(const json& body, int status = 200);
Response ErrorResponse(const Error& error);
Response NoContent();

// Paging from ?page=&per_page= (1-based page, per_page 1..max).
struct Paging {
  int64_t page = 1;
  int64_t per_page = 50;
  int64_t offset() const { return (page - 1) * per_page; }
};
Result<Paging> ParsePaging(const Request& req, int64_t default_per_page, int64_t max_per_page);
json PageJson(json items, int64_t total, const Paging& paging);

json ToJson(const model::Organisation& o);
json ToJson(const model::User& u);
json ToJson(const model::ApiKey& k);
json ToJson(const model::Event& e);
json ToJson(const model::Indicator& i);
json ToJson(const model::ConsentRequest& r);
json ToJson(const model::RulesVersion& r);
json ToJson(const model::AuditEntry& a);

template <typename T>
json ToJsonArray(const std::vector<T>& items) {
  json out = json::array();
  for (const auto& item : items) out.push_back(ToJson(item));
  return out;
}

}  // namespace ts::server::api
