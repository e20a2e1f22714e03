// The 13 critical-infrastructure sectors and their sub-sectors (CEPTOARs),
// from the NISC action plan tables (seed 002), plus `none` for security
// organisations and ministries outside any sector.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace ts::model {

struct SubSector {
  std::string_view code;  // e.g. "banking"
  std::string_view name_ja;
  std::string_view name_en;
};

struct Sector {
  std::string_view code;  // e.g. "power"
  std::string_view name_ja;
  std::string_view name_en;
  std::span<const SubSector> sub_sectors;
};

// Every sector, in the order of the action plan, `none` last.
std::span<const Sector> AllSectors();
// Finds a sector by its code or its Japanese name ("power" or "電力").
const Sector* FindSector(std::string_view code_or_name);
// Finds a sub-sector of `sector` by its code or Japanese name.
const SubSector* FindSubSector(const Sector& sector, std::string_view code_or_name);

}  // namespace ts::model
