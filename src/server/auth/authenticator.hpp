// Turns a request's credentials into a Viewer: a browser session cookie
// (with its CSRF token) or an API key sent as "Authorization: Bearer KEY".
// No credentials gives the anonymous viewer; wrong, expired, revoked or
// disabled credentials give Unauthenticated, never a downgrade to anonymous.
#pragma once

#include <string>

#include "access/viewer.hpp"
#include "server/http.hpp"
#include "store/store.hpp"
#include "util/result.hpp"

namespace ts::server::auth {

inline constexpr std::string_view kSessionCookie = "ts_session";
inline constexpr std::string_view kCsrfHeader = "x-csrf-token";

struct Identity {
  access::Viewer viewer;
  bool via_session = false;
  std::string session_token_hash;
  std::string csrf_token;
  int64_t api_key_id = 0;
  std::string api_key_last_used;
};

Result<Identity> Authenticate(store::Store& store, const Request& req);

}  // namespace ts::server::auth
