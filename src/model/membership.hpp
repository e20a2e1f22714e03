// What an organisation is to the council: the membership type decides which
// sharing levels reach it (see access/policy.hpp).
#pragma once

#include <optional>
#include <string_view>

namespace ts::model {

enum class Membership {
  kSecretariat,  // 事務局: runs the portal and the council
  kAnalyst,      // 解析者: appointed analyst organisations
  kParticipant,  // 参加者: member organisations of the community
  kObserver,     // オブザーバー: agreed to and follow the operating rules
  kRelated,      // 未参加の関係者: related parties that have not joined
};

inline constexpr Membership kAllMemberships[] = {Membership::kSecretariat, Membership::kAnalyst,
                                                 Membership::kParticipant, Membership::kObserver,
                                                 Membership::kRelated};

// "secretariat", "analyst", "participant", "observer", "related".
std::string_view MembershipName(Membership m);
std::optional<Membership> ParseMembership(std::string_view name);

}  // namespace ts::model
