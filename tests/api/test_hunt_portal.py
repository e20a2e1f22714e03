"""`threatshare hunt --portal`: indicators read from a real portal with an
API key (filters mapped to the list's query parameters, only what the key's
user may see), hits naming the portal's events, `--report` posting
sightings back (anonymous unless shared, terminals only with the identity),
and the errors: a wrong key, flags that do not go together.

The binary comes from $TS_BINARY."""

import json
import os
import shutil
import subprocess
import tempfile
import unittest

from portal import Portal, binary

# Hand-written Squid log: times 2016-06-01T00:00:00.123Z to 00:00:05Z.
SQUID_LOG = """\
1464739200.123    245 10.0.0.5 TCP_MISS/200 5120 GET http://a.evil.example/x - HIER_DIRECT/192.0.2.1 text/html
1464739201.000    100 10.0.0.6 TCP_MISS/200 320 GET http://green.example/ - HIER_DIRECT/192.0.2.1 text/html
1464739202.000     80 10.0.0.5 TCP_MISS/200 777 GET http://dl.example.net/payload.exe?x=1 - HIER_DIRECT/192.0.2.2 application/octet-stream
1464739203.000     90 10.0.0.7 TCP_TUNNEL/200 900 CONNECT 198.51.100.7:443 - HIER_DIRECT/198.51.100.7 -
1464739204.000     70 10.0.0.8 TCP_MISS/200 100 GET http://b.evil.example/y - HIER_DIRECT/203.0.113.66 text/html
1464739205.000     60 10.0.0.9 TCP_MISS/200 100 GET http://clean.example/ - HIER_DIRECT/192.0.2.3 text/html
"""


class HuntPortal(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        p = cls.portal = Portal(config="key_rate_per_second = 0\n")
        cls.keys = {}
        for name, membership, role in [("provider", "participant", "analyst"),
                                       ("member", "participant", "analyst"),
                                       ("water", "observer", "analyst"),
                                       ("reader", "participant", "readonly")]:
            p.create_org(name, "none", membership)
            p.create_user(name, f"{name}@hp.example", role)
            cls.keys[name] = p.create_key(f"{name}@hp.example")
        p.start()
        cls.url = f"http://127.0.0.1:{p.port}"
        cls.provider = p.client(cls.keys["provider"])
        cls.amber = cls.event("amber wave", "AMBER", ["campaign:x"], [
            {"type": "domain", "value": "evil.example"},
            {"type": "ipv4", "value": "203.0.113.66"},
            {"type": "url", "value": "http://dl.example.net/payload.exe"}])
        cls.green = cls.event("green notice", "GREEN", [], [
            {"type": "domain", "value": "green.example"},
            {"type": "ipv4", "value": "198.51.100.7"},
            {"type": "email-subject", "value": "not in any log"}])
        # Reported on by test_report_records_sightings only.
        cls.report_event = cls.event("report me", "AMBER", [], [
            {"type": "domain", "value": "report.example"},
            {"type": "domain", "value": "unseen.example"}])
        cls.tmp = tempfile.mkdtemp(prefix="hunt_portal_")
        cls.log = os.path.join(cls.tmp, "access.log")
        with open(cls.log, "w") as f:
            f.write(SQUID_LOG)

    @classmethod
    def event(cls, title, level, tags, indicators):
        r = cls.provider.post("/api/v1/events", {"title": title, "level": level, "tags": tags})
        assert r.status == 201, r
        event_id = r.json["id"]
        r = cls.provider.post(f"/api/v1/events/{event_id}/indicators", {"indicators": indicators})
        assert r.status == 201, r
        return event_id, {i["value"]: i["id"] for i in r.json["items"]}

    @classmethod
    def tearDownClass(cls):
        cls.provider.close()
        shutil.rmtree(cls.tmp, ignore_errors=True)
        rc = cls.portal.stop()
        log = cls.portal.server_log()
        cls.portal.cleanup()
        assert rc == 0, f"server exited with {rc}:\n{log}"

    def hunt(self, who, *args, portal=True):
        cmd = [binary(), "hunt"]
        if portal:
            cmd += ["--portal", self.url, "--key", self.keys[who]]
        return subprocess.run([*cmd, *args], capture_output=True, text=True, timeout=120)

    def hits(self, who, *args):
        r = self.hunt(who, "--json", *args, self.log)
        self.assertIn(r.returncode, (0, 1), r.stderr)
        return [json.loads(line) for line in r.stdout.splitlines()], r

    def test_hits_name_the_portal_events(self):
        hits, r = self.hits("member")
        self.assertEqual(r.returncode, 1)
        amber, green = self.amber[0], self.green[0]
        self.assertEqual(
            [(h["line"], h["indicator"], h["event"], h["campaign"]) for h in hits],
            [(1, "evil.example", amber, None), (2, "green.example", green, None),
             (3, "http://dl.example.net/payload.exe", amber, None),
             (4, "198.51.100.7", green, None), (5, "evil.example", amber, None),
             (5, "203.0.113.66", amber, None)])
        self.assertIn("7 indicators from " + self.url, r.stderr)
        self.assertIn("1 of types logs do not show", r.stderr)

    def test_filters_limit_what_is_loaded(self):
        hits, _ = self.hits("member", "--level", "GREEN")
        self.assertEqual({h["event"] for h in hits}, {self.green[0]})
        self.assertEqual(len(hits), 2)
        hits, _ = self.hits("member", "--campaign", "x")
        self.assertEqual({(h["event"], h["campaign"]) for h in hits}, {(self.amber[0], "x")})
        self.assertEqual(len(hits), 4)
        hits, _ = self.hits("member", "--type", "ipv4,url", "--max-age", "1d")
        self.assertEqual([h["indicator"] for h in hits],
                         ["http://dl.example.net/payload.exe", "198.51.100.7", "203.0.113.66"])

    def test_observer_loads_only_what_it_may_see(self):
        hits, _ = self.hits("water")
        self.assertEqual({h["event"] for h in hits}, {self.green[0]})
        self.assertEqual(len(hits), 2)

    def test_report_records_sightings(self):
        ids = self.report_event[1]
        log = os.path.join(self.tmp, "report.log")
        with open(log, "w") as f:
            f.write("1464739200.000 1 10.0.0.5 TCP_MISS/200 1 GET http://a.report.example/ - "
                    "HIER_DIRECT/192.0.2.1 -\n"
                    "1464739260.500 1 10.0.0.6 TCP_MISS/200 1 GET http://report.example/x - "
                    "HIER_DIRECT/192.0.2.1 -\n"
                    "1464739300.000 1 10.0.0.5 TCP_MISS/200 1 GET http://report.example/y - "
                    "HIER_DIRECT/192.0.2.1 -\n")
        r = self.hunt("member", "--report", log)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn(f"reported to {self.url}: ", r.stderr)
        self.assertIn(" unmatched", r.stderr)
        self.assertNotIn(self.keys["member"], r.stderr + r.stdout)
        s = self.provider.get(f"/api/v1/indicators/{ids['report.example']}/sightings").json
        self.assertEqual((s["count"], s["reports"]), (3, 1))
        self.assertEqual(s["first_seen"], "2016-06-01T00:00:00.000000Z")
        self.assertEqual(s["last_seen"], "2016-06-01T00:01:40.000000Z")
        self.assertEqual(s["items"][0]["source"], "hunt")
        self.assertIsNone(s["items"][0]["org_id"])
        self.assertIsNone(s["items"][0]["terminals"])
        unseen = self.provider.get(f"/api/v1/indicators/{ids['unseen.example']}/sightings").json
        self.assertEqual(unseen["count"], 0)

        r = self.hunt("member", "--report", "--share-identity", "--share-terminals", log)
        self.assertEqual(r.returncode, 1, r.stderr)
        s = self.provider.get(f"/api/v1/indicators/{ids['report.example']}/sightings").json
        self.assertEqual((s["count"], s["reports"]), (6, 2))
        shared = [i for i in s["items"] if i["org_id"] is not None]
        self.assertEqual(len(shared), 1)
        self.assertEqual(shared[0]["terminals"], [
            {"client": "10.0.0.5", "count": 2, "first_seen": "2016-06-01T00:00:00.000000Z",
             "last_seen": "2016-06-01T00:01:40.000000Z"},
            {"client": "10.0.0.6", "count": 1, "first_seen": "2016-06-01T00:01:00.500000Z",
             "last_seen": "2016-06-01T00:01:00.500000Z"}])

        # A line without a time counts as seen at the scan time.
        text = os.path.join(self.tmp, "note.txt")
        with open(text, "w") as f:
            f.write("user mentioned report.example on the phone\n")
        r = self.hunt("member", "--report", text)
        self.assertEqual(r.returncode, 1, r.stderr)
        s = self.provider.get(f"/api/v1/indicators/{ids['report.example']}/sightings").json
        self.assertEqual(s["reports"], 3)
        self.assertGreater(s["last_seen"], "2026-")

        # A readonly user may hunt but not report.
        r = self.hunt("reader", "--report", log)
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn(f"POST {self.url}/api/v1/sightings: HTTP 403", r.stderr)

    def test_wrong_key(self):
        key = "ts_" + "A" * 43
        r = subprocess.run([binary(), "hunt", "--portal", self.url, "--key", key, self.log],
                           capture_output=True, text=True, timeout=120)
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn(self.url + "/api/v1/indicators", r.stderr)
        self.assertIn("invalid or revoked API key", r.stderr)
        self.assertNotIn(key, r.stderr + r.stdout)

    def test_flags_that_do_not_go_together(self):
        indicators = os.path.join(self.tmp, "list.txt")
        with open(indicators, "w") as f:
            f.write("evil.example\ngreen.example\n")
        r = self.hunt("member", "--indicators", indicators, "--report", self.log, portal=False)
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn("--report needs --portal", r.stderr)
        r = self.hunt("member", "--report", "--share-terminals", self.log)
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn("--share-terminals needs --share-identity", r.stderr)
        # Files and the portal together: a value from both keeps the portal's event.
        hits, _ = self.hits("member", "--indicators", indicators, "--level", "GREEN")
        self.assertEqual([(h["indicator"], h["event"]) for h in hits],
                         [("evil.example", None), ("green.example", self.green[0]),
                          ("198.51.100.7", self.green[0]), ("evil.example", None)])


class HuntPortalTls(unittest.TestCase):
    def test_tls_is_verified_unless_told_otherwise(self):
        p = Portal()
        try:
            cert, key = os.path.join(p.dir, "cert.pem"), os.path.join(p.dir, "key.pem")
            subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days",
                            "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                            "-keyout", key, "-out", cert], check=True, capture_output=True)
            p.create_org("provider", "none", "participant")
            p.create_user("provider", "tls@hp.example", "analyst")
            api_key = p.create_key("tls@hp.example")
            p.extra_args = ["--tls-cert", cert, "--tls-key", key]
            p.start()
            log = os.path.join(p.dir, "empty.log")
            open(log, "w").close()
            url = f"https://127.0.0.1:{p.port}"

            def hunt(*args):
                return subprocess.run([binary(), "hunt", "--portal", url, *args, log],
                                      capture_output=True, text=True, timeout=120,
                                      env=dict(os.environ, THREATSHARE_API_KEY=api_key))

            r = hunt()
            self.assertEqual(r.returncode, 2, r.stderr)
            self.assertIn(url + "/api/v1/indicators", r.stderr)
            self.assertIn("certificate", r.stderr)
            # The portal holds no indicators yet: reached, verified, nothing to hunt.
            for args in (["--ca", cert], ["--insecure"]):
                r = hunt(*args)
                self.assertEqual(r.returncode, 2, r.stderr)
                self.assertIn("0 indicators from " + url, r.stderr)
                self.assertIn("no usable indicators", r.stderr)
            self.assertEqual(p.stop(), 0, p.server_log())
        finally:
            p.cleanup()


if __name__ == "__main__":
    unittest.main()
