// The encrypted blob store: what goes in comes out, identical bytes are
// kept once, nothing of the plaintext reaches the disk, and any change to a
// blob's file (or a file put under another name) is detected.
#include "store/blobs/blob_store.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "util/crypto.hpp"

namespace ts::store {
namespace {

namespace fs = std::filesystem;

class BlobStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ::unsetenv("THREATSHARE_BLOB_KEY");
    dir_ = fs::temp_directory_path() / ("blob-store-test-" + RandomToken(8));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  BlobStore Open() {
    auto blobs = BlobStore::Open(dir_);
    EXPECT_TRUE(blobs.ok()) << (blobs.ok() ? "" : blobs.error().message);
    return *std::move(blobs);
  }

  static std::string Slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }
  static void Spit(const fs::path& p, const std::string& bytes) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << bytes;
  }

  // Every file under the data directory, concatenated.
  std::string AllFiles() const {
    std::string all;
    for (const auto& e : fs::recursive_directory_iterator(dir_))
      if (e.is_regular_file()) all += Slurp(e.path());
    return all;
  }

  fs::path dir_;
};

// Sizes around the 64 KiB chunk boundary, and the empty blob.
TEST_F(BlobStoreTest, RoundTripsAnySize) {
  auto blobs = Open();
  for (std::size_t size :
       {std::size_t{0}, std::size_t{1}, BlobStore::kChunkBytes - 1, BlobStore::kChunkBytes,
        BlobStore::kChunkBytes + 1, 3 * BlobStore::kChunkBytes + 7}) {
    std::string data(size, '\0');
    for (std::size_t i = 0; i < size; ++i) data[i] = static_cast<char>((i * 131 + size) & 0xff);
    auto sha = blobs.Put(data);
    ASSERT_TRUE(sha.ok()) << sha.error().message;
    EXPECT_EQ(*sha, Sha256Hex(data));
    auto back = blobs.Get(*sha);
    ASSERT_TRUE(back.ok()) << size << ": " << back.error().message;
    EXPECT_EQ(*back, data) << size;
  }
}

TEST_F(BlobStoreTest, NamesByDigestUnderTwoCharacterFolders) {
  auto blobs = Open();
  auto sha = blobs.Put("hello");
  ASSERT_TRUE(sha.ok());
  EXPECT_EQ(blobs.PathOf(*sha), dir_ / "blobs" / sha->substr(0, 2) / *sha);
  EXPECT_TRUE(fs::is_regular_file(blobs.PathOf(*sha)));
  EXPECT_TRUE(fs::is_empty(dir_ / "blobs" / "tmp"));
}

TEST_F(BlobStoreTest, PlaintextNeverOnDisk) {
  auto blobs = Open();
  const std::string marker = "PLAINTEXT-MARKER-7f3a9c" + std::string(100000, 'x');
  ASSERT_TRUE(blobs.Put(marker).ok());
  EXPECT_EQ(AllFiles().find("PLAINTEXT-MARKER-7f3a9c"), std::string::npos);
}

TEST_F(BlobStoreTest, SameBytesStoredOnce) {
  auto blobs = Open();
  auto a = blobs.Put("same bytes");
  ASSERT_TRUE(a.ok());
  const auto path = blobs.PathOf(*a);
  const std::string first = Slurp(path);
  auto b = blobs.Put("same bytes");
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(*a, *b);
  // Not re-encrypted (a fresh stream header would change every byte).
  EXPECT_EQ(Slurp(path), first);
  std::size_t files = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir_ / "blobs"))
    files += e.is_regular_file();
  EXPECT_EQ(files, 1u);
}

TEST_F(BlobStoreTest, DetectsFlippedBitTruncationAndAppending) {
  auto blobs = Open();
  std::string data(200000, 'a');
  auto sha = blobs.Put(data);
  ASSERT_TRUE(sha.ok());
  const auto path = blobs.PathOf(*sha);
  const std::string good = Slurp(path);

  std::string flipped = good;
  flipped[good.size() / 2] ^= 0x01;
  Spit(path, flipped);
  auto r = blobs.Get(*sha);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, Code::kInternal);

  // Cut at a chunk boundary: every remaining chunk authenticates, but the
  // final tag is missing.
  Spit(path, good.substr(0, 8 + 24 + (BlobStore::kChunkBytes + 17)));
  EXPECT_FALSE(blobs.Get(*sha).ok());

  Spit(path, good + "extra");
  EXPECT_FALSE(blobs.Get(*sha).ok());

  Spit(path, good);
  EXPECT_TRUE(blobs.Get(*sha).ok());
}

TEST_F(BlobStoreTest, FileUnderAnotherNameIsRefused) {
  auto blobs = Open();
  auto a = blobs.Put("first");
  auto b = blobs.Put("second");
  ASSERT_TRUE(a.ok() && b.ok());
  fs::copy_file(blobs.PathOf(*a), blobs.PathOf(*b), fs::copy_options::overwrite_existing);
  EXPECT_FALSE(blobs.Get(*b).ok());
}

TEST_F(BlobStoreTest, KeyIsPrivateAndPersistent) {
  std::string sha;
  {
    auto blobs = Open();
    sha = *blobs.Put("kept across restarts");
  }
  struct stat st {};
  ASSERT_EQ(::stat((dir_ / "blob.key").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600);
  EXPECT_EQ(fs::file_size(dir_ / "blob.key"), BlobStore::kKeyBytes);
  auto reopened = Open();
  auto back = reopened.Get(sha);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, "kept across restarts");
}

TEST_F(BlobStoreTest, WrongKeyCannotRead) {
  std::string sha;
  {
    auto blobs = Open();
    sha = *blobs.Put("secret");
  }
  ::setenv("THREATSHARE_BLOB_KEY", std::string(64, 'a').c_str(), 1);
  auto other = Open();
  ::unsetenv("THREATSHARE_BLOB_KEY");
  EXPECT_FALSE(other.Get(sha).ok());
}

TEST_F(BlobStoreTest, BadKeyFromEnvironmentIsAnError) {
  ::setenv("THREATSHARE_BLOB_KEY", "not-hex", 1);
  auto blobs = BlobStore::Open(dir_);
  ::unsetenv("THREATSHARE_BLOB_KEY");
  ASSERT_FALSE(blobs.ok());
  EXPECT_NE(blobs.error().message.find("THREATSHARE_BLOB_KEY"), std::string::npos);
}

TEST_F(BlobStoreTest, MissingAndMalformedNamesAreNotFound) {
  auto blobs = Open();
  EXPECT_EQ(blobs.Get(std::string(64, '0')).error().code, Code::kNotFound);
  EXPECT_EQ(blobs.Get("../../etc/passwd").error().code, Code::kNotFound);
  EXPECT_FALSE(blobs.Contains("../x"));
}

}  // namespace
}  // namespace ts::store
