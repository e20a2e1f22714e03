// libyara behind CompileYara/ScanWithYara: errors come with their line,
// warnings do not block, includes are refused, and scans report the
// identifiers of the matching rules only.
#include "catalog/yara_engine.hpp"

#include <gtest/gtest.h>

namespace ts::catalog {
namespace {

TEST(YaraEngine, ErrorsCarryTheirLine) {
  auto c = CompileYara("rule a { condition: true }\n\nrule b {\n  condition:\n    nope\n}\n");
  EXPECT_EQ(c.rules, nullptr);
  ASSERT_FALSE(c.diagnostics.empty());
  EXPECT_EQ(c.diagnostics[0].line, 5);
  EXPECT_FALSE(c.diagnostics[0].warning);
  EXPECT_NE(c.diagnostics[0].message.find("nope"), std::string::npos);
}

TEST(YaraEngine, IncludesAreRefused) {
  auto c = CompileYara("include \"/etc/hostname\"\nrule a { condition: true }\n");
  EXPECT_EQ(c.rules, nullptr);
  ASSERT_FALSE(c.diagnostics.empty());
  EXPECT_EQ(c.diagnostics[0].line, 1);
}

TEST(YaraEngine, ScanReportsMatchingIdentifiers) {
  auto c = CompileYara(
      "rule Has_Marker { strings: $m = \"MARKER-42\" condition: $m }\n"
      "rule Is_Big { condition: filesize > 1000 }\n"
      "rule Starts_Mz { condition: uint16(0) == 0x5a4d }\n");
  ASSERT_NE(c.rules, nullptr);
  auto hits = ScanWithYara(*c.rules, std::string("MZ...MARKER-42..."));
  ASSERT_TRUE(hits.ok());
  EXPECT_EQ(*hits, (std::vector<std::string>{"Has_Marker", "Starts_Mz"}));
  hits = ScanWithYara(*c.rules, std::string(2000, 'x'));
  ASSERT_TRUE(hits.ok());
  EXPECT_EQ(*hits, (std::vector<std::string>{"Is_Big"}));
  hits = ScanWithYara(*c.rules, "");
  ASSERT_TRUE(hits.ok());
  EXPECT_TRUE(hits->empty());
}

TEST(YaraEngine, WarningsDoNotBlock) {
  // A one-byte string makes libyara warn that it slows scanning down.
  auto c = CompileYara("rule slow {\n  strings:\n    $a = \"x\"\n  condition:\n    $a\n}\n");
  ASSERT_NE(c.rules, nullptr);
  ASSERT_FALSE(c.diagnostics.empty());
  EXPECT_EQ(c.diagnostics[0].line, 3);
  for (const auto& d : c.diagnostics) EXPECT_TRUE(d.warning) << d.message;
}

}  // namespace
}  // namespace ts::catalog
