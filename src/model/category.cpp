#include "model/category.hpp"

#include "util/enum_names.hpp"

namespace ts::model {
namespace {
constexpr EnumNames<Category, 5> kCategories{{{Category::kA, "A"},
                                              {Category::kBa, "B-a"},
                                              {Category::kBb, "B-b"},
                                              {Category::kBc, "B-c"},
                                              {Category::kC, "C"}}};
constexpr EnumNames<Timing, 2> kTimings{
    {{Timing::kPeacetime, "peacetime"}, {Timing::kAlert, "alert"}}};
}  // namespace

std::string_view CategoryName(Category c) {
  return NameOf(kCategories, c);
}
std::optional<Category> ParseCategory(std::string_view name) {
  return ParseName(kCategories, name);
}
std::string_view TimingName(Timing t) {
  return NameOf(kTimings, t);
}
std::optional<Timing> ParseTiming(std::string_view name) {
  return ParseName(kTimings, name);
}

}  // namespace ts::model
