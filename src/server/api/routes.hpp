// Registration of the REST resources, one function per resource file.
#pragma once

#include "server/router.hpp"

namespace ts::server::api {

void AddSessionRoutes(Router& router);
void AddRulesRoutes(Router& router);
void AddOrganisationRoutes(Router& router);
void AddUserRoutes(Router& router);
void AddEventRoutes(Router& router);
void AddIndicatorRoutes(Router& router);
void AddConsentRoutes(Router& router);
void AddAuditRoutes(Router& router);
void AddFollowUpRoutes(Router& router);
void AddSystemRoutes(Router& router);
void AddMailRoutes(Router& router);
void AddSampleRoutes(Router& router);
void AddYaraRoutes(Router& router);
void AddExchangeRoutes(Router& router);  // import jobs, STIX export
void AddAttackRoutes(Router& router);
void AddExtractRoutes(Router& router);  // indicators found in prose

}  // namespace ts::server::api
