#include "model/level.hpp"

#include <algorithm>
#include <cctype>
#include <string>

#include "util/enum_names.hpp"

namespace ts::model {
namespace {
constexpr EnumNames<Level, 5> kNames{{{Level::kRed, "RED"},
                                      {Level::kAmber, "AMBER"},
                                      {Level::kYellow, "YELLOW"},
                                      {Level::kGreen, "GREEN"},
                                      {Level::kWhite, "WHITE"}}};
constexpr EnumNames<Level, 5> kTlp{{{Level::kRed, "TLP:RED"},
                                    {Level::kAmber, "TLP:AMBER+STRICT"},
                                    {Level::kYellow, "TLP:AMBER"},
                                    {Level::kGreen, "TLP:GREEN"},
                                    {Level::kWhite, "TLP:CLEAR"}}};
}  // namespace

std::string_view LevelName(Level level) {
  return NameOf(kNames, level);
}

std::optional<Level> ParseLevel(std::string_view name) {
  std::string upper(name);
  std::transform(upper.begin(), upper.end(), upper.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return ParseName(kNames, std::string_view(upper));
}

std::string_view TlpLabel(Level level) {
  return NameOf(kTlp, level);
}

}  // namespace ts::model
