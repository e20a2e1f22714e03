// A Scope is what a store engine needs to filter rows to those a viewer may
// see: the viewer's organisation (which always sees what it provided or
// submitted) and the narrowest level that reaches it. Only access/ can make
// one, so no read can reach the store without passing through access/.
#pragma once

#include <cstdint>

#include "model/level.hpp"

namespace ts::access {

class Scope {
 public:
  // 0 when the viewer belongs to no organisation.
  int64_t org_id() const { return org_id_; }
  // Items of other organisations are visible when published and at this
  // level number or wider (Level values: RED=0 .. WHITE=4); 5 means none.
  int min_level() const { return min_level_; }
  // The system sees everything (CLI administration, audit verification).
  bool all() const { return all_; }

  bool Reaches(model::Level level) const { return all_ || static_cast<int>(level) >= min_level_; }

 private:
  friend class ScopeFactory;
  Scope(int64_t org_id, int min_level, bool all)
      : org_id_(org_id), min_level_(min_level), all_(all) {}
  int64_t org_id_;
  int min_level_;
  bool all_;
};

}  // namespace ts::access
