// Classification of an event by the 共有すべき情報 matrix (seed 003) and by
// when it is shared.
//   A    — preventing recurrence: incident cases, near misses
//   B-a  — preventing occurrence: rules, regulation, environment, statistics
//   B-b  — preventing occurrence: individual cases, threat trends, exercises
//   B-c  — preventing occurrence: precursors and warnings
//   C    — containment and recovery: emergency notices, attack details
#pragma once

#include <optional>
#include <string_view>

namespace ts::model {

enum class Category { kA, kBa, kBb, kBc, kC };
enum class Timing { kPeacetime, kAlert };

inline constexpr Category kAllCategories[] = {Category::kA, Category::kBa, Category::kBb,
                                              Category::kBc, Category::kC};

// "A", "B-a", "B-b", "B-c", "C".
std::string_view CategoryName(Category c);
std::optional<Category> ParseCategory(std::string_view name);
// "peacetime", "alert".
std::string_view TimingName(Timing t);
std::optional<Timing> ParseTiming(std::string_view name);

}  // namespace ts::model
