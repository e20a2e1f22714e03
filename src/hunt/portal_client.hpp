// `threatshare hunt` talking to a threatshare portal with an API key: it
// reads the indicators to hunt for (GET /api/v1/indicators, paged, with the
// filters of the command line) and posts back what it found as sightings
// (POST /api/v1/sightings). HTTP goes through libcurl with TLS verification
// on unless turned off; the key travels only in the Authorization header,
// never in a URL or a message.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <curl/curl.h>
#include <nlohmann/json.hpp>

#include "hunt/indicator_loader.hpp"
#include "hunt/indicator_set.hpp"
#include "util/result.hpp"
#include "util/time.hpp"

namespace ts::hunt {

struct PortalConnection {
  std::string url;  // base, "https://portal.example" (a trailing slash is fine)
  std::string key;
  bool insecure = false;  // no TLS verification (test portals only)
  std::string ca_file;    // a private CA's certificates, PEM; empty: the system's
};

// Filters of the indicator list; empty members do not filter.
struct PortalQuery {
  std::vector<std::string> levels;  // effective levels, e.g. {"RED", "AMBER"}
  std::string campaign;             // events tagged "campaign:<name>"
  std::vector<std::string> types;   // one request series per type
  std::optional<SysTime> since;     // added or changed at or after
};

// The portal indicators (ids) each IndicatorSet id stands for: one value can
// be shared in several events, and each of them gets its sighting.
using PortalIds = std::vector<std::vector<std::string>>;

// "90d", "12h" or "2w"; nullopt for anything else.
std::optional<std::chrono::hours> ParseMaxAge(std::string_view text);

struct SightingsPosted {
  std::size_t recorded = 0;
  std::size_t unmatched = 0;
};

class PortalClient {
 public:
  // Invalid error when the URL is not http(s).
  static Result<std::unique_ptr<PortalClient>> Open(PortalConnection connection);
  ~PortalClient();
  PortalClient(const PortalClient&) = delete;
  PortalClient& operator=(const PortalClient&) = delete;

  const std::string& url() const { return connection_.url; }

  // Adds every indicator the key's user may see and `query` selects to
  // `set`, before anything else is added to it (ids for the same value
  // are found only among the portal's). Each keeps its event id as event
  // and, with a campaign filter, the campaign name. Errors name the URL and
  // carry the portal's message.
  Status LoadIndicators(const PortalQuery& query, IndicatorSet& set, LoadReport& report,
                        PortalIds& ids);

  // Posts `sightings` (objects of POST /api/v1/sightings) in batches the
  // portal accepts. A failed batch stops the posting; batches before it
  // stay recorded, which the error says.
  Result<SightingsPosted> PostSightings(const std::vector<nlohmann::json>& sightings,
                                        bool share_identity);

 private:
  explicit PortalClient(PortalConnection connection);
  Result<nlohmann::json> Call(const std::string& method, const std::string& path,
                              const std::string& body);

  PortalConnection connection_;
  CURL* curl_ = nullptr;
};

}  // namespace ts::hunt
