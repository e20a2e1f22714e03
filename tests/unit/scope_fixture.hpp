// What the tests comparing the C++ policy with the engine's SQL share: a
// store in a fresh directory, one organisation per membership type, and a
// viewer for each of them besides the anonymous reader and the system.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "access/viewer.hpp"
#include "model/membership.hpp"
#include "model/organisation.hpp"
#include "store/store.hpp"
#include "util/crypto.hpp"
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

// Opens a store in a fresh directory and, in one transaction, inserts an
// organisation per membership and whatever the test's Fill adds.
class ScopeStoreTest : public ::testing::Test {
 protected:
  virtual void Fill(store::WriteTxn& txn) = 0;

  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("ts-scope-" + RandomToken(8));
    auto store = store::OpenSqliteStore(dir_, {});
    ASSERT_TRUE(store.ok()) << store.error().message;
    store_ = std::move(store.value());
    const Status st = store_->Write([&](store::WriteTxn& txn) -> Status {
      orgs_ = InsertOrgPerMembership(txn);
      Fill(txn);
      return {};
    });
    ASSERT_TRUE(st.ok()) << st.error().message;
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  std::vector<Viewer> Viewers() const { return ViewersOf(orgs_); }

  std::filesystem::path dir_;
  std::unique_ptr<store::Store> store_;
  OrgMemberships orgs_;
};

}  // namespace ts::access
