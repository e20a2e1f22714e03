// Sharing levels as STIX 2.1 marking definitions, both ways. Exports carry
// the TLP 2.0 marking of each level (DESIGN.md §1: RED→TLP:RED,
// AMBER→TLP:AMBER+STRICT, YELLOW→TLP:AMBER, GREEN→TLP:GREEN,
// WHITE→TLP:CLEAR) and one of five marking definitions of our own, defined
// by a property extension, that names the exact level so that it survives a
// round trip. Imports read either, and the TLP 1.0 markings too.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "model/level.hpp"

namespace ts::exchange::stix {

// The extension-definition that defines our level markings.
inline constexpr std::string_view kLevelExtensionId =
    "extension-definition--3f1f9a38-5c63-4d59-9c3c-2a1d2e0b7a51";
// The OASIS TLP 2.0 extension.
inline constexpr std::string_view kTlp2ExtensionId =
    "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";

// The id of the TLP 2.0 marking-definition for a level.
std::string_view TlpMarkingId(model::Level level);
// The id of our own marking-definition for a level.
std::string_view LevelMarkingId(model::Level level);

// The marking-definition objects themselves, for a bundle.
nlohmann::json TlpMarkingObject(model::Level level);
nlohmann::json LevelMarkingObject(model::Level level, std::string_view created_by_ref);
nlohmann::json LevelExtensionDefinition(std::string_view created_by_ref);

// What a well-known marking id means: our level markings first, then TLP
// 2.0 and TLP 1.0. nullopt for any other id.
std::optional<model::Level> LevelOfKnownMarking(std::string_view marking_id);
// Whether the id is one of our five level markings (exact, wins over TLP).
bool IsLevelMarking(std::string_view marking_id);
// Whether every export writes this object itself (our level markings and
// their extension definition, the TLP 2.0 markings): an import need not
// keep it apart from the objects it marks.
bool IsRegenerated(std::string_view id);

}  // namespace ts::exchange::stix
