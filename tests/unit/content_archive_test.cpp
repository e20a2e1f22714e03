// WalkArchive over every supported format, nesting, passwords, damage, and
// each limit and refusal with the message it gives.
#include <gtest/gtest.h>
#include <locale.h>

#include <string>
#include <vector>

#include "content_fixtures.hpp"
#include "ingest/content/archive_walk.hpp"

namespace {

using namespace ts::ingest::content;
using ts::Code;
using ts::testing_support::ContentFixture;

std::vector<std::string> Paths(const ArchiveWalk& walk) {
  std::vector<std::string> paths;
  for (const auto& m : walk.members) paths.push_back(m.path);
  return paths;
}

const ArchiveMember* Find(const ArchiveWalk& walk, std::string_view path) {
  for (const auto& m : walk.members)
    if (m.path == path) return &m;
  return nullptr;
}

ArchiveWalk MustWalk(std::string_view fixture, const ArchiveOptions& options = {}) {
  auto walk = WalkArchive(ContentFixture(fixture), fixture, options);
  EXPECT_TRUE(walk.ok()) << fixture << ": " << (walk.ok() ? "" : walk.error().message);
  return walk.ok() ? std::move(*walk) : ArchiveWalk{};
}

TEST(ContentArchive, ZipMembersWithBytes) {
  const auto walk = MustWalk("hello.zip");
  EXPECT_TRUE(walk.is_archive);
  EXPECT_EQ(walk.format, FileKind::kZip);
  ASSERT_EQ(Paths(walk), (std::vector<std::string>{"readme.txt", "bin/tool.exe"}));
  EXPECT_EQ(walk.members[1].bytes, ContentFixture("pe32.exe"));
  EXPECT_EQ(walk.members[1].size, 2048u);
  EXPECT_EQ(walk.members[1].depth, 1u);
  EXPECT_EQ(walk.members[1].parent, kTopArchive);
  EXPECT_FALSE(walk.members[1].encrypted);
  EXPECT_TRUE(walk.warnings.empty());
}

TEST(ContentArchive, EveryFormat) {
  const std::pair<const char*, std::vector<std::string>> cases[] = {
      {"sample.7z", {"b.txt", "readme.txt"}},
      {"sample.tar.gz", {"a/readme.txt", "a/tool.exe"}},
      {"sample.tar.bz2", {"readme.txt"}},
      {"sample.tar.xz", {"readme.txt"}},
      {"levels.lzh", {"level0.txt", "level1.txt", "level2.txt"}},
  };
  for (const auto& [fixture, paths] : cases) {
    const auto walk = MustWalk(fixture);
    EXPECT_EQ(Paths(walk), paths) << fixture;
    EXPECT_TRUE(walk.warnings.empty()) << fixture << ": " << walk.warnings.front();
  }
  const auto lzh = MustWalk("levels.lzh");
  ASSERT_EQ(lzh.members.size(), 3u);
  EXPECT_EQ(lzh.members[2].bytes, "stored at level 2\n");
}

// The test process runs in the "C" locale, where libarchive cannot
// convert any non-ASCII name: the walk must switch its own thread to UTF-8.
TEST(ContentArchive, JapaneseNamesComeOutAsUtf8) {
  const std::string pension = "厚生年金基金制度の見直しについて.exe";
  const std::pair<const char*, std::vector<std::string>> cases[] = {
      {"japanese.lzh", {pension, "説明書.txt"}},  // CP932 in LHA headers
      {"cp932_name.zip", {pension}},              // CP932, no UTF-8 flag
      {"utf8_name.zip", {pension, "資料/説明書.txt"}},
      {"utf8_unflagged_name.zip", {pension}},  // UTF-8, no flag (macOS)
  };
  for (const auto& [fixture, paths] : cases) {
    const auto walk = MustWalk(fixture);
    EXPECT_EQ(Paths(walk), paths) << fixture;
    EXPECT_TRUE(walk.warnings.empty()) << fixture << ": " << walk.warnings.front();
    ASSERT_FALSE(walk.members.empty()) << fixture;
    EXPECT_EQ(walk.members[0].name, pension) << fixture;
    EXPECT_EQ(walk.members[0].bytes, "payload at the bottom\n") << fixture;
  }
}

TEST(ContentArchive, WalkLeavesTheThreadLocaleAsItWas) {
  const locale_t before = uselocale(static_cast<locale_t>(nullptr));
  const std::string process_before = setlocale(LC_CTYPE, nullptr);
  EXPECT_EQ(MustWalk("japanese.lzh").members.size(), 2u);
  EXPECT_EQ(uselocale(static_cast<locale_t>(nullptr)), before);
  EXPECT_EQ(setlocale(LC_CTYPE, nullptr), process_before);  // never set process-wide
}

TEST(ContentArchive, LoneGzipIsNamedAfterTheFile) {
  const auto walk = MustWalk("single.exe.gz");
  ASSERT_EQ(Paths(walk), std::vector<std::string>{"single.exe"});
  EXPECT_EQ(walk.members[0].bytes, ContentFixture("pe32.exe"));
}

TEST(ContentArchive, NestedArchivesAreWalked) {
  const auto walk = MustWalk("nested.zip");
  ASSERT_EQ(Paths(walk),
            (std::vector<std::string>{"readme.txt", "inner.zip", "inner.zip!deep.tar.gz",
                                      "inner.zip!deep.tar.gz!docs/payload.txt"}));
  const auto* payload = Find(walk, "inner.zip!deep.tar.gz!docs/payload.txt");
  EXPECT_EQ(payload->depth, 3u);
  EXPECT_EQ(payload->parent, 2u);
  EXPECT_EQ(payload->container, FileKind::kGzip);
  EXPECT_EQ(payload->name, "docs/payload.txt");
  EXPECT_EQ(payload->bytes, "payload at the bottom\n");
  EXPECT_EQ(walk.members[1].parent, kTopArchive);
  // A nested archive keeps its own bytes too (it is a sample of its own).
  EXPECT_TRUE(walk.members[1].bytes.starts_with("PK"));
}

TEST(ContentArchive, OfficeDocumentsAreMembersNotArchives) {
  const auto walk = MustWalk("stored_docx.zip");
  ASSERT_EQ(Paths(walk), std::vector<std::string>{"doc.docx"});
  EXPECT_EQ(walk.members[0].bytes, ContentFixture("doc.docx"));
  auto docx = WalkArchive(ContentFixture("doc.docx"), "doc.docx");
  ASSERT_TRUE(docx.ok());
  EXPECT_FALSE(docx->is_archive);
}

TEST(ContentArchive, CustomaryPasswordOpensZipCrypto) {
  const auto walk = MustWalk("encrypted.zip");
  ASSERT_EQ(walk.members.size(), 1u);
  EXPECT_TRUE(walk.members[0].encrypted);
  EXPECT_FALSE(walk.members[0].locked);
  EXPECT_EQ(walk.members[0].bytes, "opened with the customary password\n");
}

TEST(ContentArchive, UnknownPasswordLocksOnlyThatMember) {
  const auto walk = MustWalk("locked.zip");
  ASSERT_EQ(Paths(walk), (std::vector<std::string>{"a.txt", "b.txt"}));
  EXPECT_TRUE(walk.members[0].encrypted);
  EXPECT_TRUE(walk.members[0].locked);
  EXPECT_EQ(walk.members[0].bytes, "");
  EXPECT_FALSE(walk.members[1].locked);
  EXPECT_EQ(walk.members[1].bytes, "plain member\n");

  ArchiveOptions options;
  options.passwords.push_back("s3cr3t-unknown");  // e.g. found in the mail body
  const auto opened = MustWalk("locked.zip", options);
  EXPECT_FALSE(opened.members[0].locked);
  EXPECT_EQ(opened.members[0].bytes, "nobody knows this password\n");
}

TEST(ContentArchive, Encrypted7zIsLockedEvenWithTheRightPassword) {
  const auto walk = MustWalk("encrypted.7z");
  ASSERT_EQ(Paths(walk), std::vector<std::string>{"secret.txt"});
  EXPECT_TRUE(walk.members[0].encrypted);
  EXPECT_TRUE(walk.members[0].locked);
  EXPECT_EQ(walk.members[0].bytes, "");
}

TEST(ContentArchive, DamagedArchiveKeepsWhatWasReadAndWarns) {
  const auto walk = MustWalk("damaged.zip");
  ASSERT_GE(walk.members.size(), 1u);
  EXPECT_EQ(walk.members[0].path, "readme.txt");
  ASSERT_FALSE(walk.warnings.empty());
  EXPECT_NE(walk.warnings[0].find("damaged.zip"), std::string::npos) << walk.warnings[0];
}

TEST(ContentArchive, NonArchiveHasNoMembers) {
  auto walk = WalkArchive(ContentFixture("pe32.exe"), "pe32.exe");
  ASSERT_TRUE(walk.ok());
  EXPECT_FALSE(walk->is_archive);
  EXPECT_TRUE(walk->members.empty());
  // Text that libarchive might bid on as some format is not opened.
  walk = WalkArchive("#mtree\n./etc/passwd type=file\n", "list.txt");
  ASSERT_TRUE(walk.ok());
  EXPECT_FALSE(walk->is_archive);
}

void ExpectError(std::string_view fixture, const ArchiveOptions& options, Code code,
                 std::initializer_list<std::string_view> in_message) {
  auto walk = WalkArchive(ContentFixture(fixture), fixture, options);
  ASSERT_FALSE(walk.ok()) << fixture;
  EXPECT_EQ(walk.error().code, code) << walk.error().message;
  for (auto part : in_message)
    EXPECT_NE(walk.error().message.find(part), std::string::npos)
        << "'" << part << "' not in: " << walk.error().message;
}

TEST(ContentArchive, MemberCountLimit) {
  ArchiveOptions options;
  options.limits.max_members = 10;
  ExpectError("many.zip", options, Code::kTooLarge,
              {"'many.zip' holds more than 10 members", "'m010.txt'", "walk stopped"});
  options.limits.max_members = 40;
  EXPECT_EQ(MustWalk("many.zip", options).members.size(), 40u);
}

TEST(ContentArchive, TotalSizeLimit) {
  ArchiveOptions options;
  options.limits.max_total_bytes = 1 << 20;
  ExpectError("ratio.zip", options, Code::kTooLarge,
              {"'ratio.zip' expands to more than 1048576 bytes", "member 'zeros.bin'"});
}

TEST(ContentArchive, CompressionRatioLimit) {
  ArchiveOptions options;
  options.limits.ratio_floor_bytes = 1 << 20;
  options.limits.max_ratio = 100;
  ExpectError("ratio.zip", options, Code::kTooLarge,
              {"'ratio.zip' expands more than 100 times its size", "member 'zeros.bin'"});
  // Below the floor the same ratio is fine: 4 MiB of zeros is no bomb.
  options.limits.ratio_floor_bytes = 8 << 20;
  EXPECT_EQ(MustWalk("ratio.zip", options).members.at(0).size, 4u << 20);
}

TEST(ContentArchive, NestingDepthLimit) {
  ArchiveOptions options;
  options.limits.max_depth = 3;
  ExpectError("deep.zip", options, Code::kTooLarge,
              {"'level2.zip!level3.zip!level4.zip'", "more than 3 levels deep"});
  options.limits.max_depth = 7;
  const auto walk = MustWalk("deep.zip", options);
  EXPECT_EQ(walk.members.back().path,
            "level2.zip!level3.zip!level4.zip!level5.zip!level6.zip!level7.zip!payload.txt");
  EXPECT_EQ(walk.members.back().depth, 7u);
}

TEST(ContentArchive, TraversalNamesAreRefused) {
  const std::pair<const char*, const char*> cases[] = {
      {"dotdot.zip", "'../evil.exe'"},
      {"absolute.zip", "'/etc/cron.d/x'"},
      // libarchive turns the backslashes of zips made on Windows into '/'.
      {"backslash.zip", "'dir/../../x.bat'"},
      {"backslash.tar", "'..\\evil.bat'"},
      {"drive.zip", "'C:/Windows/evil.dll'"},
      {"dotdot.tar", "'a/../../evil.sh'"},
  };
  for (const auto& [fixture, name] : cases)
    ExpectError(fixture, {}, Code::kInvalid,
                {fixture, name, "would be extracted outside its folder; archive refused"});
}

TEST(ContentArchive, TraversalNameRules) {
  for (const char* bad :
       {"../x", "a/../../x", "..\\x", "a\\..\\x", "/x", "\\x", "\\\\srv\\s", "C:x", "c:\\x", ".."})
    EXPECT_TRUE(IsTraversalName(bad)) << bad;
  for (const char* ok : {"x", "a/b/c.txt", "..x", "x..", "a/..b/c", "dir\\file.txt", ".hidden"})
    EXPECT_FALSE(IsTraversalName(ok)) << ok;
}

}  // namespace
