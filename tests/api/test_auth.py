"""Authentication and authorisation failures: missing and wrong credentials,
disabled users, the session cookie and logout, CSRF, login throttling, the
per-key rate limit, and what each role may do."""

import time
import unittest

from portal import PASSWORD, Portal, check

SECRETARIAT = "Council Secretariat"
MEMBER_ORG = "Osaka Gas"
OTHER_ORG = "Tohoku Water"


class PortalCase(unittest.TestCase):
    config = ""

    @classmethod
    def setUpClass(cls):
        cls.portal = Portal(config=cls.config)
        cls.clients = []
        try:
            cls.prepare(cls.portal)
            cls.portal.start()
        except BaseException:
            cls.portal.cleanup()
            raise

    @classmethod
    def prepare(cls, portal):
        pass

    @classmethod
    def client(cls, key=None):
        c = cls.portal.client(key)
        cls.clients.append(c)
        return c

    @classmethod
    def tearDownClass(cls):
        for c in cls.clients:
            c.close()
        try:
            cls.portal.stop_checked()
        finally:
            cls.portal.cleanup()

    def assertError(self, r, status, code):
        self.assertEqual(r.status, status, r)
        self.assertIsNotNone(r.json, f"error bodies are JSON: {r!r}")
        self.assertEqual(r.error_code, code, r)
        self.assertIsInstance(r.json["error"]["message"], str)
        self.assertTrue(r.json["error"]["message"])
        self.assertTrue(r.header("Content-Type").startswith("application/json"), r.headers)


class Credentials(PortalCase):
    # Many failed logins happen here on purpose; the throttle has its own class.
    config = "key_rate_per_second = 0\nlogin_max_failures = 1000\n"

    @classmethod
    def prepare(cls, p):
        p.create_org(SECRETARIAT, "none", "secretariat")
        p.create_org(MEMBER_ORG, "gas", "participant")
        p.create_org(OTHER_ORG, "water", "participant")
        cls.ids = {}
        for org, email, role in [
            (SECRETARIAT, "admin@sec.example", "admin"),
            (SECRETARIAT, "analyst@sec.example", "analyst"),
            (MEMBER_ORG, "admin@gas.example", "admin"),
            (MEMBER_ORG, "analyst@gas.example", "analyst"),
            (MEMBER_ORG, "m1@gas.example", "member"),
            (MEMBER_ORG, "m2@gas.example", "member"),
            (MEMBER_ORG, "ro@gas.example", "readonly"),
            (MEMBER_ORG, "leaver@gas.example", "analyst"),
            (OTHER_ORG, "admin@water.example", "admin"),
        ]:
            cls.ids[email] = p.create_user(org, email, role)
        cls.keys = {e: p.create_key(e) for e in cls.ids if e != "leaver@gas.example"}

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.k = {e: cls.client(key) for e, key in cls.keys.items()}

    def count_events(self):
        return self.portal.count("events")

    # --- no or wrong credentials ------------------------------------------------
    def test_no_credentials_gives_401_with_json_error(self):
        anon = self.client()
        for method, path in [("GET", "/api/v1/events"), ("POST", "/api/v1/events"),
                             ("GET", "/api/v1/events/00000000-0000-0000-0000-000000000000"),
                             ("GET", "/api/v1/indicators"), ("GET", "/api/v1/orgs"),
                             ("POST", "/api/v1/orgs"), ("GET", "/api/v1/users"), ("GET", "/api/v1/keys"),
                             ("POST", "/api/v1/keys"), ("GET", "/api/v1/consent-requests"),
                             ("GET", "/api/v1/audit"), ("GET", "/metrics"), ("GET", "/api/v1/session"),
                             ("DELETE", "/api/v1/session"), ("POST", "/api/v1/rules/accept")]:
            body = ({"title": "anonymous", "level": "WHITE", "name": "anonymous"}
                    if method == "POST" else None)
            r = anon.request(method, path, body=body)
            self.assertError(r, 401, "unauthenticated")
            self.assertEqual(r.header("WWW-Authenticate"), "Bearer", (method, path))
        self.assertEqual(self.portal.count("events", "title = 'anonymous'"), 0)
        self.assertEqual(self.portal.count("organisations", "name = 'anonymous'"), 0)
        self.assertEqual(check(anon.get("/healthz"), 200, "health"), {"status": "ok"})

    def test_wrong_password_and_unknown_email_look_the_same(self):
        anon = self.client()
        wrong = anon.login("m1@gas.example", "not the right password at all")
        unknown = anon.login("nobody@gas.example", PASSWORD)
        for r in (wrong, unknown):
            self.assertError(r, 401, "unauthenticated")
            self.assertIsNone(r.header("Set-Cookie"))
        self.assertEqual(wrong.json, unknown.json, "the answer must not tell which part was wrong")
        self.assertIsNone(anon.cookie)
        r = anon.post("/api/v1/session", {"email": "m1@gas.example"})
        self.assertError(r, 400, "invalid")
        # The right password still works: failures below the limit do not lock out.
        self.assertEqual(anon.login("M1@Gas.Example").status, 201)

    def test_wrong_and_malformed_bearer_keys(self):
        real = self.keys["m1@gas.example"]
        for header in ["Bearer ts_" + "A" * 43, "Bearer " + real[:-1], "Bearer " + real + "x",
                       "Bearer ", "Basic " + real, real, "bearer"]:
            c = self.client()
            r = c.get("/api/v1/events", headers={"Authorization": header})
            self.assertError(r, 401, "unauthenticated")
            self.assertEqual(r.header("WWW-Authenticate"), "Bearer")
        # A wrong key is not downgraded to anonymous, even on the login route's neighbours.
        c = self.client("ts_wrong")
        self.assertError(c.get("/api/v1/session"), 401, "unauthenticated")
        self.assertEqual(self.client(real).get("/api/v1/events").status, 200)

    def test_revoked_key_is_refused(self):
        email = "analyst@gas.example"
        s = self.client()
        check(s.login(email), 201, "login")
        created = check(s.post("/api/v1/keys", {"name": "short-lived"}), 201, "key")
        k = self.client(created["key"])
        self.assertEqual(k.get("/api/v1/events").status, 200)
        self.portal.cli("admin", "revoke-key", "--data", self.portal.data, "--user", email,
                        "--id", str(created["id"]))
        r = k.get("/api/v1/events")
        self.assertError(r, 401, "unauthenticated")
        r = k.post("/api/v1/events", {"title": "after revocation", "level": "AMBER"})
        self.assertError(r, 401, "unauthenticated")
        self.assertEqual(self.portal.count("events", "title = ?", ("after revocation",)), 0)
        self.assertEqual(self.k[email].get("/api/v1/events").status, 200, "other keys stay")

    def test_disabled_user_loses_sessions_and_keys(self):
        email = "leaver@gas.example"
        uid = self.ids[email]
        s = self.client()
        check(s.login(email), 201, "login")
        key = check(s.post("/api/v1/keys", {"name": "laptop"}), 201, "key")["key"]
        k = self.client(key)
        self.assertEqual(s.get("/api/v1/events").status, 200)
        self.assertEqual(k.get("/api/v1/events").status, 200)
        # An admin of another organisation may not disable them.
        other = self.k["admin@water.example"].patch(f"/api/v1/users/{uid}", {"disabled": True})
        self.assertIn(other.status, (403, 404), other)
        self.assertEqual(k.get("/api/v1/events").status, 200)

        r = self.k["admin@gas.example"].patch(f"/api/v1/users/{uid}", {"disabled": True})
        self.assertTrue(check(r, 200, "disable")["disabled"])
        self.assertError(s.get("/api/v1/events"), 401, "unauthenticated")
        self.assertError(s.get("/api/v1/session"), 401, "unauthenticated")
        self.assertError(k.get("/api/v1/events"), 401, "unauthenticated")
        self.assertError(k.post("/api/v1/events", {"title": "ghost", "level": "AMBER"}), 401,
                         "unauthenticated")
        again = self.client()
        login = again.login(email)
        self.assertError(login, 401, "unauthenticated")
        wrong = self.client().login("nobody-at-all@gas.example")
        self.assertEqual(login.json, wrong.json, "a disabled account looks like a wrong password")
        self.assertEqual(self.portal.count("events", "title = ?", ("ghost",)), 0)

        # Enabling again does not bring the old session back.
        check(self.k["admin@gas.example"].patch(f"/api/v1/users/{uid}", {"disabled": False}), 200, "enable")
        self.assertError(s.get("/api/v1/events"), 401, "unauthenticated")

    # --- the browser session ----------------------------------------------------
    def test_session_cookie_attributes_and_logout(self):
        c = self.client()
        r = c.login("analyst@gas.example")
        self.assertEqual(r.status, 201, r)
        cookie = r.header("Set-Cookie")
        name_value, *attrs = [part.strip() for part in cookie.split(";")]
        name, value = name_value.split("=", 1)
        self.assertEqual(name, "ts_session")
        self.assertGreaterEqual(len(value), 32, "the session token must be long and random")
        lower = {a.split("=", 1)[0].lower(): (a.split("=", 1) + [""])[1] for a in attrs}
        self.assertIn("httponly", lower, cookie)
        self.assertEqual(lower.get("samesite", "").lower(), "strict", cookie)
        self.assertEqual(lower.get("path"), "/", cookie)
        self.assertNotIn("secure", lower, "plain HTTP cannot carry a Secure cookie")
        self.assertGreater(int(lower.get("max-age", "0")), 0)
        self.assertNotIn(value, r.raw, "the token is in the cookie only")
        self.assertTrue(r.json["csrf_token"])
        self.assertNotEqual(r.json["csrf_token"], value)

        # Two logins give two different sessions.
        c2 = self.client()
        check(c2.login("analyst@gas.example"), 201, "second login")
        self.assertNotEqual(c2.cookie, c.cookie)
        self.assertNotEqual(c2.csrf, c.csrf)

        # Logging out is a state change: it needs the CSRF token.
        r = c.delete("/api/v1/session", csrf=False)
        self.assertError(r, 403, "forbidden")
        self.assertEqual(c.get("/api/v1/session").status, 200)
        r = c.delete("/api/v1/session")
        self.assertEqual(r.status, 204, r)
        cleared = r.header("Set-Cookie")
        self.assertTrue(cleared.startswith("ts_session=;"), cleared)
        self.assertIn("Max-Age=0", cleared)
        self.assertError(c.get("/api/v1/session"), 401, "unauthenticated")
        self.assertError(c.get("/api/v1/events"), 401, "unauthenticated")
        self.assertEqual(c2.get("/api/v1/events").status, 200, "other sessions stay")
        # The stale cookie does not stand in the way of logging in again.
        self.assertIsNotNone(c.cookie)
        self.assertEqual(c.login("analyst@gas.example").status, 201)
        self.assertEqual(c.get("/api/v1/events").status, 200)

    def test_csrf_token_is_required_with_the_session_cookie(self):
        c = self.client()
        check(c.login("analyst@gas.example"), 201, "login")
        other = self.client()
        check(other.login("admin@gas.example"), 201, "login")
        before = self.count_events()
        body = {"title": "csrf probe", "level": "AMBER"}
        for headers, csrf in [({}, False), ({"X-CSRF-Token": "wrong"}, False),
                              ({"X-CSRF-Token": other.csrf}, False), ({"X-CSRF-Token": ""}, False),
                              ({"X-CSRF-Token": c.csrf + "x"}, False)]:
            r = c.post("/api/v1/events", body, headers=headers, csrf=csrf)
            self.assertError(r, 403, "forbidden")
            self.assertIn("CSRF", r.json["error"]["message"])
        self.assertEqual(self.count_events(), before, "nothing was stored")
        # Reads need no token.
        self.assertEqual(c.get("/api/v1/events").status, 200)
        created = check(c.post("/api/v1/events", body), 201, "with the token")
        eid = created["id"]
        self.assertEqual(self.count_events(), before + 1)
        for method, path, payload in [("PATCH", f"/api/v1/events/{eid}", {"title": "changed"}),
                                      ("POST", f"/api/v1/events/{eid}/indicators", {"value": "x.example"}),
                                      ("DELETE", f"/api/v1/events/{eid}", None),
                                      ("POST", "/api/v1/keys", {"name": "k"})]:
            r = c.request(method, path, body=payload, csrf=False)
            self.assertError(r, 403, "forbidden")
        ev = check(c.get(f"/api/v1/events/{eid}"), 200, "unchanged")
        self.assertEqual(ev["title"], "csrf probe")
        self.assertEqual(self.portal.count("indicators", "value = 'x.example'"), 0)
        self.assertEqual(self.portal.count("api_keys", "name = 'k'"), 0)
        self.assertEqual(check(c.patch(f"/api/v1/events/{eid}", {"title": "changed"}), 200, "patch")["title"],
                         "changed")
        # A bearer key needs no CSRF token.
        r = self.k["analyst@gas.example"].post("/api/v1/events", {"title": "by key", "level": "AMBER"})
        self.assertEqual(r.status, 201, r)
        r = self.k["analyst@gas.example"].delete(f"/api/v1/events/{eid}")
        self.assertEqual(r.status, 204, r)

    # --- roles ------------------------------------------------------------------------
    def test_readonly_user_reads_but_cannot_write(self):
        ro = self.k["ro@gas.example"]
        before = self.count_events()
        r = ro.post("/api/v1/events", {"title": "read-only write", "level": "AMBER"})
        self.assertError(r, 403, "forbidden")
        self.assertEqual(self.count_events(), before)
        self.assertEqual(ro.get("/api/v1/events").status, 200)
        eid = check(self.k["analyst@gas.example"].post("/api/v1/events", {"title": "own org", "level": "RED"}),
                    201, "create")["id"]
        self.assertEqual(ro.get(f"/api/v1/events/{eid}").status, 200, "own organisation's RED")
        self.assertError(ro.patch(f"/api/v1/events/{eid}", {"title": "ro edit"}), 403, "forbidden")
        self.assertError(ro.delete(f"/api/v1/events/{eid}"), 403, "forbidden")
        self.assertError(ro.post(f"/api/v1/events/{eid}/indicators", {"value": "ro.example"}), 403, "forbidden")
        self.assertEqual(check(ro.get(f"/api/v1/events/{eid}"), 200, "get")["title"], "own org")

    def test_member_edits_only_own_submissions(self):
        m1, m2 = self.k["m1@gas.example"], self.k["m2@gas.example"]
        eid = check(m1.post("/api/v1/events", {"title": "m1 report", "level": "AMBER"}), 201, "create")["id"]
        self.assertEqual(m2.get(f"/api/v1/events/{eid}").status, 200, "same organisation reads it")
        for method, path, body in [("PATCH", f"/api/v1/events/{eid}", {"title": "m2 was here"}),
                                   ("POST", f"/api/v1/events/{eid}/indicators", {"value": "m2.example"}),
                                   ("DELETE", f"/api/v1/events/{eid}", None)]:
            self.assertError(m2.request(method, path, body=body), 403, "forbidden")
        ind = check(m1.post(f"/api/v1/events/{eid}/indicators", {"value": "m1.example"}), 201, "add")["items"][0]
        self.assertError(m2.patch(f"/api/v1/indicators/{ind['id']}", {"comment": "m2"}), 403, "forbidden")
        self.assertError(m2.delete(f"/api/v1/indicators/{ind['id']}"), 403, "forbidden")
        self.assertEqual(check(m1.get(f"/api/v1/events/{eid}"), 200, "get")["title"], "m1 report")
        self.assertEqual(check(m1.patch(f"/api/v1/events/{eid}", {"title": "m1 edit"}), 200, "own")["title"],
                         "m1 edit")
        # The organisation's analysts and administrators edit all its events.
        self.assertEqual(self.k["analyst@gas.example"].patch(f"/api/v1/events/{eid}", {"title": "an"}).status, 200)
        self.assertEqual(self.k["admin@gas.example"].patch(f"/api/v1/events/{eid}", {"title": "ad"}).status, 200)
        # Nobody outside the organisation does, not even the secretariat.
        self.assertError(self.k["admin@water.example"].patch(f"/api/v1/events/{eid}", {"title": "x"}), 403,
                         "forbidden")
        self.assertError(self.k["admin@sec.example"].delete(f"/api/v1/events/{eid}"), 403, "forbidden")
        self.assertEqual(m1.delete(f"/api/v1/events/{eid}").status, 204)

    def test_org_admin_creates_users_only_in_own_org(self):
        gas_admin = self.k["admin@gas.example"]
        gas = self.portal.count("organisations", "name = ?", (MEMBER_ORG,))
        self.assertEqual(gas, 1)
        users = check(gas_admin.get("/api/v1/users"), 200, "own users")["items"]
        gas_id = users[0]["org_id"]
        self.assertTrue(all(u["org_id"] == gas_id for u in users), "only their organisation")
        water_id = check(self.k["admin@water.example"].get("/api/v1/session"), 200, "who")["organisation"]["id"]

        before = self.portal.count("users")
        made = check(gas_admin.post("/api/v1/users", {"email": "new@gas.example", "role": "member",
                                                      "password": PASSWORD}), 201, "own org, org_id implied")
        self.assertEqual(made["org_id"], gas_id)
        made = check(gas_admin.post("/api/v1/users", {"org_id": gas_id, "email": "new2@gas.example",
                                                      "role": "analyst", "password": PASSWORD}), 201, "own org")
        self.assertEqual(made["role"], "analyst")
        r = gas_admin.post("/api/v1/users", {"org_id": water_id, "email": "mole@water.example",
                                             "role": "admin", "password": PASSWORD})
        self.assertError(r, 403, "forbidden")
        self.assertError(gas_admin.get(f"/api/v1/users?org={water_id}"), 403, "forbidden")
        self.assertEqual(self.portal.count("users"), before + 2)
        self.assertEqual(self.portal.count("users", "email = 'mole@water.example'"), 0)
        # Members and analysts create no users at all.
        for email in ("m1@gas.example", "analyst@gas.example"):
            r = self.k[email].post("/api/v1/users", {"email": "x" + email, "role": "member",
                                                    "password": PASSWORD})
            self.assertError(r, 403, "forbidden")
            self.assertError(self.k[email].get("/api/v1/users"), 403, "forbidden")
        # The secretariat administrator creates users anywhere.
        r = self.k["admin@sec.example"].post("/api/v1/users", {"org_id": water_id, "email": "ops@water.example",
                                                               "role": "member", "password": PASSWORD})
        self.assertEqual(check(r, 201, "secretariat")["org_id"], water_id)
        self.assertEqual(self.portal.count("users"), before + 3)

    def test_only_secretariat_admins_create_orgs_and_read_audit_and_metrics(self):
        before = self.portal.count("organisations")
        for email in ("admin@gas.example", "analyst@gas.example", "m1@gas.example", "analyst@sec.example"):
            c = self.k[email]
            r = c.post("/api/v1/orgs", {"name": "Rogue " + email, "sector": "none", "membership": "secretariat"})
            self.assertError(r, 403, "forbidden")
            self.assertError(c.get("/api/v1/audit"), 403, "forbidden")
            self.assertError(c.get("/api/v1/audit/verify"), 403, "forbidden")
            self.assertError(c.get("/metrics"), 403, "forbidden")
            self.assertError(c.post("/api/v1/rules", {"text": "rules by " + email}), 403, "forbidden")
        self.assertEqual(self.portal.count("organisations"), before)
        self.assertEqual(self.portal.count("rules"), 0)

        admin = self.k["admin@sec.example"]
        org = check(admin.post("/api/v1/orgs", {"name": "Fukuoka Finance", "sector": "金融",
                                                "sub_sector": "証券", "membership": "observer"}), 201, "org")
        self.assertEqual((org["sector"], org["sub_sector"], org["membership"]),
                         ("finance", "securities", "observer"))
        self.assertEqual(self.portal.count("organisations"), before + 1)
        audit = check(admin.get("/api/v1/audit?limit=1000"), 200, "audit")["items"]
        self.assertIn("organisation.create", [a["action"] for a in audit])
        self.assertTrue(check(admin.get("/api/v1/audit/verify"), 200, "verify")["ok"])
        metrics = admin.get("/metrics")
        self.assertEqual(metrics.status, 200, metrics)
        self.assertTrue(metrics.header("Content-Type").startswith("text/plain"), metrics.headers)
        self.assertIn("threatshare_database_bytes", metrics.raw)


class LoginThrottle(PortalCase):
    config = "login_max_failures = 3\nlogin_window_seconds = 3600\n"

    @classmethod
    def prepare(cls, p):
        p.create_org("Throttled Org", "none", "participant")
        p.create_user("Throttled Org", "victim@throttle.example", "analyst")

    def test_failures_lock_the_login_even_with_the_right_password(self):
        c = self.client()
        for n in range(3):
            r = c.login("victim@throttle.example", f"guess number {n} of many")
            self.assertEqual(r.status, 401, (n, r))
        r = c.login("victim@throttle.example")
        self.assertEqual(r.status, 429, r)
        self.assertEqual(r.error_code, "rate_limited")
        self.assertIsNone(r.header("Set-Cookie"))
        self.assertIsNone(c.cookie)
        retry = int(r.header("Retry-After"))
        self.assertGreater(retry, 3000, "the wait lasts until the window has passed")
        self.assertLessEqual(retry, 3600)
        # Still locked, and the locked attempts are not served by the throttled address either.
        r = c.login("victim@throttle.example")
        self.assertEqual(r.status, 429, r)
        self.assertIsNotNone(r.header("Retry-After"))
        self.assertEqual(self.portal.count("sessions"), 0)


class KeyRateLimit(PortalCase):
    config = "key_rate_per_second = 1\nkey_rate_burst = 5\n"

    @classmethod
    def prepare(cls, p):
        p.create_org("Busy Org", "none", "participant")
        for email in ("feed@busy.example", "other@busy.example"):
            p.create_user("Busy Org", email, "analyst")
        cls.feed_key = p.create_key("feed@busy.example")
        cls.other_key = p.create_key("feed@busy.example")
        cls.third_key = p.create_key("other@busy.example")

    def test_sixth_quick_request_is_limited_per_key(self):
        feed = self.client(self.feed_key)
        for attempt in range(3):
            start = time.monotonic()
            answers = [feed.get("/api/v1/events").status for _ in range(6)]
            elapsed = time.monotonic() - start
            if elapsed < 0.9:
                break
            # A loaded machine was too slow for "quick": let the bucket refill and retry.
            time.sleep(6)
        self.assertLess(elapsed, 0.9, "the requests must be quick for this test to mean anything")
        self.assertEqual(answers, [200] * 5 + [429])
        r = feed.get("/api/v1/events")
        self.assertEqual(r.status, 429, r)
        self.assertEqual(r.error_code, "rate_limited")
        self.assertEqual(set(r.json), {"error"})
        retry = int(r.header("Retry-After"))
        self.assertGreaterEqual(retry, 1)
        self.assertLessEqual(retry, 2)
        # Writes are limited as well, and nothing is stored.
        r = feed.post("/api/v1/events", {"title": "over the limit", "level": "AMBER"})
        self.assertEqual(r.status, 429, r)
        self.assertEqual(self.portal.count("events"), 0)
        # Other keys, even of the same user, have their own budget.
        self.assertEqual(self.client(self.other_key).get("/api/v1/events").status, 200)
        self.assertEqual(self.client(self.third_key).get("/api/v1/events").status, 200)
        # A browser session is not limited by the key's budget.
        s = self.client()
        self.assertEqual(s.login("feed@busy.example").status, 201)
        self.assertEqual(s.get("/api/v1/events").status, 200)
        # It is a rate, not a ban: after Retry-After the key works again.
        time.sleep(retry + 0.2)
        self.assertEqual(feed.get("/api/v1/events").status, 200)


if __name__ == "__main__":
    unittest.main()
