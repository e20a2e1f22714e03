// Named columns (Zeek TSV and JSON fields, CSV headers) and what each one
// holds, so that the three column-oriented formats read a record the same
// way: "id.orig_h" and "src_ip" are both the client, "query" and "host" both
// a destination name, and so on. Unknown names are ignored.
#pragma once

#include <string_view>

#include "hunt/log_record.hpp"

namespace ts::hunt {

enum class FieldRole {
  kNone,
  kTime,
  kClient,
  kUser,
  kAddress,  // destination address
  kHost,     // destination name (or address)
  kUri,      // request target: a path joined to kHost, or an absolute URL
  kUrl,      // absolute URL
  kReferrer,
  kUserAgent,
  kHash,
  kJa3,
  kHostList,  // several names or addresses (DNS answers)
};

// The role of a column named `name` (any letter case).
FieldRole RoleOfColumn(std::string_view name);

// Collects one record's columns by role, then fills the record: joins a
// Zeek http "uri" path to its "host" and picks the destination.
class RoleRecord {
 public:
  // `value` must live as long as `record` does. `list_separator` splits
  // kHostList values.
  void Set(FieldRole role, std::string_view value, LogRecord& record, char list_separator = ',');
  void Finish(LogRecord& record);

 private:
  std::string_view host_, address_, uri_, url_;
};

}  // namespace ts::hunt
