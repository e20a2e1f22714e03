// Organisations: creation and changes by instance administrators.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "access/gate.hpp"
#include "model/organisation.hpp"

namespace ts::catalog {

struct OrganisationInput {
  std::optional<std::string> name;
  std::optional<std::string> sector;      // code or Japanese name
  std::optional<std::string> sub_sector;  // code or Japanese name, "" to clear
  std::optional<std::string> membership;
};

Result<model::Organisation> CreateOrganisation(access::Gate& gate, const OrganisationInput& in);
Result<model::Organisation> UpdateOrganisation(access::Gate& gate, int64_t id,
                                               const OrganisationInput& in);
// Every organisation: who takes part is known to all members.
Result<std::vector<model::Organisation>> ListOrganisations(access::Gate& gate);
// By numeric id or exact name.
Result<model::Organisation> FindOrganisation(access::Gate& gate, const std::string& id_or_name);

}  // namespace ts::catalog
