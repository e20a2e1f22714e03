// MakeProtectedZip: what it builds opens with the password in our own reader
// and in Info-ZIP's unzip, and does not open with a wrong one.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "ingest/content/archive_walk.hpp"
#include "ingest/content/zip_writer.hpp"

namespace {

using namespace ts::ingest::content;
namespace fs = std::filesystem;

std::string Payload() {
  std::mt19937 gen(42);
  std::string s(100000, '\0');
  for (auto& c : s) c = static_cast<char>(gen() & 0xff);
  return "MZ" + s;
}

// A scratch folder for the unzip check (harmless test data only).
class ScratchDir {
 public:
  ScratchDir() {
    std::string tmpl = (fs::temp_directory_path() / "ts-zipwriter-XXXXXX").string();
    path_ = mkdtemp(tmpl.data()) ? fs::path(tmpl) : fs::path();
  }
  ~ScratchDir() {
    std::error_code ignored;
    if (!path_.empty()) fs::remove_all(path_, ignored);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

int Unzip(const fs::path& dir, const std::string& password) {
  const std::string cmd =
      "cd '" + dir.string() + "' && unzip -qq -o -P '" + password + "' sample.zip >/dev/null 2>&1";
  return std::system(cmd.c_str());
}

void ExpectUnzipRoundTrip(ZipEncryption encryption) {
  if (std::system("command -v unzip >/dev/null 2>&1") != 0) GTEST_SKIP() << "unzip not installed";
  const std::string payload = Payload();
  ProtectedZipOptions options;
  options.encryption = encryption;
  auto zip = MakeProtectedZip("sample.bin", payload, options);
  ASSERT_TRUE(zip.ok()) << zip.error().message;
  ScratchDir dir;
  ASSERT_FALSE(dir.path().empty());
  std::ofstream(dir.path() / "sample.zip", std::ios::binary) << *zip;

  EXPECT_NE(Unzip(dir.path(), "wrong"), 0);
  EXPECT_FALSE(fs::exists(dir.path() / "sample.bin") &&
               fs::file_size(dir.path() / "sample.bin") == payload.size());
  fs::remove(dir.path() / "sample.bin");

  ASSERT_EQ(Unzip(dir.path(), "infected"), 0);
  std::ifstream in(dir.path() / "sample.bin", std::ios::binary);
  std::ostringstream got;
  got << in.rdbuf();
  EXPECT_EQ(got.str(), payload);
}

TEST(ContentZipWriter, ZipCryptoOpensWithUnzip) {
  ExpectUnzipRoundTrip(ZipEncryption::kZipCrypto);
}

TEST(ContentZipWriter, Aes256OpensInOurReaderAndNotWithoutPassword) {
  const std::string payload = Payload();
  ProtectedZipOptions options;
  options.encryption = ZipEncryption::kAes256;
  options.password = "correct horse";
  auto zip = MakeProtectedZip("dir/sample.exe", payload, options);
  ASSERT_TRUE(zip.ok()) << zip.error().message;

  ArchiveOptions with;
  with.passwords = {"correct horse"};
  auto walk = WalkArchive(*zip, "x.zip", with);
  ASSERT_TRUE(walk.ok()) << walk.error().message;
  ASSERT_EQ(walk->members.size(), 1u);
  EXPECT_EQ(walk->members[0].path, "dir/sample.exe");
  EXPECT_TRUE(walk->members[0].encrypted);
  EXPECT_EQ(walk->members[0].bytes, payload);

  auto locked = WalkArchive(*zip, "x.zip");  // only the customary passwords
  ASSERT_TRUE(locked.ok());
  ASSERT_EQ(locked->members.size(), 1u);
  EXPECT_TRUE(locked->members[0].locked);
  EXPECT_EQ(locked->members[0].bytes, "");
}

TEST(ContentZipWriter, Aes256OpensWith7z) {
  if (std::system("command -v 7z >/dev/null 2>&1") != 0) GTEST_SKIP() << "7z not installed";
  const std::string payload = Payload();
  ProtectedZipOptions options;
  options.encryption = ZipEncryption::kAes256;
  auto zip = MakeProtectedZip("sample.bin", payload, options);
  ASSERT_TRUE(zip.ok()) << zip.error().message;
  ScratchDir dir;
  ASSERT_FALSE(dir.path().empty());
  std::ofstream(dir.path() / "sample.zip", std::ios::binary) << *zip;
  const auto seven = [&](const std::string& password) {
    return std::system(("cd '" + dir.path().string() + "' && 7z x -y -bd -p'" + password +
                        "' sample.zip >/dev/null 2>&1")
                           .c_str());
  };
  EXPECT_NE(seven("wrong"), 0);
  ASSERT_EQ(seven("infected"), 0);
  std::ifstream in(dir.path() / "sample.bin", std::ios::binary);
  std::ostringstream got;
  got << in.rdbuf();
  EXPECT_EQ(got.str(), payload);
}

TEST(ContentZipWriter, PayloadIsNotStoredInTheClear) {
  const std::string marker = "this text must not appear in the zip in the clear";
  auto zip = MakeProtectedZip("a.txt", marker + marker);
  ASSERT_TRUE(zip.ok());
  EXPECT_EQ(zip->find(marker), std::string::npos);
}

TEST(ContentZipWriter, RefusesBadNamesAndEmptyPassword) {
  auto bad = MakeProtectedZip("../evil.exe", "x");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "name");
  EXPECT_NE(bad.error().message.find("'../evil.exe'"), std::string::npos);
  EXPECT_FALSE(MakeProtectedZip("", "x").ok());
  ProtectedZipOptions options;
  options.password.clear();
  auto empty = MakeProtectedZip("a.txt", "x", options);
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().field, "password");
}

}  // namespace
