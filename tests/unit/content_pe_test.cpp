// ParsePe against PE32 and PE32+ files built byte by byte with known header
// values (tests/cases/content/make_fixtures.py), and against damaged copies.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "content_fixtures.hpp"
#include "ingest/content/pe_info.hpp"

namespace {

using namespace ts::ingest::content;
using ts::testing_support::ContentFixture;

void ExpectImports(const PeInfo& pe) {
  ASSERT_EQ(pe.imports.size(), 2u);
  EXPECT_EQ(pe.imports[0].dll, "KERNEL32.dll");
  EXPECT_EQ(pe.imports[0].functions, (std::vector<std::string>{"CreateFileA", "WriteFile"}));
  EXPECT_EQ(pe.imports[1].dll, "WS2_32.dll");
  EXPECT_EQ(pe.imports[1].functions, (std::vector<std::string>{"#23", "connect"}));
}

TEST(ContentPe, Pe32) {
  auto pe = ParsePe(ContentFixture("pe32.exe"));
  ASSERT_TRUE(pe.ok()) << pe.error().message;
  EXPECT_EQ(pe->machine, 0x14c);
  EXPECT_EQ(pe->machine_name, "i386");
  EXPECT_FALSE(pe->is_64bit);
  EXPECT_FALSE(pe->is_dll);
  EXPECT_EQ(pe->subsystem_name, "windows_cui");
  EXPECT_EQ(pe->timestamp, 1551675967u);
  EXPECT_EQ(pe->compile_time, "2019-03-04T05:06:07Z");
  EXPECT_EQ(pe->entry_point, 0x1000u);
  EXPECT_EQ(pe->image_base, 0x400000u);
  ASSERT_EQ(pe->sections.size(), 3u);
  EXPECT_EQ(pe->sections[0].name, ".text");
  EXPECT_EQ(pe->sections[1].name, ".rdata");
  EXPECT_EQ(pe->sections[1].virtual_address, 0x2000u);
  EXPECT_EQ(pe->sections[1].virtual_size, 0x200u);
  EXPECT_EQ(pe->sections[1].raw_offset, 0x400u);
  EXPECT_EQ(pe->sections[1].raw_size, 0x200u);
  EXPECT_GT(pe->sections[0].entropy, 0);
  EXPECT_LT(pe->sections[0].entropy, 1);
  ExpectImports(*pe);
  EXPECT_TRUE(pe->warnings.empty());
}

TEST(ContentPe, Pe32PlusDll) {
  auto pe = ParsePe(ContentFixture("pe64.dll"));
  ASSERT_TRUE(pe.ok()) << pe.error().message;
  EXPECT_EQ(pe->machine_name, "amd64");
  EXPECT_TRUE(pe->is_64bit);
  EXPECT_TRUE(pe->is_dll);
  EXPECT_EQ(pe->subsystem_name, "windows_gui");
  EXPECT_EQ(pe->image_base, 0x180000000u);
  ExpectImports(*pe);
}

TEST(ContentPe, NotPe) {
  for (std::string_view data :
       {std::string_view(""), std::string_view("MZ"), std::string_view("%PDF-1.4 hello")}) {
    auto pe = ParsePe(data);
    ASSERT_FALSE(pe.ok());
    EXPECT_EQ(pe.error().code, ts::Code::kInvalid);
    EXPECT_TRUE(pe.error().message.starts_with("not a PE executable: ")) << pe.error().message;
  }
}

TEST(ContentPe, EveryTruncationIsHandled) {
  // Each prefix either fails cleanly or parses with what fits; none crashes
  // (the sanitizers watch the reads).
  const std::string full = ContentFixture("pe32.exe");
  for (std::size_t n = 0; n < full.size(); n += 7) {
    auto pe = ParsePe(std::string_view(full).substr(0, n));
    if (n < 0x58 + 72) {
      EXPECT_FALSE(pe.ok()) << n;
    }
  }
  auto headers_only = ParsePe(std::string_view(full).substr(0, 0x200));
  ASSERT_TRUE(headers_only.ok());
  EXPECT_EQ(headers_only->sections.size(), 3u);
  EXPECT_TRUE(headers_only->imports.empty());
  ASSERT_FALSE(headers_only->warnings.empty());
  EXPECT_EQ(headers_only->warnings[0], "the import table lies outside the file");
}

TEST(ContentPe, HostileCountsAreCapped) {
  std::string pe = ContentFixture("pe32.exe");
  pe[0x46] = '\xff';  // NumberOfSections = 0xff03
  pe[0x47] = '\xff';
  auto parsed = ParsePe(pe);
  ASSERT_TRUE(parsed.ok());
  EXPECT_LE(parsed->sections.size(), 96u);
  EXPECT_FALSE(parsed->warnings.empty());
}

}  // namespace
