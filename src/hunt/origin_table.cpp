#include "hunt/origin_table.hpp"

namespace ts::hunt {

std::uint32_t OriginTable::Intern(std::string_view event, std::string_view campaign) {
  if (event.empty() && campaign.empty()) return kUnknown;
  const Origin wanted{event, campaign};
  if (wanted == origins_[last_]) return last_;
  if (const auto it = index_.find(wanted); it != index_.end()) return last_ = it->second;
  const Origin kept{text_.Keep(event), text_.Keep(campaign)};
  last_ = static_cast<std::uint32_t>(origins_.size());
  origins_.push_back(kept);
  index_.emplace(kept, last_);
  return last_;
}

}  // namespace ts::hunt
