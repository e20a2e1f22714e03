// AnalyzeContent aggregates everything for a file and its members, and the
// JSON rendering carries it (without member bytes).
#include <gtest/gtest.h>

#include <string>

#include "content_fixtures.hpp"
#include "ingest/content/analysis.hpp"
#include "ingest/content/analysis_json.hpp"

namespace {

using namespace ts::ingest::content;
using ts::testing_support::ContentFixture;

TEST(ContentAnalysis, ZipWithADisguisedProgram) {
  const std::string pe = ContentFixture("pe32.exe");
  auto zip = ContentFixture("hello.zip");
  const auto report = AnalyzeContent(zip, "mail-attachment.zip");
  EXPECT_EQ(report.file.size, zip.size());
  EXPECT_EQ(report.file.type.kind, FileKind::kZip);
  EXPECT_TRUE(report.is_archive);
  EXPECT_FALSE(report.archive_error.has_value());
  ASSERT_EQ(report.members.size(), 2u);
  const auto& tool = report.members[1];
  EXPECT_EQ(tool.path, "bin/tool.exe");
  EXPECT_EQ(tool.facts.name, "bin/tool.exe");
  EXPECT_EQ(tool.facts.type.kind, FileKind::kPeExecutable);
  ASSERT_TRUE(tool.facts.pe.has_value());
  EXPECT_EQ(tool.facts.pe->imports.size(), 2u);
  EXPECT_EQ(tool.bytes, pe);
  EXPECT_EQ(tool.facts.digests.md5, "a504fe7d5fe7edd0756c2c9ce8fa6612");

  const auto json = ToJson(report);
  EXPECT_EQ(json["type"]["kind"], "zip");
  EXPECT_EQ(json["digests"]["sha256"], report.file.digests.sha256);
  const auto& member = json["archive"]["members"][1];
  EXPECT_EQ(member["path"], "bin/tool.exe");
  EXPECT_EQ(member["type"]["executable"], true);
  EXPECT_EQ(member["pe"]["compile_time"], "2019-03-04T05:06:07Z");
  EXPECT_EQ(member["pe"]["imports"][1]["functions"][0], "#23");
  EXPECT_TRUE(member["parent"].is_null());
  EXPECT_EQ(json.dump().find("bytes"), std::string::npos);
  // The readme's URL comes out as an indicator of the member.
  bool url = false;
  for (const auto& i : json["archive"]["members"][0]["indicators"])
    url = url || i["value"] == "http://evil.example.com/gate.php";
  EXPECT_TRUE(url) << json["archive"]["members"][0]["indicators"].dump();
}

TEST(ContentAnalysis, DisguisedExecutableAtTopLevel) {
  const auto report = AnalyzeContent(ContentFixture("pe32.exe"), "請求書.pdf");
  EXPECT_TRUE(report.file.disguised_executable);
  EXPECT_FALSE(report.is_archive);
  const auto json = ToJson(report);
  EXPECT_EQ(json["disguised_executable"], true);
  EXPECT_FALSE(json.contains("archive"));
  EXPECT_TRUE(json["digests"]["tlsh"].is_null() || json["digests"]["tlsh"].is_string());
}

TEST(ContentAnalysis, RefusedArchiveStillReportsTheFile) {
  const auto report = AnalyzeContent(ContentFixture("dotdot.zip"), "dotdot.zip");
  EXPECT_TRUE(report.is_archive);
  ASSERT_TRUE(report.archive_error.has_value());
  EXPECT_TRUE(report.members.empty());
  EXPECT_FALSE(report.file.digests.sha256.empty());
  const auto json = ToJson(report);
  EXPECT_EQ(json["archive"]["error"]["code"], "invalid");
  EXPECT_NE(json["archive"]["error"]["message"].get<std::string>().find("'../evil.exe'"),
            std::string::npos);
}

TEST(ContentAnalysis, LockedMemberAndDroppedBytes) {
  AnalysisOptions options;
  options.keep_member_bytes = false;
  const auto report = AnalyzeContent(ContentFixture("locked.zip"), "locked.zip", options);
  ASSERT_EQ(report.members.size(), 2u);
  EXPECT_TRUE(report.members[0].locked);
  EXPECT_EQ(report.members[0].facts.digests.sha256, "");
  EXPECT_EQ(report.members[1].bytes, "");
  EXPECT_EQ(report.members[1].facts.size, 13u);
  EXPECT_EQ(ToJson(report)["archive"]["members"][0]["locked"], true);
}

}  // namespace
