#include "exchange/stix/markings.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>

namespace ts::exchange::stix {
namespace {

using model::Level;

struct Known {
  std::string_view id;
  Level level;
};

// Ours: one fixed id per level, RED..WHITE.
constexpr Known kLevelMarkings[] = {
    {"marking-definition--8a4c1f2e-7b1d-4c3e-9f5a-0d6e1b2c3a01", Level::kRed},
    {"marking-definition--8a4c1f2e-7b1d-4c3e-9f5a-0d6e1b2c3a02", Level::kAmber},
    {"marking-definition--8a4c1f2e-7b1d-4c3e-9f5a-0d6e1b2c3a03", Level::kYellow},
    {"marking-definition--8a4c1f2e-7b1d-4c3e-9f5a-0d6e1b2c3a04", Level::kGreen},
    {"marking-definition--8a4c1f2e-7b1d-4c3e-9f5a-0d6e1b2c3a05", Level::kWhite},
};

// TLP 2.0 (OASIS cti-stix-common-objects), indexed by level RED..WHITE.
constexpr std::string_view kTlp2Ids[] = {
    "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",  // TLP:RED
    "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",  // TLP:AMBER+STRICT
    "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",  // TLP:AMBER
    "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",  // TLP:GREEN
    "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",  // TLP:CLEAR
};
constexpr std::string_view kTlp2Names[] = {"red", "amber+strict", "amber", "green", "clear"};

// TLP 1.0, predefined by STIX 2.1 §7.2.1.4. TLP 1.0 AMBER allowed sharing
// within the recipient's organisation and its clients, so it maps to our
// narrower AMBER rather than to YELLOW.
constexpr Known kTlp1[] = {
    {"marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed", Level::kRed},
    {"marking-definition--f88d31f6-486f-44da-b317-01333bde0b82", Level::kAmber},
    {"marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da", Level::kGreen},
    {"marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9", Level::kWhite},
};

// Fixed creation times make the objects identical in every export.
constexpr std::string_view kTlp2Created = "2022-10-01T00:00:00.000Z";
constexpr std::string_view kOursCreated = "2026-01-01T00:00:00.000Z";

size_t Index(Level level) {
  return static_cast<size_t>(level);
}

}  // namespace

std::string_view TlpMarkingId(Level level) {
  return kTlp2Ids[Index(level)];
}
std::string_view LevelMarkingId(Level level) {
  return kLevelMarkings[Index(level)].id;
}

nlohmann::json TlpMarkingObject(Level level) {
  std::string name = "TLP:" + std::string(kTlp2Names[Index(level)]);
  for (char& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return {{"type", "marking-definition"},
          {"spec_version", "2.1"},
          {"id", TlpMarkingId(level)},
          {"created", kTlp2Created},
          {"name", name},
          {"extensions",
           {{kTlp2ExtensionId,
             {{"extension_type", "property-extension"}, {"tlp_2_0", kTlp2Names[Index(level)]}}}}}};
}

nlohmann::json LevelMarkingObject(Level level, std::string_view created_by_ref) {
  return {{"type", "marking-definition"},
          {"spec_version", "2.1"},
          {"id", LevelMarkingId(level)},
          {"created", kOursCreated},
          {"created_by_ref", created_by_ref},
          {"name", "threatshare:" + std::string(model::LevelName(level))},
          {"extensions",
           {{kLevelExtensionId,
             {{"extension_type", "property-extension"}, {"level", model::LevelName(level)}}}}}};
}

nlohmann::json LevelExtensionDefinition(std::string_view created_by_ref) {
  return {{"type", "extension-definition"},
          {"spec_version", "2.1"},
          {"id", kLevelExtensionId},
          {"created", kOursCreated},
          {"modified", kOursCreated},
          {"created_by_ref", created_by_ref},
          {"name", "threatshare sharing level"},
          {"description",
           "The exact sharing level (RED, AMBER, YELLOW, GREEN, WHITE) of the marked objects; "
           "the TLP 2.0 marking sent beside it is its nearest TLP equivalent."},
          {"schema", "https://threatshare.example/schemas/level-marking.json"},
          {"version", "1.0.0"},
          {"extension_types", {"property-extension"}}};
}

std::optional<Level> LevelOfKnownMarking(std::string_view id) {
  for (const auto& k : kLevelMarkings)
    if (k.id == id) return k.level;
  for (size_t i = 0; i < std::size(kTlp2Ids); ++i)
    if (kTlp2Ids[i] == id) return static_cast<Level>(i);
  for (const auto& k : kTlp1)
    if (k.id == id) return k.level;
  return std::nullopt;
}

bool IsLevelMarking(std::string_view id) {
  for (const auto& k : kLevelMarkings)
    if (k.id == id) return true;
  return false;
}

bool IsRegenerated(std::string_view id) {
  return IsLevelMarking(id) || id == kLevelExtensionId ||
         std::find(std::begin(kTlp2Ids), std::end(kTlp2Ids), id) != std::end(kTlp2Ids);
}

}  // namespace ts::exchange::stix
