// The matching structures of src/hunt: KeySet, IpRanges, DomainSet, UrlSet,
// ValueSet and the IndicatorSet that combines them.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "hunt/domain_set.hpp"
#include "hunt/indicator_set.hpp"
#include "hunt/ip_ranges.hpp"
#include "hunt/key_set.hpp"
#include "hunt/url_set.hpp"

namespace {

using ts::hunt::IpAddress;
using ts::hunt::IpRanges;
using ts::model::IndicatorType;
using Ids = std::vector<std::uint32_t>;

IpAddress Ip(const std::string& text) {
  auto ip = ts::hunt::ParseIpAddress(text);
  EXPECT_TRUE(ip.has_value()) << text;
  return ip.value_or(IpAddress{});
}

Ids Sorted(Ids ids) {
  std::sort(ids.begin(), ids.end());
  return ids;
}

TEST(HuntKeySet, FindsEveryKeyAndRejectsAlmostAllOthers) {
  ts::hunt::KeySet set;
  std::mt19937_64 rng(7);
  std::vector<std::uint64_t> keys(100000);
  for (std::uint32_t i = 0; i < keys.size(); ++i) {
    keys[i] = rng();
    set.Add(keys[i], i);
  }
  set.Build();
  for (std::uint32_t i = 0; i < keys.size(); ++i) {
    Ids found;
    set.ForEach(keys[i], [&](std::uint32_t p) { found.push_back(p); });
    ASSERT_EQ(found, Ids{i});
  }
  int false_positives = 0;
  for (int i = 0; i < 100000; ++i) false_positives += set.MayContain(rng()) ? 1 : 0;
  EXPECT_LT(false_positives, 2000);  // the filter's rate is about 0.5%
}

TEST(HuntKeySet, EmptySetHoldsNothing) {
  ts::hunt::KeySet set;
  set.Build();
  EXPECT_TRUE(set.empty());
  EXPECT_FALSE(set.MayContain(42));
}

TEST(HuntKeySet, KeepsEveryPayloadOfOneHash) {
  ts::hunt::KeySet set;
  set.Add(5, 1);
  set.Add(5, 2);
  set.Build();
  Ids found;
  set.ForEach(5, [&](std::uint32_t p) { found.push_back(p); });
  EXPECT_EQ(Sorted(found), (Ids{1, 2}));
}

TEST(HuntIpAddress, ParsesTheFormsLogsWrite) {
  EXPECT_EQ(Ip("192.0.2.1").bits, 0xC0000201U);
  EXPECT_FALSE(Ip("192.0.2.1").v6);
  EXPECT_EQ(Ip("010.0.0.1").bits, 0x0A000001U);  // leading zeros are decimal
  EXPECT_TRUE(Ip("[2001:db8::1]").v6);
  EXPECT_EQ(Ip("::1").bits, 1U);
  for (const char* bad : {"192.0.2", "192.0.2.256", "192.0.2.1.5", "1.2.3.4:80", "03:04:05",
                          "2001:db8:1", "evil.example", "", "1234.1.1.1"})
    EXPECT_FALSE(ts::hunt::ParseIpAddress(bad).has_value()) << bad;
}

TEST(HuntIpRanges, MatchesInsideAndNotJustOutsideBlocks) {
  IpRanges ranges;
  ranges.Add(Ip("198.51.100.0"), 24, 1);
  ranges.Add(Ip("203.0.113.66"), 32, 2);
  ranges.Add(Ip("2001:db8:bad::"), 48, 3);
  ranges.Build();
  auto find = [&](const std::string& ip) {
    Ids out;
    ranges.Find(Ip(ip), out);
    return Sorted(out);
  };
  EXPECT_EQ(find("198.51.100.0"), Ids{1});
  EXPECT_EQ(find("198.51.100.255"), Ids{1});
  EXPECT_EQ(find("198.51.99.255"), Ids{});
  EXPECT_EQ(find("198.51.101.0"), Ids{});
  EXPECT_EQ(find("203.0.113.66"), Ids{2});
  EXPECT_EQ(find("203.0.113.67"), Ids{});
  EXPECT_EQ(find("2001:db8:bad:ffff:ffff:ffff:ffff:ffff"), Ids{3});
  EXPECT_EQ(find("2001:db8:bae::"), Ids{});
  // The same 32 bits as IPv6 are another address.
  EXPECT_EQ(find("::c633:6401"), Ids{});
}

TEST(HuntIpRanges, NestedBlocksAllMatch) {
  IpRanges ranges;
  ranges.Add(Ip("10.0.0.0"), 8, 1);
  ranges.Add(Ip("10.1.0.0"), 16, 2);
  ranges.Add(Ip("10.1.2.0"), 24, 3);
  ranges.Add(Ip("10.200.0.0"), 16, 4);
  ranges.Add(Ip("0.0.0.0"), 0, 5);
  ranges.Build();
  auto find = [&](const std::string& ip) {
    Ids out;
    ranges.Find(Ip(ip), out);
    return Sorted(out);
  };
  EXPECT_EQ(find("10.1.2.3"), (Ids{1, 2, 3, 5}));
  EXPECT_EQ(find("10.1.3.0"), (Ids{1, 2, 5}));
  EXPECT_EQ(find("10.0.0.0"), (Ids{1, 5}));
  EXPECT_EQ(find("10.255.255.255"), (Ids{1, 5}));
  EXPECT_EQ(find("10.200.1.1"), (Ids{1, 4, 5}));
  EXPECT_EQ(find("11.0.0.0"), (Ids{5}));
  EXPECT_EQ(find("255.255.255.255"), (Ids{5}));
}

TEST(HuntIpRanges, BlocksAtTheTopOfTheSpace) {
  IpRanges ranges;
  ranges.Add(Ip("255.255.255.0"), 24, 1);
  ranges.Add(Ip("ffff::"), 16, 2);
  ranges.Add(Ip("::"), 0, 3);
  ranges.Build();
  Ids out;
  ranges.Find(Ip("255.255.255.255"), out);
  EXPECT_EQ(out, Ids{1});
  out.clear();
  ranges.Find(Ip("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"), out);
  EXPECT_EQ(Sorted(out), (Ids{2, 3}));
}

TEST(HuntIpRanges, RandomBlocksAgreeWithALinearScan) {
  std::mt19937 rng(11);
  struct Block {
    std::uint32_t first, last;
  };
  std::vector<Block> blocks;
  IpRanges ranges;
  for (std::uint32_t id = 0; id < 300; ++id) {
    const int prefix = 8 + static_cast<int>(rng() % 25);
    const std::uint32_t host = prefix == 32 ? 0 : 0xFFFFFFFFU >> prefix;
    const std::uint32_t net = (rng() & 0x0FFFFFFFU) & ~host;
    blocks.push_back({net, net | host});
    ranges.Add(IpAddress{false, net}, prefix, id);
  }
  ranges.Build();
  for (int i = 0; i < 20000; ++i) {
    const std::uint32_t ip =
        i % 2 ? blocks[rng() % blocks.size()].first + (rng() % 3) - 1 : rng() & 0x0FFFFFFFU;
    Ids want;
    for (std::uint32_t id = 0; id < blocks.size(); ++id)
      if (ip >= blocks[id].first && ip <= blocks[id].last) want.push_back(id);
    Ids got;
    ranges.Find(IpAddress{false, ip}, got);
    ASSERT_EQ(Sorted(got), want) << ip;
  }
}

TEST(HuntDomainSet, DomainsCoverSubdomainsHostNamesDoNot) {
  ts::hunt::DomainSet names;
  names.Add("evil.example", true, 1);
  names.Add("c2.bad.example", false, 2);
  names.Add("ws-0042", false, 3);  // single-label host names exist
  names.Build();
  auto find = [&](const std::string& name) {
    Ids out;
    names.Find(name, out);
    return out;
  };
  EXPECT_EQ(find("evil.example"), Ids{1});
  EXPECT_EQ(find("a.evil.example"), Ids{1});
  EXPECT_EQ(find("x.y.z.evil.example"), Ids{1});
  EXPECT_EQ(find("notevil.example"), Ids{});
  EXPECT_EQ(find("evil.example.com"), Ids{});
  EXPECT_EQ(find("example"), Ids{});
  EXPECT_EQ(find("c2.bad.example"), Ids{2});
  EXPECT_EQ(find("x.c2.bad.example"), Ids{});
  EXPECT_EQ(find("bad.example"), Ids{});
  EXPECT_EQ(find("ws-0042"), Ids{3});
  // Logged names are not bounded like indicators: a long one still hits.
  std::string long_name;
  for (int i = 0; i < 200; ++i) long_name += "a.";
  EXPECT_EQ(find(long_name + "evil.example"), Ids{1});
}

TEST(HuntUrlSet, ExactOrWithAnAddedQuery) {
  ts::hunt::UrlSet urls;
  urls.Add("http://dl.example.net/payload.exe", 1);
  urls.Add("https://phish.example.org/login?session=1", 2);
  urls.Build();
  auto find = [&](const std::string& url) {
    Ids out;
    urls.Find(url, out);
    return out;
  };
  EXPECT_EQ(find("http://dl.example.net/payload.exe"), Ids{1});
  EXPECT_EQ(find("http://dl.example.net/payload.exe?id=42"), Ids{1});
  EXPECT_EQ(find("http://dl.example.net/payload.exe.bak"), Ids{});
  EXPECT_EQ(find("http://dl.example.net/payload.exe/x"), Ids{});
  EXPECT_EQ(find("https://dl.example.net/payload.exe"), Ids{});
  EXPECT_EQ(find("https://phish.example.org/login?session=1"), Ids{2});
  EXPECT_EQ(find("https://phish.example.org/login"), Ids{});
  EXPECT_EQ(find("https://phish.example.org/login?session=12"), Ids{});
}

TEST(HuntIndicatorSet, DeduplicatesByTypeAndValue) {
  ts::hunt::IndicatorSet set;
  using Result = ts::hunt::IndicatorSet::AddResult;
  EXPECT_EQ(set.Add({IndicatorType::kDomain, "evil.example", "", "Blue Termite"}), Result::kAdded);
  EXPECT_EQ(set.Add({IndicatorType::kDomain, "evil.example", "wave 2", "other"}),
            Result::kDuplicate);
  EXPECT_EQ(set.Add({IndicatorType::kHostname, "evil.example", "", ""}), Result::kAdded);
  EXPECT_EQ(set.Add({IndicatorType::kEmailSubject, "hello", "", ""}), Result::kUnhuntable);
  for (int i = 0; i < 5000; ++i)  // grows the de-duplication table
    set.Add({IndicatorType::kIpv4, "192.0.2." + std::to_string(i % 256), "", ""});
  EXPECT_EQ(set.size(), 2U + 256U);
  set.Build();
  EXPECT_EQ(set.at(0).event, "wave 2");
  EXPECT_EQ(set.at(0).campaign, "Blue Termite");
  Ids out;
  set.FindName("a.evil.example", out);
  EXPECT_EQ(out, Ids{0});
  out.clear();
  set.FindName("evil.example", out);
  EXPECT_EQ(Sorted(out), (Ids{0, 1}));
}

TEST(HuntIndicatorSet, DigestsAndJa3) {
  ts::hunt::IndicatorSet set;
  set.Add({IndicatorType::kMd5, "d41d8cd98f00b204e9800998ecf8427e", "", ""});
  set.Add({IndicatorType::kJa3, "e7d705a3286e19ea42f587b344ee6865", "", ""});
  set.Add({IndicatorType::kUserAgent, "EvilAgent/1.0", "", ""});
  set.Build();
  Ids out;
  set.FindDigest("e7d705a3286e19ea42f587b344ee6865", out);  // text logs: any digest
  EXPECT_EQ(out, Ids{1});
  out.clear();
  set.FindJa3("d41d8cd98f00b204e9800998ecf8427e", out);  // a JA3 field is no MD5
  EXPECT_EQ(out, Ids{});
  set.FindUserAgent("EvilAgent/1.0", out);
  EXPECT_EQ(out, Ids{2});
  out.clear();
  set.FindUserAgent("evilagent/1.0", out);
  EXPECT_EQ(out, Ids{});
}

}  // namespace
