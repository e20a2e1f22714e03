#include "server/auth/authenticator.hpp"

#include "access/user_viewer.hpp"

#include "util/crypto.hpp"
#include "util/time.hpp"

namespace ts::server::auth {

Result<Identity> Authenticate(store::Store& store, const Request& req) {
  Identity id;
  id.viewer = access::Viewer::Anonymous(req.remote_address);
  auto authorization = req.Header("authorization");
  auto cookie = req.Cookie(kSessionCookie);
  if (authorization.empty() && cookie.empty()) return id;

  Status st = store.Read([&](store::ReadTxn& txn) -> Status {
    std::optional<model::User> user;
    if (!authorization.empty()) {
      constexpr std::string_view kBearer = "Bearer ";
      if (authorization.substr(0, kBearer.size()) != kBearer)
        return Error::Unauthenticated("the Authorization header must be 'Bearer KEY'");
      auto record = txn.ApiKeyBySecretHash(Sha256Hex(authorization.substr(kBearer.size())));
      if (!record || record->key.revoked)
        return Error::Unauthenticated("invalid or revoked API key");
      user = record->user;
      id.api_key_id = record->key.id;
      id.api_key_last_used = record->key.last_used;
    } else {
      id.session_token_hash = Sha256Hex(cookie);
      auto session = txn.SessionByTokenHash(id.session_token_hash);
      if (!session || session->expires < NowUtc())
        return Error::Unauthenticated("the session has expired; log in again");
      user = txn.UserById(session->user_id);
      id.via_session = true;
      id.csrf_token = session->csrf_token;
    }
    if (!user || user->disabled) return Error::Unauthenticated("the account is disabled");
    auto viewer = access::ViewerForUser(txn, *user, req.remote_address);
    if (!viewer) return viewer.error();
    id.viewer = *viewer;
    return {};
  });
  if (!st.ok()) return st.error();
  return id;
}

}  // namespace ts::server::auth
