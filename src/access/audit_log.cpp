#include "access/audit_log.hpp"

#include <fstream>
#include <sstream>

#include <spdlog/spdlog.h>

#include "util/crypto.hpp"
#include "util/time.hpp"

namespace ts::access {
namespace {

// Length-prefixed so that no two different entries serialise the same way.
void Field(std::string& out, std::string_view value) {
  out += std::to_string(value.size());
  out += ':';
  out += value;
  out += ';';
}

struct Anchor {
  int64_t seq = 0;
  std::string hash;
};

std::optional<Anchor> ReadAnchor(const std::filesystem::path& file) {
  std::ifstream in(file);
  Anchor a;
  if (!(in >> a.seq >> a.hash)) return std::nullopt;
  return a;
}

}  // namespace

std::string AuditHash(const model::AuditEntry& e) {
  std::string s;
  Field(s, e.prev_hash);
  Field(s, std::to_string(e.seq));
  Field(s, e.time);
  Field(s, std::to_string(e.user_id));
  Field(s, std::to_string(e.org_id));
  Field(s, e.actor);
  Field(s, e.action);
  Field(s, e.object_type);
  Field(s, e.object_id);
  Field(s, e.address);
  Field(s, e.detail);
  return Sha256Hex(s);
}

model::AuditEntry AuditLog::Append(store::WriteTxn& txn, const Viewer& who, std::string action,
                                   std::string object_type, std::string object_id,
                                   std::string detail) {
  model::AuditEntry e;
  auto last = txn.LastAuditEntry();
  e.seq = last ? last->seq + 1 : 1;
  e.prev_hash = last ? last->hash : std::string(64, '0');
  e.time = NowUtc();
  e.user_id = who.user_id;
  e.org_id = who.org_id;
  e.actor = who.is_user() ? who.email : (who.is_system() ? "system" : "anonymous");
  e.action = std::move(action);
  e.object_type = std::move(object_type);
  e.object_id = std::move(object_id);
  e.address = who.address;
  e.detail = detail.empty() ? "{}" : std::move(detail);
  e.hash = AuditHash(e);
  txn.AppendAudit(e);
  return e;
}

void AuditLog::Committed(int64_t first_seq, const model::AuditEntry& entry) {
  std::lock_guard lock(anchor_mutex_);
  if (entry.seq <= anchored_seq_) return;
  std::error_code ec;
  if (first_seq > 1 && !std::filesystem::exists(anchor_file_, ec)) {
    spdlog::error("the audit anchor {} is missing; check the log with threatshare db verify-audit",
                  anchor_file_.string());
    return;
  }
  WriteAnchor(entry.seq, entry.hash);
}

void AuditLog::WriteAnchor(int64_t seq, const std::string& hash) {
  // Write-then-rename keeps the anchor whole if we crash mid-write.
  auto tmp = anchor_file_;
  tmp += ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << seq << ' ' << hash << '\n';
    if (!out) return;
  }
  std::error_code ec;
  std::filesystem::rename(tmp, anchor_file_, ec);
  if (!ec) anchored_seq_ = seq;
}

AuditLog::Verification AuditLog::ResetAnchor(store::Store& store) {
  auto v = VerifyChain(store, false);
  if (v.ok && v.entries > 0) {
    std::lock_guard lock(anchor_mutex_);
    WriteAnchor(v.entries, v.head_hash);
  }
  return v;
}

AuditLog::Verification AuditLog::Verify(store::Store& store) const {
  return VerifyChain(store, true);
}

AuditLog::Verification AuditLog::VerifyChain(store::Store& store, bool check_anchor) const {
  Verification v;
  auto anchor = check_anchor ? ReadAnchor(anchor_file_) : std::nullopt;
  Status st = store.Read([&](store::ReadTxn& txn) -> Status {
    std::string prev(64, '0');
    int64_t expected = 1;
    constexpr int64_t kBatch = 10000;
    for (;;) {
      auto batch = txn.AuditEntries(expected - 1, kBatch);
      for (const auto& e : batch) {
        auto fail = [&](std::string why) {
          v.ok = false;
          v.first_bad_seq = expected;
          v.problem = std::move(why);
        };
        if (e.seq != expected) {
          fail("entry " + std::to_string(expected) + " is missing (next entry is " +
               std::to_string(e.seq) + ")");
          return {};
        }
        if (e.prev_hash != prev) {
          fail("entry " + std::to_string(e.seq) + " does not follow the previous entry's hash");
          return {};
        }
        if (AuditHash(e) != e.hash) {
          fail("entry " + std::to_string(e.seq) +
               " was altered: its hash does not match its content");
          return {};
        }
        if (anchor && e.seq == anchor->seq && e.hash != anchor->hash) {
          fail("entry " + std::to_string(e.seq) + " differs from the anchored head");
          return {};
        }
        prev = e.hash;
        ++expected;
        ++v.entries;
      }
      if (static_cast<int64_t>(batch.size()) < kBatch) break;
    }
    v.head_hash = prev;
    if (check_anchor && !anchor && v.entries > 0) {
      v.ok = false;
      v.first_bad_seq = v.entries;
      v.problem = "the anchor file " + anchor_file_.string() +
                  " is missing: deletion of the newest entries cannot be ruled out";
      return {};
    }
    if (anchor && anchor->seq > v.entries) {
      v.ok = false;
      v.first_bad_seq = v.entries + 1;
      v.problem = "entries " + std::to_string(v.entries + 1) + " to " +
                  std::to_string(anchor->seq) + " were deleted: the anchor records " +
                  std::to_string(anchor->seq) + " entries";
    }
    return {};
  });
  if (!st.ok()) {
    v.ok = false;
    v.problem = st.error().message;
  }
  return v;
}

}  // namespace ts::access
