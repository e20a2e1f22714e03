#include "catalog/organisations.hpp"

#include <nlohmann/json.hpp>
#include "model/sector.hpp"

#include "util/parse_number.hpp"
#include "util/time.hpp"

namespace ts::catalog {
namespace {

// Applies the fields present in `in` to `org`, validating each.
Status Apply(const OrganisationInput& in, model::Organisation& org) {
  if (in.name) {
    if (in.name->empty() || in.name->size() > 200)
      return Error::Invalid("name must be 1 to 200 characters", "name");
    org.name = *in.name;
  }
  if (in.sector) {
    const model::Sector* sector = model::FindSector(*in.sector);
    if (!sector) return Error::Invalid("unknown sector '" + *in.sector + "'", "sector");
    if (org.sector != sector->code) org.sub_sector.clear();
    org.sector = std::string(sector->code);
  }
  if (in.sub_sector) {
    if (in.sub_sector->empty()) {
      org.sub_sector.clear();
    } else {
      const model::Sector* sector = model::FindSector(org.sector);
      const model::SubSector* sub =
          sector ? model::FindSubSector(*sector, *in.sub_sector) : nullptr;
      if (!sub)
        return Error::Invalid(
            "unknown sub-sector '" + *in.sub_sector + "' for sector " + org.sector, "sub_sector");
      org.sub_sector = std::string(sub->code);
    }
  }
  if (in.membership) {
    auto m = model::ParseMembership(*in.membership);
    if (!m)
      return Error::Invalid(
          "membership must be secretariat, analyst, participant, observer or related",
          "membership");
    org.membership = *m;
  }
  return {};
}

}  // namespace

Result<model::Organisation> CreateOrganisation(access::Gate& gate, const OrganisationInput& in) {
  if (!access::IsInstanceAdmin(gate.viewer()))
    return Error::Forbidden("only secretariat administrators create organisations");
  if (!in.name) return Error::Invalid("name is required", "name");
  if (!in.sector) return Error::Invalid("sector is required", "sector");
  if (!in.membership) return Error::Invalid("membership is required", "membership");
  model::Organisation org;
  TS_TRY(Apply(in, org));
  org.created = NowUtc();
  TS_TRY(gate.Write([&](store::WriteTxn& txn, access::Auditor& audit) -> Status {
    if (txn.OrganisationByName(org.name))
      return Error::Conflict("an organisation named '" + org.name + "' already exists", "name");
    org.id = txn.InsertOrganisation(org);
    audit.Record(
        "organisation.create", "organisation", std::to_string(org.id),
        nlohmann::json{{"name", org.name}, {"membership", model::MembershipName(org.membership)}}
            .dump());
    return {};
  }));
  return org;
}

Result<model::Organisation> UpdateOrganisation(access::Gate& gate, int64_t id,
                                               const OrganisationInput& in) {
  if (!access::IsInstanceAdmin(gate.viewer()))
    return Error::Forbidden("only secretariat administrators change organisations");
  model::Organisation org;
  TS_TRY(gate.Write([&](store::WriteTxn& txn, access::Auditor& audit) -> Status {
    auto found = txn.OrganisationById(id);
    if (!found) return Error::NotFound("organisation");
    org = *found;
    TS_TRY(Apply(in, org));
    if (org.name != found->name && txn.OrganisationByName(org.name))
      return Error::Conflict("an organisation named '" + org.name + "' already exists", "name");
    txn.UpdateOrganisation(org);
    audit.Record("organisation.update", "organisation", std::to_string(org.id),
                 nlohmann::json{{"name", org.name},
                                {"membership", model::MembershipName(org.membership)},
                                {"sector", org.sector}}
                     .dump());
    return {};
  }));
  return org;
}

Result<std::vector<model::Organisation>> ListOrganisations(access::Gate& gate) {
  if (!gate.viewer().is_user() && !gate.viewer().is_system())
    return Error::Unauthenticated("log in to see the organisations");
  std::vector<model::Organisation> orgs;
  TS_TRY(gate.Read([&](store::ReadTxn& txn) -> Status {
    orgs = txn.Organisations();
    return {};
  }));
  return orgs;
}

Result<model::Organisation> FindOrganisation(access::Gate& gate, const std::string& id_or_name) {
  std::optional<model::Organisation> org;
  TS_TRY(gate.Read([&](store::ReadTxn& txn) -> Status {
    if (auto id = ParseNumber<int64_t>(id_or_name)) org = txn.OrganisationById(*id);
    if (!org) org = txn.OrganisationByName(id_or_name);
    return {};
  }));
  if (!org) return Error::NotFound("organisation");
  return *std::move(org);
}

}  // namespace ts::catalog
