#include "model/sector.hpp"

#include <array>

namespace ts::model {
namespace {

constexpr std::array<SubSector, 3> kTelecom{
    {{"telecommunications", "電気通信", "Telecommunications"},
     {"cable-tv", "ケーブルテレビ", "Cable television"},
     {"broadcasting", "放送", "Broadcasting"}}};
constexpr std::array<SubSector, 4> kFinance{
    {{"banking", "銀行等", "Banking"},
     {"securities", "証券", "Securities"},
     {"life-insurance", "生命保険", "Life insurance"},
     {"non-life-insurance", "損害保険", "Non-life insurance"}}};

constexpr std::array<Sector, 14> kSectors{{
    {"telecom", "情報通信", "Information and communication", kTelecom},
    {"finance", "金融", "Finance", kFinance},
    {"aviation", "航空", "Aviation", {}},
    {"railway", "鉄道", "Railway", {}},
    {"power", "電力", "Electric power", {}},
    {"gas", "ガス", "Gas", {}},
    {"government", "政府・行政サービス", "Government and administrative services", {}},
    {"medical", "医療", "Medical", {}},
    {"water", "水道", "Water", {}},
    {"logistics", "物流", "Logistics", {}},
    {"chemical", "化学", "Chemical", {}},
    {"credit", "クレジット", "Credit", {}},
    {"petroleum", "石油", "Petroleum", {}},
    {"none", "なし", "No sector", {}},
}};

}  // namespace

std::span<const Sector> AllSectors() {
  return kSectors;
}

const Sector* FindSector(std::string_view code_or_name) {
  for (const auto& s : kSectors)
    if (s.code == code_or_name || s.name_ja == code_or_name) return &s;
  // The action plan writes the government sector with its parenthesis.
  if (code_or_name == "政府・行政サービス(含・地方公共団体)" ||
      code_or_name == "政府・行政サービス（含・地方公共団体）")
    return FindSector("government");
  return nullptr;
}

const SubSector* FindSubSector(const Sector& sector, std::string_view code_or_name) {
  for (const auto& s : sector.sub_sectors)
    if (s.code == code_or_name || s.name_ja == code_or_name) return &s;
  return nullptr;
}

}  // namespace ts::model
