#include "access/user_viewer.hpp"

namespace ts::access {

Result<Viewer> ViewerForUser(store::ReadTxn& txn, const model::User& user,
                             const std::string& address) {
  auto org = txn.OrganisationById(user.org_id);
  if (!org) return Error::Internal("user " + std::to_string(user.id) + " has no organisation");
  Viewer v;
  v.kind = Viewer::Kind::kUser;
  v.user_id = user.id;
  v.org_id = user.org_id;
  v.email = user.email;
  v.membership = org->membership;
  v.role = user.role;
  v.accepted_rules_version = user.accepted_rules_version;
  v.address = address;
  return v;
}

}  // namespace ts::access
