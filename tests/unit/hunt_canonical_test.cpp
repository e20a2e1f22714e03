// The shortcuts of hunt/canonical_text.hpp must agree with ingest: a value
// taken as canonical must be exactly what DetectType and Normalize give,
// and a logged URL taken as canonical must be one Normalize leaves alone
// (or rejects), and a plain host read off a logged URL must be the host of
// its canonical form. Checked on hand-picked edges and on random near-canonical
// text.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "hunt/canonical_text.hpp"
#include "hunt/log_url.hpp"
#include "ingest/normalize.hpp"

namespace {

using ts::model::IndicatorType;

// The disagreement of the shortcuts with ingest on `value`, empty if none.
std::string Disagreement(const std::string& value) {
  if (const auto fast = ts::hunt::CanonicalTypeOf(value)) {
    const auto detected = ts::ingest::DetectType(value);
    if (detected != fast) return "CanonicalTypeOf disagrees with DetectType";
    const auto normal = ts::ingest::Normalize(*fast, value);
    if (!normal.ok() || normal.value() != value) return "value is not canonical";
  }
  if (ts::hunt::IsCanonicalUrl(value)) {
    const auto normal = ts::ingest::Normalize(IndicatorType::kUrl, value);
    if (normal.ok() && normal.value() != value)
      return "IsCanonicalUrl but normalised to " + *normal;
  }
  if (const std::string_view plain = ts::hunt::PlainUrlHost(value); !plain.empty()) {
    const auto normal = ts::ingest::Normalize(IndicatorType::kUrl, value);
    if (normal.ok() && ts::hunt::UrlHost(*normal) != plain)
      return "PlainUrlHost " + std::string(plain) + " but the canonical URL is " + *normal;
  }
  return {};
}

TEST(HuntCanonical, RecognisesCommonCanonicalValues) {
  EXPECT_EQ(ts::hunt::CanonicalTypeOf("203.0.113.5"), IndicatorType::kIpv4);
  EXPECT_EQ(ts::hunt::CanonicalTypeOf("evil.example"), IndicatorType::kDomain);
  EXPECT_EQ(ts::hunt::CanonicalTypeOf("xn--r8jz45g.jp"), IndicatorType::kDomain);
  EXPECT_EQ(ts::hunt::CanonicalTypeOf("http://evil.example/a?b=c"), IndicatorType::kUrl);
  EXPECT_EQ(ts::hunt::CanonicalTypeOf("https://203.0.113.5:8443/x"), IndicatorType::kUrl);
  for (const char* unsure :
       {"Evil.example", "evil.example.", "010.0.0.1", "http://evil.example", "hxxp://evil.example/",
        "http://evil.example:80/", "http://evil.example/%7e", "http://evil.example/a/../b",
        "http://EVIL.example/", "evil[.]example", "v2.0", "example", "a_b.example",
        "http://-bad.example/", "http://a..b/"})
    EXPECT_FALSE(ts::hunt::CanonicalTypeOf(unsure).has_value()) << unsure;
}

TEST(HuntCanonical, EdgesAgreeWithIngest) {
  for (const std::string& value :
       std::vector<std::string>{"203.0.113.5",
                                "0.0.0.0",
                                "255.255.255.255",
                                "256.1.1.1",
                                "1.2.3",
                                "evil.example",
                                "a.b.c.d.example",
                                "x-y.example",
                                "-x.example",
                                "x-.example",
                                "a.123",
                                "123.example",
                                "xn--r8jz45g.jp",
                                "example.xn--p1ai",
                                "http://evil.example/",
                                "https://evil.example:443/",
                                "http://evil.example:8080/a",
                                "http://evil.example:08080/a",
                                "http://evil.example:99999/",
                                "http://1.2.3.4/",
                                "http://01.2.3.4/",
                                "http://1.2.3/",
                                "http://a_b.example/x",
                                "http://evil.example/a%2Fb",
                                "http://evil.example/a%2fb",
                                "http://evil.example/%41",
                                "http://evil.example/a/./b",
                                "http://evil.example/a/..",
                                "http://evil.example/a?x/../y",
                                "http://evil.example/(dot)",
                                "http://evil.example/a#frag",
                                "http://evil.example/a\\b",
                                "http://user@evil.example/",
                                "http://evil.example/a b",
                                "http://evil.example/.hidden",
                                "http://evil.example/..x",
                                "http://" + std::string(64, 'a') + ".example/",
                                std::string(64, 'a') + ".example",
                                "http://evil.example/?%",
                                "http://evil.example/%zz"})
    EXPECT_EQ(Disagreement(value), "") << value;
}

TEST(HuntCanonical, RandomNearCanonicalTextAgreesWithIngest) {
  const std::string alphabet = "abcxyz019-._~/?=&%:@#[](){}\\AZ";
  const char* prefixes[] = {"http://", "https://", "", "http://a.example", "http://1.2.3.4"};
  std::mt19937 rng(2016);
  for (int i = 0; i < 20000; ++i) {
    std::string value = prefixes[rng() % 5];
    const std::size_t n = 1 + rng() % 14;
    for (std::size_t k = 0; k < n; ++k) value += alphabet[rng() % alphabet.size()];
    ASSERT_EQ(Disagreement(value), "") << value;
  }
}

// Hosts and paths longer than 16 bytes take the 16-bytes-at-a-time checks:
// long runs of plain text with the odd special byte at any position.
TEST(HuntCanonical, LongNearCanonicalUrlsAgreeWithIngest) {
  EXPECT_TRUE(ts::hunt::IsCanonicalUrl(
      "http://images-cdn.long-subdomain.example.com/assets/2016/06/banner_large.png?v=12345"));
  EXPECT_FALSE(ts::hunt::IsCanonicalUrl("http://images-cdn.long-subDomain.example.com/a"));
  EXPECT_FALSE(ts::hunt::IsCanonicalUrl("http://images-cdn.example.com/assets/2016/06/ba nner"));
  const std::string plain = "abcxyz019-._~=&";
  const std::string odd = "/?%:@#[](){}\\AZ\x7f\x80\xff\t \"<>`";
  const char* prefixes[] = {"http://", "https://", "http://a.example", "http://1.2.3.4/"};
  std::mt19937 rng(2026);
  for (int i = 0; i < 20000; ++i) {
    std::string value = prefixes[rng() % 4];
    const std::size_t n = 1 + rng() % 60;
    for (std::size_t k = 0; k < n; ++k)
      value += rng() % 12 == 0 ? odd[rng() % odd.size()] : plain[rng() % plain.size()];
    ASSERT_EQ(Disagreement(value), "") << value;
  }
}

TEST(HuntLogUrl, PlainHostsAreReadOffOnlyWhenNormalisingKeepsThem) {
  EXPECT_EQ(ts::hunt::PlainUrlHost("http://a.example/x?y"), "a.example");
  EXPECT_EQ(ts::hunt::PlainUrlHost("https://203.0.113.5?q"), "203.0.113.5");
  EXPECT_EQ(ts::hunt::PlainUrlHost("http://a.example#top"), "a.example");
  EXPECT_EQ(ts::hunt::PlainUrlHost("http://a.example"), "a.example");
  // Hosts of 16 bytes and more are read 16 at a time.
  EXPECT_EQ(ts::hunt::PlainUrlHost("http://images-cdn.long-subdomain.example.com/a.png"),
            "images-cdn.long-subdomain.example.com");
  EXPECT_EQ(ts::hunt::PlainUrlHost("http://0123456789.0123456789.example/"),
            "0123456789.0123456789.example");
  EXPECT_EQ(ts::hunt::PlainUrlHost("http://images-cdn.long-subdomain.Example.com/"), "");
  EXPECT_EQ(ts::hunt::PlainUrlHost("http://images-cdn.long-subdomain:8080/"), "");
  EXPECT_EQ(ts::hunt::PlainUrlHost("http://1111111111111111.2.3.4/"), "");
  for (const char* unsure :
       {"http://A.example/", "http://a.example:8080/", "http://u@a.example/", "http://a.example./",
        "http://[2001:db8::1]/", "ftp://a.example/", "hxxp://a.example/",
        "http://a.example\\@b.example/", "http:///x", "http://01.2.3.4/", "http://1.2.3/"})
    EXPECT_EQ(ts::hunt::PlainUrlHost(unsure), "") << unsure;
}

TEST(HuntLogUrl, CanonicalisesWhatLogsWrite) {
  std::string scratch;
  auto url = [&](std::string_view logged) {
    const auto canonical = ts::hunt::CanonicalLogUrl(logged, scratch);
    return std::string(canonical.url) + " " + std::string(canonical.host);
  };
  EXPECT_EQ(url("http://a.example:8080/x?y"), "http://a.example:8080/x?y a.example");
  EXPECT_EQ(url("HTTP://A.Example:80/X"), "http://a.example/X a.example");
  EXPECT_EQ(url("http://a.example"), "http://a.example/ a.example");
  EXPECT_EQ(url("http://a.example/%7Efoo#top"), "http://a.example/~foo a.example");
  EXPECT_EQ(url("http://[2001:DB8::1]/"), "http://[2001:db8::1]/ [2001:db8::1]");
  // Any scheme is a URL to the normaliser; it has no host to look up.
  EXPECT_EQ(url("error:invalid-request"), "error:invalid-request ");
  EXPECT_EQ(url("http://"), " ");
  EXPECT_EQ(ts::hunt::UrlHost("http://u:p@a.example:8080/x"), "a.example");
  EXPECT_EQ(ts::hunt::UrlHost("http://[2001:db8::1]:8080/x"), "[2001:db8::1]");
  EXPECT_EQ(ts::hunt::UrlHost("http://a.example?x"), "a.example");
  EXPECT_EQ(ts::hunt::UrlHost("mailto:x@a.example"), "");
}

}  // namespace
