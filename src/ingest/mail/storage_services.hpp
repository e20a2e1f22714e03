// Online storage and file-sharing services: links to them are how the
// pension-service attackers and many since delivered payloads past mail
// attachment filters. The list (storage_services.cpp) is written from
// public knowledge of the services' download host names; a host matches
// when it is a listed name or a subdomain of one.
#pragma once

#include <string_view>

namespace ts::ingest::mail {

// The listed service domain `host` falls under, or "" when none.
std::string_view StorageService(std::string_view host);

}  // namespace ts::ingest::mail
