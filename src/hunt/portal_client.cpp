#include "hunt/portal_client.hpp"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <utility>

#include <fmt/format.h>

namespace ts::hunt {
namespace {

using nlohmann::json;

// The portal's largest page of indicators, and of sightings per request.
constexpr int kPerPage = 1000;
constexpr std::size_t kSightingsPerPost = 10000;
// A portal that does not answer must not hang a scheduled hunt; a whole
// page of 1000 indicators or a batch of sightings takes well under this.
constexpr long kConnectTimeoutSeconds = 15;
constexpr long kRequestTimeoutSeconds = 300;
// Answers to 429 (the key's rate limit) are retried after Retry-After.
constexpr int kAttempts = 5;
constexpr long kMaxRetryAfterSeconds = 60;

std::size_t AppendBody(char* data, std::size_t size, std::size_t n, void* out) {
  static_cast<std::string*>(out)->append(data, size * n);
  return size * n;
}

// A string member of an answer's object; "" when absent or not a string.
std::string Text(const json& object, const char* name) {
  const auto it = object.find(name);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// "code: message" of the API's error body, or the start of whatever came.
std::string ApiMessage(const std::string& body) {
  const json doc = json::parse(body, nullptr, false);
  if (doc.is_object() && doc.contains("error") && doc["error"].is_object()) {
    const json& e = doc["error"];
    std::string message = Text(e, "code") + ": " + Text(e, "message");
    if (const std::string field = Text(e, "field"); !field.empty()) message += " (" + field + ")";
    return message;
  }
  return body.empty() ? "no error message" : body.substr(0, 200);
}

std::string Escape(CURL* curl, const std::string& s) {
  char* escaped = curl_easy_escape(curl, s.data(), static_cast<int>(s.size()));
  std::string out = escaped ? escaped : "";
  curl_free(escaped);
  return out;
}

std::string Join(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : ",") + p;
  return out;
}

}  // namespace

std::optional<std::chrono::hours> ParseMaxAge(std::string_view text) {
  // Up to 100 years: more is no filter, and would overflow now minus the age.
  constexpr int kMaxHours = 24 * 366 * 100;
  if (text.size() < 2) return std::nullopt;
  int n = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size() - 1, n);
  if (ec != std::errc() || end != text.data() + text.size() - 1 || n <= 0) return std::nullopt;
  int hours_per_unit = 0;
  switch (text.back()) {
    case 'h':
      hours_per_unit = 1;
      break;
    case 'd':
      hours_per_unit = 24;
      break;
    case 'w':
      hours_per_unit = 24 * 7;
      break;
    default:
      return std::nullopt;
  }
  if (n > kMaxHours / hours_per_unit) return std::nullopt;
  return std::chrono::hours(n * hours_per_unit);
}

Result<std::unique_ptr<PortalClient>> PortalClient::Open(PortalConnection connection) {
  while (connection.url.ends_with('/')) connection.url.pop_back();
  if (!connection.url.starts_with("https://") && !connection.url.starts_with("http://"))
    return Error::Invalid("--portal " + connection.url +
                          ": the URL must start with https:// or http://");
  static std::once_flag curl_ready;
  std::call_once(curl_ready, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  std::unique_ptr<PortalClient> client(new PortalClient(std::move(connection)));
  if (!client->curl_) return Error::Internal("cannot start libcurl");
  return client;
}

PortalClient::PortalClient(PortalConnection connection)
    : connection_(std::move(connection)), curl_(curl_easy_init()) {}

PortalClient::~PortalClient() {
  curl_easy_cleanup(curl_);
}

Result<json> PortalClient::Call(const std::string& method, const std::string& path,
                                const std::string& body) {
  const std::string url = connection_.url + path;
  // The key only ever goes into this header list, which nothing prints.
  curl_slist* headers = nullptr;
  headers = curl_slist_append(headers, ("Authorization: Bearer " + connection_.key).c_str());
  headers = curl_slist_append(headers, "Accept: application/json");
  if (method == "POST") headers = curl_slist_append(headers, "Content-Type: application/json");
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> header_list(headers,
                                                                          curl_slist_free_all);
  for (int attempt = 1;; ++attempt) {
    std::string answer;
    char transport_error[CURL_ERROR_SIZE] = "";
    curl_easy_reset(curl_);
    curl_easy_setopt(curl_, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl_, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl_, CURLOPT_HTTPHEADER, header_list.get());
    curl_easy_setopt(curl_, CURLOPT_WRITEFUNCTION, AppendBody);
    curl_easy_setopt(curl_, CURLOPT_WRITEDATA, &answer);
    curl_easy_setopt(curl_, CURLOPT_ERRORBUFFER, transport_error);
    curl_easy_setopt(curl_, CURLOPT_CONNECTTIMEOUT, kConnectTimeoutSeconds);
    curl_easy_setopt(curl_, CURLOPT_TIMEOUT, kRequestTimeoutSeconds);
    curl_easy_setopt(curl_, CURLOPT_NOSIGNAL, 1L);  // timeouts without SIGALRM, safe with threads
    curl_easy_setopt(curl_, CURLOPT_ACCEPT_ENCODING, "");
    if (connection_.insecure) {
      curl_easy_setopt(curl_, CURLOPT_SSL_VERIFYPEER, 0L);
      curl_easy_setopt(curl_, CURLOPT_SSL_VERIFYHOST, 0L);
    }
    if (!connection_.ca_file.empty())
      curl_easy_setopt(curl_, CURLOPT_CAINFO, connection_.ca_file.c_str());
    if (method == "POST") {
      curl_easy_setopt(curl_, CURLOPT_POSTFIELDS, body.data());
      curl_easy_setopt(curl_, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    }
    const CURLcode code = curl_easy_perform(curl_);
    if (code != CURLE_OK) {
      return Error::Invalid(fmt::format(
          "{} {}: {}", method, url, *transport_error ? transport_error : curl_easy_strerror(code)));
    }
    long status = 0;
    curl_easy_getinfo(curl_, CURLINFO_RESPONSE_CODE, &status);
    curl_header* retry_after = nullptr;
    if (status == 429 && attempt < kAttempts &&
        curl_easy_header(curl_, "Retry-After", 0, CURLH_HEADER, -1, &retry_after) == CURLHE_OK) {
      const long seconds = std::clamp(std::atol(retry_after->value), 1L, kMaxRetryAfterSeconds);
      std::this_thread::sleep_for(std::chrono::seconds(seconds));
      continue;
    }
    if (status < 200 || status >= 300)
      return Error::Invalid(
          fmt::format("{} {}: HTTP {}: {}", method, url, status, ApiMessage(answer)));
    json doc = json::parse(answer, nullptr, false);
    if (!doc.is_object())
      return Error::Invalid(fmt::format("{} {}: the answer is not a JSON object", method, url));
    return doc;
  }
}

Status PortalClient::LoadIndicators(const PortalQuery& query, IndicatorSet& set, LoadReport& report,
                                    PortalIds& ids) {
  std::string filters;
  if (!query.levels.empty()) filters += "&levels=" + Escape(curl_, Join(query.levels));
  if (!query.campaign.empty()) filters += "&tag=" + Escape(curl_, "campaign:" + query.campaign);
  if (query.since) filters += "&since=" + Escape(curl_, FormatUtc(*query.since));
  std::vector<std::string> types = query.types;
  if (types.empty()) types.emplace_back();  // one series without a type filter
  // Set ids of values already added, for values shared in several events.
  std::unordered_map<std::string, std::uint32_t> held;
  for (const std::string& type : types) {
    const std::string series =
        filters + (type.empty() ? std::string() : "&type=" + Escape(curl_, type));
    for (int page = 1;; ++page) {
      const std::string path =
          fmt::format("/api/v1/indicators?per_page={}&page={}{}", kPerPage, page, series);
      auto answer = Call("GET", path, "");
      if (!answer) return answer.error();
      const auto items = answer->find("items");
      if (items == answer->end() || !items->is_array())
        return Error::Invalid(connection_.url + path + ": the answer has no list of items");
      for (const json& item : *items) {
        ++report.read;
        const std::string id = Text(item, "id");
        const std::string value = Text(item, "value");
        const auto kind = model::ParseIndicatorType(Text(item, "type"));
        if (!kind || id.empty() || value.empty()) {
          ++report.invalid;
          report.warnings.push_back(connection_.url + ": indicator " + id +
                                    ": skipped: unknown type or no value");
          continue;
        }
        // Values come canonical from the portal's own normaliser.
        const std::string key = std::string(model::IndicatorTypeName(*kind)) + '\n' + value;
        const auto added = set.Add(Indicator{*kind, value, Text(item, "event_id"), query.campaign});
        if (added == IndicatorSet::AddResult::kUnhuntable) {
          ++report.unhuntable;
          continue;
        }
        std::uint32_t set_id = 0;
        if (added == IndicatorSet::AddResult::kAdded) {
          ++report.added;
          set_id = static_cast<std::uint32_t>(set.size() - 1);
          held.emplace(key, set_id);
        } else {
          ++report.duplicates;
          const auto it = held.find(key);
          if (it == held.end()) continue;  // held from elsewhere: not the portal's to report
          set_id = it->second;
        }
        if (ids.size() <= set_id) ids.resize(set_id + 1);
        std::vector<std::string>& of = ids[set_id];
        if (std::find(of.begin(), of.end(), id) == of.end()) of.push_back(id);
      }
      const auto total = answer->value("total", std::int64_t{0});
      if (items->size() < static_cast<std::size_t>(kPerPage) ||
          static_cast<std::int64_t>(page) * kPerPage >= total)
        break;
    }
  }
  return {};
}

Result<SightingsPosted> PortalClient::PostSightings(const std::vector<json>& sightings,
                                                    bool share_identity) {
  SightingsPosted posted;
  for (std::size_t begin = 0; begin < sightings.size(); begin += kSightingsPerPost) {
    const std::size_t end = std::min(sightings.size(), begin + kSightingsPerPost);
    const json body = {
        {"source", "hunt"},
        {"share_identity", share_identity},
        {"sightings", json::array_t(sightings.begin() + static_cast<std::ptrdiff_t>(begin),
                                    sightings.begin() + static_cast<std::ptrdiff_t>(end))}};
    auto answer = Call("POST", "/api/v1/sightings", body.dump());
    if (!answer) {
      if (posted.recorded == 0) return answer.error();
      return Error::Invalid(fmt::format("{} (after {} sightings were recorded)",
                                        answer.error().message, posted.recorded));
    }
    posted.recorded += answer->value("recorded", std::size_t{0});
    if (const auto it = answer->find("unmatched"); it != answer->end() && it->is_array())
      posted.unmatched += it->size();
  }
  return posted;
}

}  // namespace ts::hunt
