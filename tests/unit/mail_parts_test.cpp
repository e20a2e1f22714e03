// The pieces of the mail analysis on inputs real mail shows: Received and
// Authentication-Results variants, Japanese header charsets, HTML anchors,
// organisation domains, file-name classes, body passwords, storage hosts.
#include <gtest/gtest.h>

#include "ingest/mail/archive_passwords.hpp"
#include "ingest/mail/auth_results.hpp"
#include "ingest/mail/file_names.hpp"
#include "ingest/mail/html_anchors.hpp"
#include "ingest/mail/org_domain.hpp"
#include "ingest/mail/received.hpp"
#include "ingest/mail/storage_services.hpp"
#include "ingest/mail/text_decoding.hpp"

namespace {

namespace mail = ts::ingest::mail;

TEST(MailReceived, PostfixStyle) {
  const auto hop = mail::ParseReceived(
      "from mail.example.net (mail.example.net [203.0.113.5]) by mx.example.jp (Postfix) with "
      "ESMTPS id 4A1B for <a@example.jp>; Mon, 13 May 2024 09:12:01 +0900");
  EXPECT_EQ(hop.from_host, "mail.example.net");
  EXPECT_EQ(hop.by_host, "mx.example.jp");
  EXPECT_EQ(hop.ip, "203.0.113.5");
  EXPECT_EQ(hop.date, "Mon, 13 May 2024 09:12:01 +0900");
}

TEST(MailReceived, ExchangeAndIpv6Styles) {
  // Exchange writes the address in parentheses without brackets.
  auto hop = mail::ParseReceived(
      "from EX01.corp.example (192.0.2.7) by EX02.corp.example (192.0.2.8) with Microsoft SMTP "
      "Server id 15.1.2507.6; Tue, 14 May 2024 10:00:00 +0000");
  EXPECT_EQ(hop.ip, "192.0.2.7");  // the sender's, not the receiver's
  EXPECT_EQ(hop.by_host, "EX02.corp.example");
  hop = mail::ParseReceived(
      "from relay.example ([IPv6:2001:DB8:0:0::25]) by mx.example.jp; Tue, 14 May 2024");
  EXPECT_EQ(hop.ip, "2001:db8::25");
  hop = mail::ParseReceived("by mx.example.jp with LMTP; Tue, 14 May 2024");  // local delivery
  EXPECT_EQ(hop.ip, "");
  EXPECT_EQ(hop.from_host, "");
  EXPECT_EQ(hop.by_host, "mx.example.jp");
  // Comments may hold "by"; a bracketed non-address is no address.
  hop = mail::ParseReceived("from x (helo was by [not.an.ip]) by y.example; now");
  EXPECT_EQ(hop.ip, "");
  EXPECT_EQ(hop.by_host, "y.example");
}

TEST(MailAuthResults, MethodsResultsAndDomains) {
  const auto results = mail::ParseAuthenticationResults(
      "mx.example.jp; spf=softfail (sender IP is 203.0.113.5) smtp.mailfrom=bounce@evil.example; "
      "dkim=fail (bad signature) header.d=example.org header.s=s1; dmarc=fail "
      "header.from=example.org");
  ASSERT_EQ(results.size(), 3u);
  EXPECT_EQ(results[0].method, "spf");
  EXPECT_EQ(results[0].result, "softfail");
  EXPECT_EQ(results[0].domain, "evil.example");
  EXPECT_EQ(results[0].authserv, "mx.example.jp");
  EXPECT_EQ(results[1].method, "dkim");
  EXPECT_EQ(results[1].result, "fail");
  EXPECT_EQ(results[1].domain, "example.org");
  EXPECT_EQ(results[2].method, "dmarc");
}

TEST(MailAuthResults, OnlyTheTopmostServerIsTrusted) {
  const auto trusted = mail::TrustedResults(
      {mail::ParseAuthenticationResults("mx.victim.example; spf=pass"),
       mail::ParseAuthenticationResults("forged.example; spf=fail; dkim=fail"),
       mail::ParseAuthenticationResults("mx.victim.example; dkim=pass header.d=a.example")});
  ASSERT_EQ(trusted.size(), 2u);
  EXPECT_EQ(trusted[0].result, "pass");
  EXPECT_EQ(trusted[1].method, "dkim");
  EXPECT_EQ(mail::ParseAuthenticationResults("mx.example.jp; none").size(), 0u);
  const auto spf = mail::ParseReceivedSpf(
      "Fail (mailfrom) identity=mailfrom; envelope-from=\"x@bad.example\"; client-ip=192.0.2.1");
  EXPECT_EQ(spf.result, "fail");
  EXPECT_EQ(spf.domain, "bad.example");
}

TEST(MailHeaderText, JapaneseCharsets) {
  const std::string subject = "請求書の送付";
  // Raw ISO-2022-JP, raw Shift_JIS (CP932), raw EUC-JP and encoded words.
  EXPECT_EQ(mail::DecodeHeaderText("\x1b$B@A5a=q$NAwIU\x1b(B"), subject);
  EXPECT_EQ(mail::DecodeHeaderText("\x90\xbf\x8b\x81\x8f\x91\x82\xcc\x91\x97\x95\x74"), subject);
  EXPECT_EQ(mail::DecodeHeaderText("\xc0\xc1\xb5\xe1\xbd\xf1\xa4\xce\xc1\xf7\xc9\xd5"), subject);
  EXPECT_EQ(mail::DecodeHeaderText("=?ISO-2022-JP?B?GyRCQEE1YT1xJE5Bd0lVGyhC?="), subject);
  EXPECT_EQ(mail::DecodeHeaderText("=?UTF-8?B?6KuL5rGC5pu4?=\n =?UTF-8?B?44Gu6YCB5LuY?="), subject);
  EXPECT_EQ(mail::DecodeHeaderText("  Re:\n\t hello   world "), "Re: hello world");
}

TEST(MailHeaderText, InvalidBytesBecomeReplacementCharacters) {
  EXPECT_EQ(mail::ValidUtf8("a\xff"
                            "b"),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(mail::ValidUtf8("ok"), "ok");
  EXPECT_EQ(mail::BodyToUtf8("\x82\xa0", "x-unknown"), "あ");  // falls back to guessing
  EXPECT_EQ(mail::BodyToUtf8("\xa4\xa2", "euc-jp"), "あ");
}

TEST(MailAnchors, HrefAndVisibleText) {
  const auto anchors = mail::FindAnchors(
      "<html><head><title>x</title><style>a{}</style></head><body>"
      "<!-- <a href='http://hidden.example'>no</a> -->"
      "<A HREF = \"https://evil.example/?a=1&amp;b=2\" target=_blank><b>https://bank&#46;example"
      "</b>/login</A> <a href=https://plain.example>plain</a><a name=x>anchor</a>"
      "<a href='https://open.example'>never closed");
  ASSERT_EQ(anchors.size(), 3u);
  EXPECT_EQ(anchors[0].href, "https://evil.example/?a=1&b=2");
  EXPECT_EQ(anchors[0].text, "https://bank.example/login");
  EXPECT_EQ(anchors[1].href, "https://plain.example");
  EXPECT_EQ(anchors[1].text, "plain");
  EXPECT_EQ(anchors[2].text, "never closed");
  EXPECT_EQ(mail::VisibleText("<p>a</p><script>x()</script><p>b&nbsp;c</p>"), "a b c");
}

TEST(MailOrganisation, RegistrableDomains) {
  EXPECT_EQ(mail::OrganisationDomain("mail.example.co.jp"), "example.co.jp");
  EXPECT_EQ(mail::OrganisationDomain("www.city.minato.tokyo.jp"), "minato.tokyo.jp");
  EXPECT_EQ(mail::OrganisationDomain("a.b.example.com."), "example.com");
  EXPECT_EQ(mail::OrganisationDomain("example"), "example");
  EXPECT_TRUE(mail::SameSender("a@example.co.jp", "b@mail.example.co.jp"));
  EXPECT_FALSE(mail::SameSender("a@example.co.jp", "a@example.com"));
  EXPECT_FALSE(mail::SameSender("a@gmail.com", "b@gmail.com"));  // shared mailbox provider
  EXPECT_TRUE(mail::SameSender("A@gmail.com", "a@GMAIL.com"));
}

TEST(MailFileNames, ExtensionClasses) {
  EXPECT_EQ(mail::LastExtension("Report.PDF"), "pdf");
  EXPECT_EQ(mail::LastExtension("setup.exe. . "), "exe");  // Windows drops trailing dots and blanks
  EXPECT_EQ(mail::LastExtension("README"), "");
  EXPECT_EQ(mail::LastExtension("dir.d/file"), "");
  EXPECT_EQ(mail::ClassifyExtension("scr"), mail::ExtensionClass::kExecutable);
  EXPECT_EQ(mail::ClassifyExtension("hta"), mail::ExtensionClass::kScript);
  EXPECT_EQ(mail::ClassifyExtension("docx"), mail::ExtensionClass::kDocument);
  EXPECT_EQ(mail::ClassifyExtension("lzh"), mail::ExtensionClass::kArchive);
  EXPECT_EQ(mail::ClassifyExtension("2"), mail::ExtensionClass::kNone);
  EXPECT_TRUE(mail::IsShortcutOrScriptExtension("lnk"));
  EXPECT_FALSE(mail::IsShortcutOrScriptExtension("exe"));
}

TEST(MailPasswords, PpapBodies) {
  EXPECT_EQ(mail::PasswordsInText("解凍パスワード：Qx7pL2vw\nよろしく"),
            std::vector<std::string>{"Qx7pL2vw"});
  EXPECT_EQ(mail::PasswordsInText("Password: s3cret!, thanks."),
            std::vector<std::string>{"s3cret!"});
  EXPECT_EQ(mail::PasswordsInText("パスワードは【abc123】です"),
            std::vector<std::string>{"abc123"});
  EXPECT_TRUE(mail::PasswordsInText("passwords are sent separately").empty());
}

TEST(MailStorage, ServiceHosts) {
  EXPECT_EQ(mail::StorageService("www.dropbox.com"), "dropbox.com");
  EXPECT_EQ(mail::StorageService("firestorage.jp"), "firestorage.jp");
  EXPECT_EQ(mail::StorageService("xyz.sharepoint.com"), "sharepoint.com");
  EXPECT_EQ(mail::StorageService("www.google.com"), "");
  EXPECT_EQ(mail::StorageService("notdropbox.com"), "");  // a label boundary is required
}

}  // namespace
