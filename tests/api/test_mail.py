"""Targeted-attack mail over REST: POST /api/v1/mail analyses a raw message
and stores nothing; POST /api/v1/mail/event turns the analysis into an event
at the level the provider chooses, with the indicators and the findings.
Bad input (empty body, not a message, over the body limit, bad level) is
refused with the error shape and nothing stored; readers of the event see
it only at its level. Also `threatshare mail analyze` on the same files."""

import json
import os
import unittest
import urllib.parse

from portal import Portal, check

CASES = os.environ.get("TS_CASES_DIR", os.path.join(os.path.dirname(__file__), "..", "cases"))
MAIL = os.path.join(CASES, "mail")
MAX_BODY = 256 * 1024
TABLES = ("events", "event_tags", "indicators", "audit_log")


def message(name):
    with open(os.path.join(MAIL, name), "rb") as f:
        return f.read()


class Mail(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.portal = p = Portal(config=f"key_rate_per_second = 0\nmax_body_bytes = {MAX_BODY}\n")
        try:
            p.create_org("Pension Service", "government", "participant")
            p.create_org("Other Member", "finance", "participant")
            p.create_org("Water Observer", "water", "observer")
            p.create_user("Pension Service", "analyst@pension.example", "analyst")
            p.create_user("Pension Service", "reader@pension.example", "readonly")
            p.create_user("Other Member", "analyst@other.example", "analyst")
            p.create_user("Water Observer", "analyst@water.example", "analyst")
            keys = {who: p.create_key(f"{who}") for who in (
                "analyst@pension.example", "reader@pension.example", "analyst@other.example",
                "analyst@water.example")}
            p.start()
        except BaseException:
            p.cleanup()
            raise
        cls.provider = p.client(keys["analyst@pension.example"])
        cls.reader = p.client(keys["reader@pension.example"])
        cls.member = p.client(keys["analyst@other.example"])
        cls.observer = p.client(keys["analyst@water.example"])

    @classmethod
    def tearDownClass(cls):
        for c in (cls.provider, cls.reader, cls.member, cls.observer):
            c.close()
        try:
            cls.portal.stop_checked()
        finally:
            cls.portal.cleanup()

    def counts(self):
        return {t: self.portal.count(t) for t in TABLES}

    def post_mail(self, client, data, path="/api/v1/mail", **query):
        if query:
            path += "?" + urllib.parse.urlencode(query)
        return client.post(path, raw=data, headers={"Content-Type": "message/rfc822"})

    # --- analysis only ----------------------------------------------------------
    def test_analysis_matches_the_cli_and_stores_nothing(self):
        before = self.counts()
        data = message("ja_01_pension_lzh_exe.eml")
        j = check(self.post_mail(self.reader, data), 200, "analyse")
        self.assertEqual(j["subject"], "【厚生労働省】医療費通知に関する資料の送付")
        self.assertEqual(j["codes"], ["archive_with_executable", "lure:public_notice"])
        self.assertEqual(j["attachments"][0]["name"], "医療費通知.lzh")
        self.assertEqual(j["attachments"][0]["members"][0]["type"], "pe_executable")
        self.assertIn({"type": "ipv4", "value": "203.0.113.25", "source": "received"},
                      j["indicators"])
        for f in j["findings"]:
            self.assertTrue(f["reason"] and f["reason_ja"], f)
        self.assertEqual(self.counts(), before, "analysis stored something")
        # The CLI gives the same document, with the file name in front.
        path = os.path.join(MAIL, "ja_01_pension_lzh_exe.eml")
        out = self.portal.cli("mail", "analyze", "--json", path).stdout.splitlines()
        self.assertEqual(len(out), 1)
        cli = json.loads(out[0])
        self.assertEqual(cli.pop("file"), path)
        self.assertEqual(cli, j)

    def test_header_findings_over_rest(self):
        j = check(self.post_mail(self.provider, message("ja_17_spoofed_internal_sender.eml")),
                  200, "analyse")
        self.assertEqual(sorted(j["codes"]), ["dkim_fail", "from_replyto_mismatch",
                                              "lure:personnel_notice", "return_path_mismatch",
                                              "spf_fail"])
        self.assertEqual(j["authentication"][0]["authserv"], "mx1.pension.example")

    def test_bad_input_is_refused(self):
        before = self.counts()
        r = self.post_mail(self.provider, b"")
        self.assertEqual((r.status, r.error_code), (400, "invalid"), r)
        r = self.post_mail(self.provider, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")
        self.assertEqual((r.status, r.error_code), (400, "invalid"), r)
        self.assertIn("not a mail message", r.json["error"]["message"])
        r = self.post_mail(self.provider, b"Subject: x\n\n" + b"a" * (MAX_BODY + 1))
        self.assertEqual(r.status, 413, r)
        anonymous = self.portal.client()
        r = anonymous.post("/api/v1/mail", raw=b"Subject: x\n\nhi")
        anonymous.close()
        self.assertEqual(r.status, 401, r)
        self.assertEqual(self.counts(), before)

    def test_malformed_mime_gives_a_result(self):
        for name in ("bad_60_missing_end_boundary.eml", "bad_62_truncated_headers.eml",
                     "bad_65_deep_nesting.eml", "bad_66_header_garbage.eml"):
            with self.subTest(name):
                check(self.post_mail(self.provider, message(name)), 200, name)

    # --- event creation -----------------------------------------------------------
    def test_event_at_the_chosen_level(self):
        data = message("ja_07_ppap_zip_with_password.eml")
        j = check(self.post_mail(self.provider, data, "/api/v1/mail/event", level="AMBER",
                                 title="Wave 2 (PPAP zip)"), 201, "create event")
        eid = j["event_id"]
        self.assertGreater(j["indicators_added"], 5)
        self.assertIn("encrypted_archive", j["analysis"]["codes"])
        ev = check(self.provider.get(f"/api/v1/events/{eid}"), 200, "read event")
        self.assertEqual(ev["level"], "AMBER")
        self.assertEqual(ev["title"], "Wave 2 (PPAP zip)")
        self.assertEqual(ev["category"], "B-b")
        for tag in ("mail", "mail:encrypted_archive", "mail:archive_with_executable",
                    "mail:lure:resend"):
            self.assertIn(tag, ev["tags"])
        self.assertIn("encrypted_archive", ev["description"])
        inds = check(self.provider.get(f"/api/v1/events/{eid}/indicators?per_page=200"), 200,
                     "indicators")
        values = {(i["type"], i["value"]) for i in inds["items"]}
        self.assertIn(("email-addr", "gyomu@partner-firm.example"), values)
        self.assertIn(("filename", "資料.exe"), values)  # opened with the password in the body
        self.assertIn(("email-subject", "【再送】資料送付"), values)
        # AMBER: another member sees it, an observer does not (and cannot tell).
        check(self.member.get(f"/api/v1/events/{eid}"), 200, "member reads")
        r = self.observer.get(f"/api/v1/events/{eid}")
        self.assertEqual((r.status, r.error_code), (404, "not_found"), r)

    def test_event_defaults_and_refusals(self):
        before = self.counts()
        data = message("en_27_security_anchor_mismatch.eml")
        r = self.post_mail(self.provider, data, "/api/v1/mail/event")
        self.assertEqual((r.status, r.error_code, r.json["error"].get("field")),
                         (400, "invalid", "level"), r)
        r = self.post_mail(self.provider, data, "/api/v1/mail/event", level="PURPLE")
        self.assertEqual((r.status, r.json["error"].get("field")), (400, "level"), r)
        r = self.post_mail(self.provider, data, "/api/v1/mail/event", level="GREEN",
                           category="Z")
        self.assertEqual((r.status, r.json["error"].get("field")), (400, "category"), r)
        r = self.post_mail(self.reader, data, "/api/v1/mail/event", level="GREEN")
        self.assertEqual((r.status, r.error_code), (403, "forbidden"), r)
        self.assertEqual(self.counts(), before, "a refused request stored something")
        j = check(self.post_mail(self.provider, data, "/api/v1/mail/event", level="GREEN",
                                 category="B-c"), 201, "create")
        ev = self.provider.get(f"/api/v1/events/{j['event_id']}").json
        self.assertEqual(ev["title"],
                         "Targeted-attack mail: Security alert: critical vulnerability in your VPN")
        self.assertEqual((ev["level"], ev["category"]), ("GREEN", "B-c"))
        check(self.observer.get(f"/api/v1/events/{j['event_id']}"), 200, "observer reads GREEN")

    # --- the CLI --------------------------------------------------------------------
    def test_cli_several_files_and_errors(self):
        a = os.path.join(MAIL, "ok_40_newsletter_esp.eml")
        b = os.path.join(MAIL, "en_23_survey_google_drive.eml")
        r = self.portal.cli("mail", "analyze", "--json", a, b)
        docs = [json.loads(line) for line in r.stdout.splitlines()]
        self.assertEqual([d["file"] for d in docs], [a, b])
        self.assertEqual(docs[0]["codes"], [])
        self.assertEqual(docs[1]["codes"], ["storage_link", "lure:survey"])
        missing = os.path.join(MAIL, "no_such.eml")
        bad = os.path.join(MAIL, "bad_64_not_a_message.eml")
        r = self.portal.cli("mail", "analyze", "--json", missing, a, bad, check=False)
        self.assertEqual(r.returncode, 2)
        self.assertEqual(len(r.stdout.splitlines()), 1)  # the good file is still analysed
        self.assertIn(missing, r.stderr)
        self.assertIn(bad + ": not a mail message", r.stderr)
        human = self.portal.cli("mail", "analyze", b).stdout
        self.assertIn("Subject:     Customer satisfaction survey 2024", human)
        self.assertIn("storage_link: The message links to", human)


if __name__ == "__main__":
    unittest.main()
