// The Viewer a user acts as: their organisation's membership type and
// their own role, read in the caller's transaction.
#pragma once

#include <string>

#include "access/viewer.hpp"
#include "model/organisation.hpp"
#include "store/store.hpp"

namespace ts::access {

Result<Viewer> ViewerForUser(store::ReadTxn& txn, const model::User& user,
                             const std::string& address);

}  // namespace ts::access
