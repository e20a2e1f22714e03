#include "util/password.hpp"

#include <gtest/gtest.h>

#include <string>

namespace ts {
namespace {

TEST(PasswordTest, HashVerifiesOnlyTheRightPassword) {
  auto hash = HashPassword("correct horse battery staple");
  ASSERT_TRUE(hash.ok()) << hash.error().message;
  EXPECT_TRUE(hash->starts_with("$argon2id$")) << *hash;
  EXPECT_TRUE(VerifyPassword(*hash, "correct horse battery staple"));
  EXPECT_FALSE(VerifyPassword(*hash, "correct horse battery stapl"));
  EXPECT_FALSE(VerifyPassword(*hash, "Correct horse battery staple"));
  EXPECT_FALSE(VerifyPassword(*hash, ""));
}

TEST(PasswordTest, HashesAreSalted) {
  auto a = HashPassword("same password twice");
  auto b = HashPassword("same password twice");
  ASSERT_TRUE(a.ok());
  ASSERT_TRUE(b.ok());
  EXPECT_NE(*a, *b);
  EXPECT_TRUE(VerifyPassword(*a, "same password twice"));
  EXPECT_TRUE(VerifyPassword(*b, "same password twice"));
}

TEST(PasswordTest, EmbeddedNulIsPartOfThePassword) {
  const std::string with_nul("abc\0def-ghijkl", 14);
  auto hash = HashPassword(with_nul);
  ASSERT_TRUE(hash.ok());
  EXPECT_TRUE(VerifyPassword(*hash, with_nul));
  EXPECT_FALSE(VerifyPassword(*hash, "abc"));
}

TEST(PasswordTest, MalformedHashNeverVerifies) {
  EXPECT_FALSE(VerifyPassword("", "password"));
  EXPECT_FALSE(VerifyPassword("password", "password"));
  EXPECT_FALSE(VerifyPassword("$argon2id$v=19$m=65536,t=2,p=1$garbage", "password"));
  auto hash = HashPassword("a long enough password");
  ASSERT_TRUE(hash.ok());
  EXPECT_FALSE(VerifyPassword(*hash + std::string(200, 'x'), "a long enough password"));
  EXPECT_FALSE(VerifyPassword(hash->substr(0, hash->size() - 1) + std::string(1, '\0'),
                              "a long enough password"));
}

void ExpectRejected(std::string_view password) {
  const Status status = CheckPasswordPolicy(password);
  ASSERT_FALSE(status.ok()) << password;
  EXPECT_EQ(status.error().code, Code::kInvalid);
  EXPECT_EQ(status.error().field, "password");
  EXPECT_FALSE(status.error().message.empty());
}

TEST(PasswordTest, PolicyCountsCodePointsNotBytes) {
  // 11 Japanese characters are 33 bytes but still too short.
  ExpectRejected("パスワードはとても長い");
  EXPECT_TRUE(CheckPasswordPolicy("パスワードはとても長いよ").ok());
  ExpectRejected("abcdefghijk");
  EXPECT_TRUE(CheckPasswordPolicy("abcdefghijkl").ok());
  // Four-byte characters count once each.
  EXPECT_TRUE(CheckPasswordPolicy("😀😁😂🤣😃😄😅😆😉😊😋😎").ok());
  ExpectRejected("😀😁😂🤣😃😄😅😆😉😊😋");
}

TEST(PasswordTest, PolicyLimitsBytes) {
  EXPECT_TRUE(CheckPasswordPolicy(std::string(1023, 'a') + "b").ok());
  ExpectRejected(std::string(1024, 'a') + "b");
  // 342 three-byte characters are 1026 bytes.
  std::string japanese;
  for (int i = 0; i < 342; ++i) japanese += i % 2 ? "あ" : "い";
  ExpectRejected(japanese);
}

TEST(PasswordTest, PolicyRejectsOneRepeatedCharacter) {
  ExpectRejected("aaaaaaaaaaaaaaaa");
  ExpectRejected("ああああああああああああ");
  EXPECT_TRUE(CheckPasswordPolicy("aaaaaaaaaaaaaaab").ok());
  EXPECT_TRUE(CheckPasswordPolicy("baaaaaaaaaaaaaaa").ok());
}

TEST(PasswordTest, PolicyRejectsInvalidUtf8) {
  ExpectRejected("abcdefghijkl\xff");
  ExpectRejected("abcdefghijkl\xe3\x81");          // truncated sequence
  ExpectRejected("abcdefghijkl\xc0\xaf");          // overlong '/'
  ExpectRejected("abcdefghijkl\xed\xa0\x80");      // UTF-16 surrogate
  ExpectRejected("abcdefghijkl\xf4\x90\x80\x80");  // above U+10FFFF
  ExpectRejected("abcdefghijkl\x80");              // stray continuation byte
}

}  // namespace
}  // namespace ts
