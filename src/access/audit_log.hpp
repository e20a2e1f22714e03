// The audit log: every write, and every read of RED and AMBER items, as a
// hash chain. Entry n's hash is SHA-256 over entry n-1's hash and entry n's
// fields, so editing or deleting an entry breaks the chain after it. To
// catch deletion of the newest entries as well, the head (sequence number
// and hash) is also written to an anchor file beside the database.
#pragma once

#include <cstdint>
#include <filesystem>
#include <mutex>
#include <string>

#include "access/viewer.hpp"
#include "model/audit.hpp"
#include "store/store.hpp"

namespace ts::access {

// The hash of `entry` chained to entry.prev_hash.
std::string AuditHash(const model::AuditEntry& entry);

class AuditLog {
 public:
  explicit AuditLog(std::filesystem::path anchor_file) : anchor_file_(std::move(anchor_file)) {}

  // Adds an entry inside the caller's write transaction and returns it.
  model::AuditEntry Append(store::WriteTxn& txn, const Viewer& who, std::string action,
                           std::string object_type, std::string object_id, std::string detail);
  // Moves the anchor forward once the transaction whose entries run from
  // `first_seq` to `last` committed. A missing anchor is created only by the
  // transaction holding the log's first entry; recreating it later would
  // hide a deletion. ResetAnchor() does that deliberately.
  void Committed(int64_t first_seq, const model::AuditEntry& last);

  struct Verification {
    bool ok = true;
    int64_t entries = 0;
    std::string head_hash;
    int64_t first_bad_seq = 0;  // 0 when ok
    std::string problem;        // empty when ok
  };
  // Recomputes the whole chain and compares its head with the anchor.
  Verification Verify(store::Store& store) const;
  // Verifies the chain alone and, if it holds, anchors its current head;
  // for an anchor lost with a restore. Returns the verification.
  Verification ResetAnchor(store::Store& store);

 private:
  Verification VerifyChain(store::Store& store, bool check_anchor) const;
  void WriteAnchor(int64_t seq, const std::string& hash);

  std::filesystem::path anchor_file_;
  std::mutex anchor_mutex_;
  int64_t anchored_seq_ = 0;
};

}  // namespace ts::access
