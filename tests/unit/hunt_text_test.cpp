// The stores behind an IndicatorSet's strings: views they hand out must stay
// valid and unchanged while the store grows, whatever the caller does with
// its own copies.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "hunt/origin_table.hpp"
#include "hunt/text_arena.hpp"

namespace {

using ts::hunt::OriginTable;
using ts::hunt::TextArena;

TEST(TextArena, ViewsOutliveTheCallersStringsAndLaterBlocks) {
  TextArena arena;
  std::vector<std::string_view> kept;
  std::string source;
  for (int i = 0; i < 200000; ++i) {  // several 1 MB blocks
    source = "value-" + std::to_string(i);
    kept.push_back(arena.Keep(source));
  }
  const std::string huge(3 << 20, 'x');  // longer than a block
  const std::string_view big = arena.Keep(huge);
  source.assign(source.size(), '#');
  for (int i = 0; i < 200000; ++i) ASSERT_EQ(kept[i], "value-" + std::to_string(i));
  EXPECT_EQ(big, huge);
  EXPECT_NE(big.data(), huge.data());
  EXPECT_TRUE(arena.Keep("").empty());
}

TEST(OriginTable, KeepsEachPairOnceAndCopies) {
  OriginTable table;
  EXPECT_EQ(table.Intern("", ""), OriginTable::kUnknown);
  std::string event = "wave 2", campaign = "Blue Termite";
  const auto both = table.Intern(event, campaign);
  const auto event_only = table.Intern(event, "");
  EXPECT_NE(both, OriginTable::kUnknown);
  EXPECT_NE(both, event_only);
  EXPECT_EQ(table.Intern("", ""), OriginTable::kUnknown);  // also after others
  EXPECT_EQ(table.Intern("wave 2", "Blue Termite"), both);
  event.assign(event.size(), '#');
  campaign.clear();
  EXPECT_EQ(table[both].event, "wave 2");
  EXPECT_EQ(table[both].campaign, "Blue Termite");
  EXPECT_EQ(table[event_only].campaign, "");
  EXPECT_EQ(table[OriginTable::kUnknown].event, "");
}

}  // namespace
