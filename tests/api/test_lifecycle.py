"""The whole life of shared information over REST, with an API key and with a
browser session: organisations and users made by the secretariat, log-in,
the operating rules, API keys, events and their indicators (normalised,
de-duplicated, searched, changed, deleted), listing with filters and paging."""

import json
import unittest

from portal import PASSWORD, Portal, check

ADMIN = "admin@secretariat.example"


class LifecycleBase(unittest.TestCase):
    """A portal with rules version 1, a secretariat administrator (CLI) and
    its API key; the rest is made over REST by the tests."""

    config = "key_rate_per_second = 0\n"

    @classmethod
    def setUpClass(cls):
        cls.portal = Portal(config=cls.config)
        p = cls.portal
        try:
            cls.rules_version = p.publish_rules("# Operating rules\n\n1. Share responsibly.\n")
            p.create_org("Council Secretariat", "none", "secretariat")
            p.create_user("Council Secretariat", ADMIN, "admin")
            cls.admin_key = p.create_key(ADMIN)
            p.start()
        except BaseException:
            p.cleanup()
            raise
        cls.clients = []
        cls.admin = cls.client(cls.admin_key)

    @classmethod
    def client(cls, key=None):
        c = cls.portal.client(key)
        cls.clients.append(c)
        return c

    @classmethod
    def session(cls, email):
        """A logged-in browser session that has accepted the current rules."""
        c = cls.client()
        check(c.login(email), 201, "login " + email)
        return cls.accept_rules(c)

    @staticmethod
    def accept_rules(c):
        rules = check(c.get("/api/v1/rules"), 200, "rules")
        if not rules["accepted"]:
            check(c.post("/api/v1/rules/accept", {"version": rules["version"]}), 200, "accept rules")
        return c

    @classmethod
    def make_org(cls, name, sector, membership):
        return check(cls.admin.post("/api/v1/orgs", {"name": name, "sector": sector,
                                                     "membership": membership}), 201, "create org")

    @classmethod
    def make_user(cls, org_id, email, role):
        return check(cls.admin.post("/api/v1/users", {"org_id": org_id, "email": email, "role": role,
                                                      "password": PASSWORD}), 201, "create user")

    @classmethod
    def tearDownClass(cls):
        for c in cls.clients:
            c.close()
        try:
            cls.portal.stop_checked()
        finally:
            cls.portal.cleanup()


class Lifecycle(LifecycleBase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        try:
            cls.orgs = {
                "power": cls.make_org("Kansai Electric", "電力", "participant"),
                "observer": cls.make_org("Water Works Observer", "water", "observer"),
                "related": cls.make_org("Logistics Related Party", "logistics", "related"),
                "analyst": cls.make_org("Sandbox Analysis Lab", "none", "analyst"),
                "gas": cls.make_org("Listing Gas", "ガス", "participant"),
            }
            power = cls.orgs["power"]["id"]
            cls.users = {
                "analyst": cls.make_user(power, "Analyst@Kansai.example", "analyst"),
                "member": cls.make_user(power, "member@kansai.example", "member"),
                "observer": cls.make_user(cls.orgs["observer"]["id"], "eyes@water.example", "analyst"),
                "lister": cls.make_user(cls.orgs["gas"]["id"], "lister@gas.example", "analyst"),
            }
            # The analyst works with an API key made in a browser session.
            cls.analyst_session = cls.session("analyst@kansai.example")
            created = check(cls.analyst_session.post("/api/v1/keys", {"name": "proxy-hunt"}), 201,
                            "create key")
            cls.analyst_key_record = created
            cls.analyst = cls.client(created["key"])
            cls.observer = cls.client(cls.portal.create_key("eyes@water.example"))
            cls.observer_session = cls.session("eyes@water.example")
        except BaseException:
            cls.tearDownClass()
            raise

    # --- organisations and users ----------------------------------------
    def test_organisations_of_each_membership_are_created_by_the_secretariat(self):
        power = self.orgs["power"]
        self.assertEqual(power["sector"], "power", "the Japanese sector name 電力 is stored as its code")
        self.assertEqual(power["sector_name_ja"], "電力")
        self.assertEqual(self.orgs["gas"]["sector"], "gas")
        for key, membership in [("power", "participant"), ("observer", "observer"),
                                ("related", "related"), ("analyst", "analyst")]:
            self.assertEqual(self.orgs[key]["membership"], membership)
            self.assertIsInstance(self.orgs[key]["id"], int)
        listed = {o["name"]: o for o in check(self.admin.get("/api/v1/orgs"), 200, "list")["items"]}
        for org in self.orgs.values():
            self.assertEqual(listed[org["name"]]["id"], org["id"])
            self.assertEqual(listed[org["name"]]["sector"], org["sector"])
        one = check(self.admin.get(f"/api/v1/orgs/{power['id']}"), 200, "get org")
        self.assertEqual(one["name"], "Kansai Electric")
        self.assertEqual(one["sector"], "power")
        # Names are unique.
        again = self.admin.post("/api/v1/orgs", {"name": "Kansai Electric", "sector": "power",
                                                 "membership": "participant"})
        self.assertEqual(again.status, 409, again)
        self.assertEqual(again.json["error"]["field"], "name")

    def test_cli_stores_a_japanese_sector_name_as_its_code(self):
        self.portal.cli("admin", "create-org", "--data", self.portal.data, "--name", "Chubu Electric",
                        "--sector", "電力", "--membership", "observer")
        listed = json.loads(self.portal.cli("admin", "list", "--data", self.portal.data, "--json").stdout)
        org = next(o for o in listed["organisations"] if o["name"] == "Chubu Electric")
        self.assertEqual(org["sector"], "power")
        self.assertEqual(org["membership"], "observer")

    def test_users_are_created_over_rest_without_leaking_secrets(self):
        analyst = self.users["analyst"]
        self.assertEqual(analyst["email"], "analyst@kansai.example", "e-mail addresses are lower-cased")
        self.assertEqual(analyst["role"], "analyst")
        self.assertEqual(analyst["org_id"], self.orgs["power"]["id"])
        self.assertEqual(analyst["accepted_rules_version"], 0, "REST-made users have accepted nothing yet")
        self.assertFalse(analyst["disabled"])
        for field in ("password", "password_hash", "hash"):
            self.assertNotIn(field, analyst)
        self.assertNotIn("argon2", json.dumps(analyst))
        listed = check(self.admin.get(f"/api/v1/users?org={self.orgs['power']['id']}"), 200, "users")
        emails = sorted(u["email"] for u in listed["items"])
        self.assertEqual(emails, ["analyst@kansai.example", "member@kansai.example"])
        self.assertNotIn("argon2", json.dumps(listed))
        # The login is unique whatever its case.
        dup = self.admin.post("/api/v1/users", {"org_id": self.orgs["power"]["id"],
                                                "email": "ANALYST@kansai.example", "role": "member",
                                                "password": PASSWORD})
        self.assertEqual(dup.status, 409, dup)
        self.assertEqual(dup.json["error"]["field"], "email")

    def test_session_shows_who_is_logged_in(self):
        who = check(self.analyst_session.get("/api/v1/session"), 200, "whoami")
        self.assertEqual(who["user"]["email"], "analyst@kansai.example")
        self.assertEqual(who["organisation"]["name"], "Kansai Electric")
        self.assertFalse(who["must_accept_rules"])
        self.assertFalse(who["instance_admin"])
        self.assertEqual(who["csrf_token"], self.analyst_session.csrf)
        who = check(self.admin.get("/api/v1/session"), 200, "whoami admin")
        self.assertTrue(who["instance_admin"])

    # --- API keys -----------------------------------------------------------
    def test_api_key_is_shown_once_and_revocation_ends_it(self):
        s = self.session("member@kansai.example")
        created = check(s.post("/api/v1/keys", {"name": "once"}), 201, "create key")
        secret = created["key"]
        self.assertTrue(secret.startswith("ts_"), secret)
        self.assertGreaterEqual(len(secret), 40)
        self.assertEqual(created["prefix"], secret[:len(created["prefix"])])
        self.assertLess(len(created["prefix"]), len(secret) // 2)
        self.assertFalse(created["revoked"])
        listed = s.get("/api/v1/keys")
        self.assertEqual(listed.status, 200, listed)
        self.assertNotIn(secret, listed.raw, "the key is never shown again")
        self.assertNotIn(secret[len(created["prefix"]):], listed.raw)
        item = next(k for k in listed.json["items"] if k["id"] == created["id"])
        self.assertNotIn("key", item)
        self.assertEqual(item["name"], "once")
        self.assertEqual(item["prefix"], created["prefix"])
        # Another user cannot see or revoke it.
        other = self.analyst.get(f"/api/v1/keys?user={created['user_id']}")
        self.assertEqual(other.status, 404, other)
        other = self.analyst.delete(f"/api/v1/keys/{created['id']}")
        self.assertEqual(other.status, 404, other)

        keyed = self.client(secret)
        who = check(keyed.get("/api/v1/session"), 200, "whoami with key")
        self.assertEqual(who["user"]["email"], "member@kansai.example")
        self.assertNotIn("csrf_token", who, "a key has no CSRF token")
        self.assertEqual(keyed.get("/api/v1/events").status, 200)

        revoked = s.delete(f"/api/v1/keys/{created['id']}")
        self.assertEqual(revoked.status, 204, revoked)
        after = keyed.get("/api/v1/events")
        self.assertEqual(after.status, 401, after)
        self.assertEqual(after.error_code, "unauthenticated")
        listed = check(s.get("/api/v1/keys"), 200, "keys")
        self.assertTrue(next(k for k in listed["items"] if k["id"] == created["id"])["revoked"])
        self.assertEqual(s.delete(f"/api/v1/keys/{created['id'] + 1000}").status, 404)

    def test_another_user_cannot_revoke_a_key(self):
        s = self.session("member@kansai.example")
        created = check(s.post("/api/v1/keys", {"name": "mine"}), 201, "create key")
        # The analyst names the key under their own account: not theirs.
        r = self.analyst.delete(f"/api/v1/keys/{created['id']}")
        self.assertEqual(r.status, 404, r)
        r = self.analyst.delete(f"/api/v1/keys/{created['id']}?user={created['user_id']}")
        self.assertEqual(r.status, 404, r)
        self.assertEqual(self.client(created["key"]).get("/api/v1/session").status, 200)

    # --- events and indicators with an API key ------------------------------
    def test_event_lifecycle_with_api_key(self):
        a = self.analyst
        created = a.post("/api/v1/events", {
            "title": "  Targeted mail wave 1 to pension service  ",
            "description": "Mails with .lzh attachments; proxy logs show C2 traffic.",
            "level": "AMBER", "category": "C", "timing": "alert",
            "tags": ["apt", "pension", "apt"]})
        e = check(created, 201, "create event")
        self.assertEqual(e["title"], "Targeted mail wave 1 to pension service", "titles are trimmed")
        self.assertEqual(e["level"], "AMBER")
        self.assertEqual(e["tlp"], "TLP:AMBER+STRICT")
        self.assertEqual(e["category"], "C")
        self.assertEqual(e["timing"], "alert")
        self.assertEqual(e["tags"], ["apt", "pension"])
        self.assertEqual(e["status"], "published")
        self.assertEqual(e["provider"], {"id": self.orgs["power"]["id"], "name": "Kansai Electric"})
        eid = e["id"]
        self.assertRegex(eid, r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
        self.assertEqual(check(a.get(f"/api/v1/events/{eid}"), 200, "get")["title"], e["title"])

        # One indicator: defanged and mixed case in, canonical out.
        one = check(a.post(f"/api/v1/events/{eid}/indicators", {"value": "hxxp://Evil[.]Example/a"}),
                    201, "add indicator")["items"]
        self.assertEqual(len(one), 1)
        self.assertEqual(one[0]["type"], "url")
        self.assertEqual(one[0]["value"], "http://evil.example/a")
        self.assertEqual(one[0]["effective_level"], "AMBER")
        self.assertIsNone(one[0]["level"])
        url_id = one[0]["id"]

        # Several at once.
        bulk = check(a.post(f"/api/v1/events/{eid}/indicators", {"indicators": [
            {"value": "198.51.100[.]7", "confidence": 70, "comment": "C2"},
            {"value": "EVIL.example.", "first_seen": "2015-05-08T09:00:00Z"},
            {"type": "email-subject", "value": "厚生年金基金制度の見直しについて（試案）に関する意見"},
            {"value": "D41D8CD98F00B204E9800998ECF8427E", "level": "RED"},
        ]}), 201, "bulk add")["items"]
        self.assertEqual([(i["type"], i["value"]) for i in bulk], [
            ("ipv4", "198.51.100.7"), ("domain", "evil.example"),
            ("email-subject", "厚生年金基金制度の見直しについて（試案）に関する意見"),
            ("md5", "d41d8cd98f00b204e9800998ecf8427e")])
        self.assertEqual(bulk[0]["confidence"], 70)
        self.assertEqual(bulk[0]["comment"], "C2")
        self.assertTrue(bulk[1]["first_seen"].startswith("2015-05-08T09:00:00"))
        self.assertEqual(bulk[3]["level"], "RED")
        self.assertEqual(bulk[3]["effective_level"], "RED")
        ids = {i["value"]: i["id"] for i in one + bulk}

        # Duplicates, also after normalisation, are refused with the field named
        # and nothing of the batch is stored.
        dup = a.post(f"/api/v1/events/{eid}/indicators", {"value": "evil[.]example"})
        self.assertEqual(dup.status, 409, dup)
        self.assertEqual(dup.json["error"]["field"], "value")
        self.assertIn("evil.example", dup.json["error"]["message"])
        dup = a.post(f"/api/v1/events/{eid}/indicators", {"indicators": [
            {"value": "fresh.example"}, {"value": "other.example"}, {"value": "OTHER.example."}]})
        self.assertEqual(dup.status, 409, dup)
        self.assertEqual(dup.json["error"]["field"], "indicators[2].value")
        dup = a.post(f"/api/v1/events/{eid}/indicators", {"indicators": [
            {"value": "fresh.example"}, {"value": "HXXP://evil.example/a"}]})
        self.assertEqual(dup.status, 409, dup)
        self.assertEqual(dup.json["error"]["field"], "indicators[1].value")
        listed = check(a.get(f"/api/v1/events/{eid}/indicators"), 200, "list indicators")
        self.assertEqual(listed["total"], 5)
        self.assertEqual(sorted(i["id"] for i in listed["items"]), sorted(ids.values()))
        self.assertNotIn("fresh.example", json.dumps(listed))

        # Change the event.
        patched = check(a.patch(f"/api/v1/events/{eid}", {
            "title": "Targeted mail waves 1-4", "tags": ["apt", "lzh"], "description": "Updated."}),
            200, "patch event")
        self.assertEqual(patched["title"], "Targeted mail waves 1-4")
        self.assertEqual(patched["tags"], ["apt", "lzh"])
        self.assertEqual(patched["level"], "AMBER", "fields not given stay")
        self.assertEqual(patched["category"], "C")
        self.assertGreaterEqual(patched["modified"], e["modified"])
        again = check(a.get(f"/api/v1/events/{eid}"), 200, "get")
        self.assertEqual(again["description"], "Updated.")

        # Search: by type, by value (a defanged value finds the stored one), by text.
        found = check(a.get(f"/api/v1/indicators?event={eid}&type=ipv4"), 200, "search type")
        self.assertEqual([i["value"] for i in found["items"]], ["198.51.100.7"])
        self.assertEqual(found["total"], 1)
        for query in ("value=198.51.100%5B.%5D7", "value=hxxp%3A%2F%2FEVIL%5B.%5Dexample%2Fa",
                      "value=Evil%5B.%5DExample", "value=evil.example&type=domain"):
            found = check(a.get("/api/v1/indicators?" + query), 200, "search " + query)
            self.assertEqual(found["total"], 1, query)
            self.assertEqual(found["items"][0]["event_id"], eid, query)
        found = check(a.get(f"/api/v1/indicators?event={eid}&q=evil"), 200, "search q")
        self.assertEqual(sorted(i["value"] for i in found["items"]),
                         ["evil.example", "http://evil.example/a"])
        self.assertEqual(check(a.get("/api/v1/indicators?value=not-there.example"), 200, "none")["total"], 0)

        # Change an indicator.
        ip_id = ids["198.51.100.7"]
        changed = check(a.patch(f"/api/v1/indicators/{ip_id}", {
            "comment": "seen in proxy logs", "confidence": 90, "level": "RED",
            "last_seen": "2015-05-20T00:00:00+09:00"}), 200, "patch indicator")
        self.assertEqual(changed["comment"], "seen in proxy logs")
        self.assertEqual(changed["confidence"], 90)
        self.assertEqual(changed["effective_level"], "RED")
        self.assertEqual(changed["value"], "198.51.100.7")
        self.assertEqual(check(a.get(f"/api/v1/indicators/{ip_id}"), 200, "get")["comment"],
                         "seen in proxy logs")
        changed = check(a.patch(f"/api/v1/indicators/{ip_id}", {"value": "198.51.100[.]8", "level": None}),
                        200, "patch value")
        self.assertEqual(changed["value"], "198.51.100.8")
        self.assertIsNone(changed["level"])
        clash = a.patch(f"/api/v1/indicators/{ip_id}", {"value": "hxxp://evil.example/a", "type": "url"})
        self.assertEqual(clash.status, 409, clash)
        self.assertEqual(clash.json["error"]["field"], "value")
        self.assertEqual(check(a.get(f"/api/v1/indicators/{ip_id}"), 200, "get")["value"], "198.51.100.8")

        # Delete an indicator, then the event.
        self.assertEqual(a.delete(f"/api/v1/indicators/{url_id}").status, 204)
        self.assertEqual(a.get(f"/api/v1/indicators/{url_id}").status, 404)
        self.assertEqual(a.delete(f"/api/v1/indicators/{url_id}").status, 404)
        self.assertEqual(check(a.get(f"/api/v1/events/{eid}/indicators"), 200, "list")["total"], 4)
        self.assertEqual(a.delete(f"/api/v1/events/{eid}").status, 204)
        gone = a.get(f"/api/v1/events/{eid}")
        self.assertEqual(gone.status, 404, gone)
        self.assertEqual(gone.error_code, "not_found")
        self.assertEqual(a.get(f"/api/v1/events/{eid}/indicators").status, 404)
        self.assertEqual(a.get(f"/api/v1/indicators/{ip_id}").status, 404)
        self.assertEqual(check(a.get("/api/v1/indicators?value=evil.example"), 200, "search")["total"], 0)
        self.assertEqual(a.delete(f"/api/v1/events/{eid}").status, 404)
        self.assertEqual(self.portal.count("indicators", "id = ?", (ip_id,)), 0)

    # --- the same in a browser session --------------------------------------
    def test_event_lifecycle_in_browser_session(self):
        s = self.analyst_session
        e = check(s.post("/api/v1/events", {"title": "Session-made report", "level": "YELLOW",
                                             "category": "B-c", "status": "draft"}), 201, "create")
        self.assertEqual(e["status"], "draft")
        self.assertEqual(e["tlp"], "TLP:AMBER")
        eid = e["id"]
        # A draft is the provider's alone.
        self.assertEqual(self.observer.get(f"/api/v1/events/{eid}").status, 404)
        added = check(s.post(f"/api/v1/events/{eid}/indicators",
                             {"indicators": [{"value": "203.0.113.9"}, {"value": "mail@phish[.]example"}]}),
                      201, "add")["items"]
        self.assertEqual([(i["type"], i["value"]) for i in added],
                         [("ipv4", "203.0.113.9"), ("email-addr", "mail@phish.example")])
        published = check(s.patch(f"/api/v1/events/{eid}", {"status": "published"}), 200, "publish")
        self.assertEqual(published["status"], "published")
        # YELLOW reaches observers once published.
        seen = check(self.observer_session.get(f"/api/v1/events/{eid}"), 200, "observer reads")
        self.assertEqual(seen["title"], "Session-made report")
        self.assertEqual(check(self.observer.get(f"/api/v1/events/{eid}/indicators"), 200, "obs")["total"], 2)
        self.assertEqual(s.delete(f"/api/v1/indicators/{added[0]['id']}").status, 204)
        self.assertEqual(s.delete(f"/api/v1/events/{eid}").status, 204)
        self.assertEqual(s.get(f"/api/v1/events/{eid}").status, 404)
        self.assertEqual(self.observer.get(f"/api/v1/events/{eid}").status, 404)
        # Logging out ends the session.
        s2 = self.session("analyst@kansai.example")
        self.assertEqual(s2.delete("/api/v1/session").status, 204)
        self.assertEqual(s2.get("/api/v1/events").status, 401)
        self.assertEqual(s.get("/api/v1/events").status, 200, "other sessions stay")

    # --- parsing pasted text --------------------------------------------------
    def test_parse_detects_types_line_by_line(self):
        text = "\n".join([
            "1.2.3[.]4",
            "hxxps://Evil[.]Example:443/Path?q=1",
            "d41d8cd98f00b204e9800998ecf8427e",
            "",
            "   ",
            "2fd4e1c67a2d28fced849ee1bb76e7391b93eb12",
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "user[@]Evil.example",
            "192.0.2.0/24",
            "2001:DB8::1",
            "Evil.Example",
            "this is just words",
        ]) + "\r\n"
        before = self.portal.count("indicators")
        r = self.analyst.post("/api/v1/indicators/parse", {"text": text})
        items = check(r, 200, "parse")["items"]
        got = [(i["line"], i.get("type"), i.get("value")) for i in items]
        self.assertEqual(got[:2], [(1, "ipv4", "1.2.3.4"), (2, "url", got[1][2])])
        self.assertTrue(got[1][2].startswith("https://evil.example"), got[1])
        self.assertEqual(got[2:], [
            (3, "md5", "d41d8cd98f00b204e9800998ecf8427e"),
            (6, "sha1", "2fd4e1c67a2d28fced849ee1bb76e7391b93eb12"),
            (7, "sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            (8, "email-addr", "user@evil.example"),
            (9, "cidr", "192.0.2.0/24"),
            (10, "ipv6", "2001:db8::1"),
            (11, "domain", "evil.example"),
            (12, None, None),
        ])
        self.assertIn("error", items[-1])
        self.assertEqual(items[0]["input"], "1.2.3[.]4")
        self.assertEqual(self.portal.count("indicators"), before, "parsing stores nothing")

    # --- listing ---------------------------------------------------------------
    def test_list_filters_totals_and_paging(self):
        lister = self.accept_rules(self.client(self.portal.create_key("lister@gas.example")))
        specs = [  # title, level, category, timing, tags, status, description
            ("Gas alpha scan surge", "AMBER", "B-c", "alert", ["scan"], "published", ""),
            ("Gas bravo phishing", "GREEN", "B-b", "peacetime", ["phish", "mail"], "published", ""),
            ("Gas charlie ddos", "WHITE", "C", "alert", ["ddos"], "published", "syn flood on portal"),
            ("Gas delta near miss", "YELLOW", "A", "peacetime", [], "published", ""),
            ("Gas echo statistics", "GREEN", "B-a", "peacetime", ["stats"], "published", ""),
            ("Gas foxtrot precursor", "RED", "B-c", "alert", ["scan", "apt"], "published", ""),
            ("Gas golf draft", "AMBER", "B-b", "peacetime", ["phish"], "draft", "not ready"),
        ]
        events = []
        for title, level, category, timing, tags, status, description in specs:
            events.append(check(lister.post("/api/v1/events", {
                "title": title, "level": level, "category": category, "timing": timing, "tags": tags,
                "status": status, "description": description}), 201, "create " + title))
        by_title = {e["title"]: e for e in events}
        base = "/api/v1/events?provider=Listing%20Gas"

        def titles(query, client=lister):
            r = check(client.get(base + query), 200, query)
            self.assertEqual(r["total"], len(r["items"]), query)
            return sorted(e["title"] for e in r["items"])

        def expect(pred):
            return sorted(t for t, *rest in specs if pred(dict(zip(
                ("level", "category", "timing", "tags", "status", "description"), rest))))

        self.assertEqual(titles(""), expect(lambda s: True))
        self.assertEqual(titles(f"&provider={self.orgs['gas']['id']}"), expect(lambda s: True))
        self.assertEqual(titles("&level=GREEN"), expect(lambda s: s["level"] == "GREEN"))
        self.assertEqual(titles("&level=amber"), expect(lambda s: s["level"] == "AMBER"))
        self.assertEqual(titles("&category=B-c"), expect(lambda s: s["category"] == "B-c"))
        self.assertEqual(titles("&timing=alert"), expect(lambda s: s["timing"] == "alert"))
        self.assertEqual(titles("&tag=scan"), expect(lambda s: "scan" in s["tags"]))
        self.assertEqual(titles("&tag=phish&status=published"),
                         expect(lambda s: "phish" in s["tags"] and s["status"] == "published"))
        self.assertEqual(titles("&status=draft"), ["Gas golf draft"])
        self.assertEqual(titles("&q=SYN%20FLOOD"), ["Gas charlie ddos"], "q searches descriptions too")
        self.assertEqual(titles("&q=foxtrot"), ["Gas foxtrot precursor"])
        self.assertEqual(titles("&q=100%25"), [], "LIKE wildcards in q are literal")
        self.assertEqual(titles("&level=GREEN&timing=alert"), [])
        self.assertEqual(titles("&timing=peacetime&category=B-b"),
                         expect(lambda s: s["timing"] == "peacetime" and s["category"] == "B-b"))
        r = check(self.admin.get("/api/v1/events?provider=No%20Such%20Org"), 200, "unknown provider")
        self.assertEqual((r["total"], r["items"]), (0, []))

        # Another organisation sees only what reaches it: the observer sees
        # published YELLOW, GREEN and WHITE.
        self.assertEqual(titles("", self.observer),
                         expect(lambda s: s["status"] == "published" and
                                s["level"] in ("YELLOW", "GREEN", "WHITE")))
        self.assertEqual(titles("&status=draft", self.observer), [])

        # Sorting.
        def order(query):
            return [e["title"] for e in check(lister.get(base + query + "&per_page=500"), 200, query)["items"]]

        created_order = [t for t, *_ in specs]
        self.assertEqual(order("&sort=created"), created_order)
        self.assertEqual(order("&sort=-created"), created_order[::-1])
        self.assertEqual(order("&sort=title"), sorted(created_order, key=str.lower))
        levels = [by_title[t]["level"] for t in order("&sort=level")]
        rank = ["RED", "AMBER", "YELLOW", "GREEN", "WHITE"]
        self.assertEqual(levels, sorted(levels, key=rank.index))
        self.assertEqual(order(""), order("&sort=-modified"), "newest change first by default")
        check(lister.patch(f"/api/v1/events/{by_title['Gas alpha scan surge']['id']}", {"description": "x"}),
              200, "touch")
        self.assertEqual(order("")[0], "Gas alpha scan surge")
        self.assertEqual(order("&sort=modified")[-1], "Gas alpha scan surge")

        # Paging: totals stay, pages do not overlap and cover everything.
        seen = []
        for page, size in [(1, 3), (2, 3), (3, 1)]:
            r = check(lister.get(f"{base}&sort=created&per_page=3&page={page}"), 200, "page")
            self.assertEqual(r["total"], 7)
            self.assertEqual(r["page"], page)
            self.assertEqual(r["per_page"], 3)
            self.assertEqual(len(r["items"]), size)
            seen += [e["title"] for e in r["items"]]
        self.assertEqual(seen, created_order)
        r = check(lister.get(f"{base}&per_page=3&page=4"), 200, "past the end")
        self.assertEqual((r["total"], r["items"]), (7, []))
        r = check(lister.get(f"{base}&tag=scan&per_page=1&page=2&sort=created"), 200, "filtered page")
        self.assertEqual(r["total"], 2)
        self.assertEqual([e["title"] for e in r["items"]], ["Gas foxtrot precursor"])
        r = check(lister.get(base), 200, "default paging")
        self.assertEqual((r["page"], r["per_page"]), (1, 50))


class RulesGate(LifecycleBase):
    """Acceptance of the operating rules, and re-acceptance after a new version."""

    def test_rules_must_be_accepted_and_accepted_again_after_a_change(self):
        org = self.make_org("Tokyo Railway", "鉄道", "participant")
        self.assertEqual(org["sector"], "railway")
        user = self.make_user(org["id"], "ops@railway.example", "analyst")
        self.assertEqual(user["accepted_rules_version"], 0)
        s = self.client()
        login = s.login("ops@railway.example")
        self.assertEqual(login.status, 201, login)
        self.assertTrue(login.json["must_accept_rules"])
        k = self.client(self.portal.create_key("ops@railway.example"))

        for c in (s, k):
            for method, path, body in [("GET", "/api/v1/events", None),
                                       ("POST", "/api/v1/events", {"title": "x", "level": "WHITE"}),
                                       ("GET", "/api/v1/indicators", None),
                                       ("GET", "/api/v1/orgs", None)]:
                r = c.request(method, path, body=body)
                self.assertEqual(r.status, 403, (method, path, r))
                self.assertEqual(r.error_code, "rules_not_accepted", (method, path))
        self.assertEqual(self.portal.count("events"), 0)
        # What is needed to accept stays open.
        rules = check(s.get("/api/v1/rules"), 200, "rules")
        self.assertEqual(rules["version"], self.rules_version)
        self.assertIn("Share responsibly", rules["text"])
        self.assertFalse(rules["accepted"])
        self.assertTrue(check(s.get("/api/v1/session"), 200, "whoami")["must_accept_rules"])
        self.assertEqual(check(s.get("/api/v1/rules/versions"), 200, "versions")["items"][0]["version"], 1)
        wrong = s.post("/api/v1/rules/accept", {"version": self.rules_version + 1})
        self.assertEqual(wrong.status, 409, wrong)
        self.assertEqual(s.get("/api/v1/events").status, 403)
        ok = s.post("/api/v1/rules/accept", {"version": self.rules_version})
        self.assertEqual(ok.status, 200, ok)
        self.assertEqual(ok.json, {"accepted": self.rules_version})
        self.assertEqual(s.get("/api/v1/events").status, 200)
        self.assertEqual(k.get("/api/v1/events").status, 200, "acceptance belongs to the user, not the session")
        self.assertTrue(check(s.get("/api/v1/rules"), 200, "rules")["accepted"])

        # Only the secretariat publishes rules; a new version asks everyone again.
        denied = k.post("/api/v1/rules", {"text": "my own rules"})
        self.assertEqual(denied.status, 403, denied)
        v2 = check(self.admin.post("/api/v1/rules", {"text": "# Rules v2\n\nAgain.\n"}), 201, "publish v2")
        self.assertEqual(v2["version"], self.rules_version + 1)
        for c in (s, k, self.admin):
            r = c.get("/api/v1/events")
            self.assertEqual(r.status, 403, r)
            self.assertEqual(r.error_code, "rules_not_accepted")
        self.assertEqual([r["version"] for r in check(s.get("/api/v1/rules/versions"), 200, "v")["items"]],
                         [2, 1])
        stale = k.post("/api/v1/rules/accept", {"version": 1})
        self.assertEqual(stale.status, 409, stale)
        self.assertEqual(k.post("/api/v1/rules/accept", {"version": 2}).status, 200)
        self.assertEqual(k.get("/api/v1/events").status, 200)
        self.assertEqual(s.get("/api/v1/events").status, 200)
        self.assertEqual(self.admin.get("/api/v1/events").status, 403, "the administrator too")
        self.assertEqual(self.admin.post("/api/v1/rules/accept", {"version": 2}).status, 200)
        self.assertEqual(self.admin.get("/api/v1/events").status, 200)


if __name__ == "__main__":
    unittest.main()
