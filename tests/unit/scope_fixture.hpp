// What the tests comparing the C++ policy with the engine's SQL share: one
// organisation per membership type, and a viewer for each of them besides
// the anonymous reader and the system.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "access/viewer.hpp"
#include "model/membership.hpp"
#include "model/organisation.hpp"
#include "store/store.hpp"
#include "util/time.hpp"

namespace ts::access {

using OrgMemberships = std::vector<std::pair<int64_t, model::Membership>>;

inline OrgMemberships InsertOrgPerMembership(store::WriteTxn& txn) {
  OrgMemberships orgs;
  for (model::Membership m : model::kAllMemberships) {
    model::Organisation org;
    org.name = std::string(model::MembershipName(m));
    org.sector = "none";
    org.membership = m;
    org.created = NowUtc();
    orgs.push_back({txn.InsertOrganisation(org), m});
  }
  return orgs;
}

inline std::vector<Viewer> ViewersOf(const OrgMemberships& orgs) {
  std::vector<Viewer> out = {Viewer::Anonymous("127.0.0.1"), Viewer::System()};
  for (auto [id, m] : orgs) {
    Viewer v;
    v.kind = Viewer::Kind::kUser;
    v.org_id = id;
    v.user_id = id * 10;
    v.membership = m;
    out.push_back(v);
  }
  return out;
}

}  // namespace ts::access
