#include "util/crypto.hpp"

#include <gtest/gtest.h>

#include <cctype>
#include <chrono>
#include <set>
#include <string>
#include <thread>

namespace ts {
namespace {

TEST(CryptoTest, RandomTokenIsBase64UrlWithoutPadding) {
  const std::string token = RandomToken();
  EXPECT_EQ(token.size(), 43u);  // ceil(32 * 4 / 3)
  for (char c : token) {
    EXPECT_TRUE(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') << token;
  }
  EXPECT_EQ(RandomToken(1).size(), 2u);
  EXPECT_EQ(RandomToken(3).size(), 4u);
  EXPECT_EQ(RandomToken(0), "");
}

TEST(CryptoTest, RandomTokensDiffer) {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) seen.insert(RandomToken(16));
  EXPECT_EQ(seen.size(), 1000u);
}

TEST(CryptoTest, Sha256HexMatchesKnownVectors) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Sha256Hex(std::string("a\0b", 3)), Sha256Hex(std::string("a\0b", 3)));
  EXPECT_NE(Sha256Hex(std::string("a\0b", 3)), Sha256Hex("a"));
}

TEST(CryptoTest, NewUuidIsCanonicalVersion7) {
  const std::string uuid = NewUuid();
  ASSERT_EQ(uuid.size(), 36u);
  EXPECT_TRUE(IsUuid(uuid)) << uuid;
  EXPECT_EQ(uuid[14], '7') << uuid;
  EXPECT_NE(std::string("89ab").find(uuid[19]), std::string::npos) << uuid;
}

TEST(CryptoTest, NewRandomUuidIsCanonicalVersion4) {
  const std::string uuid = NewRandomUuid();
  EXPECT_TRUE(IsUuid(uuid)) << uuid;
  EXPECT_EQ(uuid[14], '4') << uuid;
  EXPECT_NE(std::string("89ab").find(uuid[19]), std::string::npos) << uuid;
}

TEST(CryptoTest, NewUuidsOfLaterMillisecondsSortAfter) {
  std::string earlier = NewUuid();
  for (int i = 0; i < 5; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    std::string later = NewUuid();
    EXPECT_LT(earlier, later);
    earlier = later;
  }
}

TEST(CryptoTest, NewUuidsAreUnique) {
  std::set<std::string> seen;
  for (int i = 0; i < 10000; ++i) seen.insert(NewUuid());
  EXPECT_EQ(seen.size(), 10000u);
}

TEST(CryptoTest, IsUuidAcceptsOnlyCanonicalLowerCase) {
  EXPECT_TRUE(IsUuid("123e4567-e89b-42d3-a456-426614174000"));
  EXPECT_TRUE(IsUuid("00000000-0000-0000-0000-000000000000"));
  EXPECT_FALSE(IsUuid("123E4567-E89B-42D3-A456-426614174000"));
  EXPECT_FALSE(IsUuid("{123e4567-e89b-42d3-a456-426614174000}"));
  EXPECT_FALSE(IsUuid("123e4567e89b42d3a456426614174000"));
  EXPECT_FALSE(IsUuid("123e4567-e89b-42d3-a456-42661417400"));
  EXPECT_FALSE(IsUuid("123e4567-e89b-42d3-a456-4266141740000"));
  EXPECT_FALSE(IsUuid("123e4567-e89b-42d3-a456_426614174000"));
  EXPECT_FALSE(IsUuid("123e4567-e89b-42d3-a456-42661417400g"));
  EXPECT_FALSE(IsUuid(""));
}

TEST(CryptoTest, ConstantTimeEquals) {
  EXPECT_TRUE(ConstantTimeEquals("", ""));
  EXPECT_TRUE(ConstantTimeEquals("secret", "secret"));
  EXPECT_FALSE(ConstantTimeEquals("secret", "secreT"));
  EXPECT_FALSE(ConstantTimeEquals("secret", "secret "));
  EXPECT_FALSE(ConstantTimeEquals("", "x"));
  EXPECT_FALSE(ConstantTimeEquals(std::string("a\0b", 3), std::string("a\0c", 3)));
}

}  // namespace
}  // namespace ts
