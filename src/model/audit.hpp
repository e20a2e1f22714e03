// One entry of the audit log. Entries form a hash chain: each hash covers
// the previous hash and this entry's fields, so editing or deleting any
// entry breaks every hash after it (see access/audit_log.hpp).
#pragma once

#include <cstdint>
#include <string>

namespace ts::model {

struct AuditEntry {
  int64_t seq = 0;      // 1, 2, 3, ... without gaps
  std::string time;     // RFC 3339 UTC with microseconds
  int64_t user_id = 0;  // 0 for the system or the CLI
  int64_t org_id = 0;
  std::string actor;        // e-mail, "system" (the CLI) or "anonymous"
  std::string action;       // e.g. "event.create", "event.read"
  std::string object_type;  // e.g. "event"
  std::string object_id;
  std::string address;  // client IP, or "cli"
  std::string detail;   // compact JSON
  std::string prev_hash;
  std::string hash;
};

}  // namespace ts::model
