// Domain and host-name indicators. A domain indicator matches the name and
// every name under it ("a.evil.example" hits "evil.example"; "notevil.example"
// does not); a host-name indicator matches that exact name only. A logged
// name is looked up by walking its label suffixes against one hash set, so
// the cost grows with the labels of the name, never with the indicator count.
// Immutable after Build; safe to read from any thread.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "hunt/key_set.hpp"

namespace ts::hunt {

class DomainSet {
 public:
  // `name` must be canonical (lower-case ASCII, no trailing dot) and must
  // outlive the set.
  void Add(std::string_view name, bool subdomains, std::uint32_t id);
  // Room for `n` entries in all.
  void Reserve(std::size_t n) {
    entries_.reserve(n);
    keys_.Reserve(n);
  }
  void Build() { keys_.Build(); }

  // Appends the ids matching `name` (lower-case, no trailing dot) to `out`;
  // `hash` is HashKey(name).
  void Find(std::string_view name, std::uint64_t hash, std::vector<std::uint32_t>& out) const;
  void Find(std::string_view name, std::vector<std::uint32_t>& out) const {
    Find(name, HashKey(name), out);
  }
  // Starts loading the filter block of a name with this HashKey.
  void Prefetch(std::uint64_t hash) const { keys_.Prefetch(hash); }

 private:
  struct Entry {
    std::string_view name;
    bool subdomains;
    std::uint32_t id;
  };
  std::vector<Entry> entries_;
  KeySet keys_;  // payload: index into entries_
};

}  // namespace ts::hunt
