// URL indicators, canonical (ingest::NormalizeUrl). A logged URL matches an
// indicator equal to it, and an indicator without a query matches a logged
// URL with the same scheme, host, port and path plus any query: C2 check-ins
// and downloads add per-victim parameters to a URL reported once. Paths are
// not matched by prefix, since "http://host/" would then stand for a whole
// site. Immutable after Build; safe to read from any thread.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "hunt/value_set.hpp"

namespace ts::hunt {

class UrlSet {
 public:
  // `url` must be canonical and outlive the set.
  void Add(std::string_view url, std::uint32_t id) { urls_.Add(url, id); }
  void Reserve(std::size_t n) { urls_.Reserve(n); }
  void Build() { urls_.Build(); }
  bool empty() const { return urls_.empty(); }

  // Appends the ids matching the canonical logged `url` to `out`.
  void Find(std::string_view url, std::vector<std::uint32_t>& out) const;

 private:
  ValueSet urls_;
};

}  // namespace ts::hunt
