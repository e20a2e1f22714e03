"""Bad input: every rejection has the documented status and the exact error
shape {"error": {"code", "message"[, "field"]}}, names what was wrong, and
stores nothing; the server keeps serving afterwards. Also the CLI's errors."""

import http.client
import json
import socket
import unittest

from portal import PASSWORD, Portal

MAX_BODY = 65536
TABLES = ("organisations", "users", "api_keys", "sessions", "rules", "events", "event_tags",
          "indicators", "consent_requests", "audit_log")


class Errors(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.portal = p = Portal(config=f"key_rate_per_second = 0\nmax_body_bytes = {MAX_BODY}\n")
        try:
            p.create_org("Council Secretariat", "none", "secretariat")
            p.create_org("Hiroshima Power", "power", "participant")
            p.create_user("Council Secretariat", "admin@sec.example", "admin")
            p.create_user("Hiroshima Power", "analyst@power.example", "analyst")
            admin_key = p.create_key("admin@sec.example")
            analyst_key = p.create_key("analyst@power.example")
            p.start()
        except BaseException:
            p.cleanup()
            raise
        cls.admin = p.client(admin_key)
        cls.c = p.client(analyst_key)
        # GREEN, so that reading it writes no audit entries and the counts stay put.
        cls.event = cls.c.post("/api/v1/events", {"title": "Error fixture", "level": "GREEN",
                                                  "tags": ["fixture"]}).json
        cls.eid = cls.event["id"]
        r = cls.c.post(f"/api/v1/events/{cls.eid}/indicators", {"value": "fixture.example"})
        cls.indicator = r.json["items"][0]
        cls.event = cls.c.get(f"/api/v1/events/{cls.eid}").json  # modified moved with the indicator

    @classmethod
    def tearDownClass(cls):
        cls.admin.close()
        cls.c.close()
        try:
            cls.portal.stop_checked()
        finally:
            cls.portal.cleanup()

    # --- helpers --------------------------------------------------------------------
    def counts(self):
        return {t: self.portal.count(t) for t in TABLES}

    def setUp(self):
        self.before = self.counts()

    def assertNothingStored(self):
        self.assertEqual(self.counts(), self.before, "a rejected request stored something")
        ev = self.c.get(f"/api/v1/events/{self.eid}").json
        self.assertEqual(ev["modified"], self.event["modified"], "the fixture event changed")
        self.assertEqual(ev["title"], "Error fixture")

    def assertError(self, r, status, code, field=None, mentions=()):
        self.assertEqual(r.status, status, r)
        self.assertTrue((r.header("Content-Type") or "").startswith("application/json"), r.headers)
        self.assertIsInstance(r.json, dict, f"not a JSON object: {r!r}")
        self.assertEqual(set(r.json), {"error"}, r)
        err = r.json["error"]
        self.assertLessEqual({"code", "message"}, set(err), r)
        self.assertLessEqual(set(err), {"code", "message", "field"}, r)
        self.assertEqual(err["code"], code, r)
        self.assertIsInstance(err["message"], str)
        self.assertTrue(err["message"].strip(), r)
        if field is None:
            self.assertNotIn("field", err, r)
        else:
            self.assertEqual(err.get("field"), field, r)
        for text in mentions:
            self.assertIn(text, err["message"], r)
        return err

    def post_raw(self, path, raw, **kw):
        return self.c.post(path, raw=raw, **kw)

    # --- malformed bodies -------------------------------------------------------------
    def test_malformed_json_names_the_byte_position(self):
        for raw, position in [(b'{"title": "x",', 15), (b'{"title": "x" "level": "AMBER"}', 21),
                              (b'{"title": tru, "level": "AMBER"}', 14), (b'', 1),
                              (b'{"title":"ok","level":"AMBER"} trailing', 34)]:
            err = self.assertError(self.post_raw("/api/v1/events", raw), 400, "invalid")
            self.assertIn(f"byte {position}", err["message"], raw)
        self.assertNothingStored()

    def test_body_must_be_a_json_object(self):
        for raw in [b'[{"title": "x", "level": "AMBER"}]', b'"a string"', b'42', b'null', b'true',
                    b'[' * 20000 + b']' * 20000]:
            for path in ("/api/v1/events", f"/api/v1/events/{self.eid}/indicators", "/api/v1/orgs"):
                self.assertError(self.post_raw(path, raw), 400, "invalid", mentions=("object",))
            self.assertError(self.c.patch(f"/api/v1/events/{self.eid}", raw=raw), 400, "invalid")
        self.assertNothingStored()

    def test_body_must_be_declared_as_json(self):
        r = self.c.post("/api/v1/events", raw=b'{"title": "x", "level": "AMBER"}',
                        headers={"Content-Type": "text/plain"})
        self.assertError(r, 400, "invalid", mentions=("JSON",))
        self.assertNothingStored()

    def test_invalid_utf8_is_refused(self):
        for path, raw in [("/api/v1/events", b'{"title": "bad \xff\xfe", "level": "AMBER"}'),
                          ("/api/v1/events", b'{"title": "lone \\ud800 surrogate", "level": "AMBER"}'),
                          ("/api/v1/events", b'{"title": "ok", "description": "\xc3", "level": "AMBER"}'),
                          ("/api/v1/events", b'{"title": "overlong \xc0\xaf", "level": "AMBER"}'),
                          (f"/api/v1/events/{self.eid}/indicators", b'{"value": "evil\xe3\x81.example"}'),
                          (f"/api/v1/events/{self.eid}/indicators",
                           b'{"type": "text", "value": "\xed\xa0\x80 surrogate as UTF-8"}'),
                          ("/api/v1/indicators/parse", b'{"text": "1.2.3.4\\n\xff"}')]:
            self.assertError(self.post_raw(path, raw), 400, "invalid")
        self.assertError(self.c.patch(f"/api/v1/indicators/{self.indicator['id']}",
                                      raw=b'{"comment": "\xf8\x88\x80\x80\x80"}'), 400, "invalid")
        self.assertNothingStored()

    # --- fields -----------------------------------------------------------------------------
    def test_wrong_field_types_name_the_field(self):
        cases = [
            ("/api/v1/events", {"title": 5, "level": "AMBER"}, "title"),
            ("/api/v1/events", {"title": "x", "level": 1}, "level"),
            ("/api/v1/events", {"title": "x", "level": "AMBER", "tags": "apt"}, "tags"),
            ("/api/v1/events", {"title": "x", "level": "AMBER", "tags": [1]}, "tags"),
            ("/api/v1/events", {"title": "x", "level": "AMBER", "description": ["a"]}, "description"),
            ("/api/v1/events", {"title": "x", "level": "AMBER", "provider": True}, "provider"),
            (f"/api/v1/events/{self.eid}/indicators", {"value": 1234}, "value"),
            (f"/api/v1/events/{self.eid}/indicators", {"value": "a.example", "confidence": "high"},
             "confidence"),
            (f"/api/v1/events/{self.eid}/indicators", {"value": "a.example", "confidence": 1.5}, "confidence"),
            (f"/api/v1/events/{self.eid}/indicators", {"indicators": {"value": "a.example"}}, "indicators"),
            (f"/api/v1/events/{self.eid}/indicators",
             {"indicators": [{"value": "a.example"}, {"value": ["b.example"]}]}, "indicators[1].value"),
            (f"/api/v1/events/{self.eid}/indicators", {"indicators": [{"value": "a.example"}, 7]},
             "indicators[1]"),
            (f"/api/v1/events/{self.eid}/consent-requests", {"level": "WHITE", "reason": 5}, "reason"),
            ("/api/v1/orgs", {"name": "X", "sector": 3, "membership": "observer"}, "sector"),
            ("/api/v1/users", {"email": "x@power.example", "role": "member", "password": 123456789012},
             "password"),
            ("/api/v1/keys", {"name": 5}, "name"),
            ("/api/v1/rules/accept", {"version": "1"}, "version"),
            ("/api/v1/indicators/parse", {"text": ["1.2.3.4"]}, "text"),
        ]
        for path, body, field in cases:
            self.assertError(self.c.post(path, body), 400, "invalid", field=field)
        self.assertError(self.c.patch(f"/api/v1/events/{self.eid}", {"title": 5}), 400, "invalid",
                         field="title")
        self.assertError(self.admin.patch("/api/v1/users/1", {"disabled": "yes"}), 400, "invalid",
                         field="disabled")
        self.assertNothingStored()

    def test_unknown_fields_are_named(self):
        for path, body, field in [
            ("/api/v1/events", {"title": "x", "level": "AMBER", "severity": "high"}, "severity"),
            ("/api/v1/events", {"title": "x", "level": "AMBER", "Title": "y"}, "Title"),
            (f"/api/v1/events/{self.eid}/indicators", {"value": "a.example", "tlp": "RED"}, "tlp"),
            (f"/api/v1/events/{self.eid}/indicators", {"indicators": [{"value": "a.example", "kind": "x"}]},
             "indicators[0].kind"),
            ("/api/v1/orgs", {"name": "X", "sector": "none", "membership": "observer", "admin": True}, "admin"),
            ("/api/v1/keys", {"name": "k", "expires": "never"}, "expires"),
        ]:
            err = self.assertError(self.c.post(path, body), 400, "invalid", field=field)
            self.assertIn(field.rsplit(".", 1)[-1], err["message"])
        self.assertError(self.c.patch(f"/api/v1/events/{self.eid}", {"titel": "typo"}), 400, "invalid",
                         field="titel")
        # A password is changed with POST /api/v1/users/{id}/password, never silently ignored.
        self.assertError(self.admin.patch("/api/v1/users/2", {"password": PASSWORD + "!"}), 400, "invalid",
                         field="password")
        self.assertNothingStored()

    def test_missing_and_invalid_event_fields(self):
        for body, field in [({"title": "no level"}, "level"),
                            ({"level": "AMBER"}, "title"),
                            ({"title": "   ", "level": "AMBER"}, "title"),
                            ({"title": "x" * 501, "level": "AMBER"}, "title"),
                            ({"title": "x", "level": "PURPLE"}, "level"),
                            ({"title": "x", "level": ""}, "level"),
                            ({"title": "x", "level": "TLP:RED"}, "level"),
                            ({"title": "x", "level": "AMBER", "category": "D"}, "category"),
                            ({"title": "x", "level": "AMBER", "category": "b-a"}, "category"),
                            ({"title": "x", "level": "AMBER", "timing": "sometimes"}, "timing"),
                            ({"title": "x", "level": "AMBER", "status": "pending"}, "status"),
                            ({"title": "x", "level": "AMBER", "status": "archived"}, "status"),
                            ({"title": "x", "level": "AMBER", "tags": ["ok", " "]}, "tags"),
                            ({"title": "x", "level": "AMBER", "tags": ["t%d" % n for n in range(51)]}, "tags"),
                            ({"title": "x", "level": "AMBER", "provider": "No Such Org"}, "provider")]:
            self.assertError(self.c.post("/api/v1/events", body), 400, "invalid", field=field)
        for body, field in [({"level": "BLACK"}, "level"), ({"timing": "later"}, "timing"),
                            ({"category": ""}, "category"), ({"status": "pending"}, "status"),
                            ({"title": ""}, "title"), ({"provider": "Hiroshima Power"}, "provider")]:
            self.assertError(self.c.patch(f"/api/v1/events/{self.eid}", body), 400, "invalid", field=field)
        self.assertNothingStored()

    def test_invalid_list_parameters(self):
        for query, field in [("level=PURPLE", "level"), ("category=Z", "category"), ("timing=never", "timing"),
                             ("status=gone", "status"), ("sort=random", "sort"), ("sort=-title", "sort"),
                             ("page=0", "page"), ("page=-1", "page"), ("page=two", "page"),
                             ("page=1.5", "page"), ("page=99999999999999999999", "page"),
                             ("per_page=0", "per_page"), ("per_page=501", "per_page"),
                             ("per_page=ten", "per_page")]:
            self.assertError(self.c.get("/api/v1/events?" + query), 400, "invalid", field=field)
        for query, field in [("type=colour", "type"), ("per_page=1001", "per_page"), ("page=0", "page")]:
            self.assertError(self.c.get("/api/v1/indicators?" + query), 400, "invalid", field=field)
        self.assertError(self.c.get(f"/api/v1/events/{self.eid}/indicators?per_page=0"), 400, "invalid",
                         field="per_page")
        self.assertError(self.admin.get("/api/v1/audit?limit=-1"), 400, "invalid", field="limit")
        self.assertError(self.admin.get("/api/v1/audit?after=x"), 400, "invalid", field="after")
        self.assertError(self.c.get("/api/v1/consent-requests?state=maybe"), 400, "invalid", field="state")
        self.assertNothingStored()

    def test_invalid_indicators(self):
        path = f"/api/v1/events/{self.eid}/indicators"
        for body, field in [({"type": "ipv4", "value": "999.1.1.1"}, "value"),
                            ({"type": "md5", "value": "xyz"}, "value"),
                            ({"type": "colour", "value": "1.1.1.1"}, "type"),
                            ({"value": "words that are no indicator"}, "type"),
                            ({"value": ""}, "value"),
                            ({"value": "   "}, "value"),
                            ({"comment": "no value"}, "value"),
                            ({"value": "a.example", "confidence": 101}, "confidence"),
                            ({"value": "a.example", "confidence": -1}, "confidence"),
                            ({"value": "a.example", "first_seen": "yesterday"}, "first_seen"),
                            ({"value": "a.example", "first_seen": "2020-01-02T00:00:00Z",
                              "last_seen": "2019-01-01T00:00:00Z"}, "last_seen"),
                            ({"value": "a.example", "level": "MAUVE"}, "level"),
                            ({"indicators": []}, "indicators"),
                            ({"indicators": [{"value": "ok.example"}, {"type": "ipv4", "value": "1.2.3"}]},
                             "indicators[1].value")]:
            self.assertError(self.c.post(path, body), 400, "invalid", field=field)
        self.assertError(self.c.post(path, {"value": "a.example", "indicators": [{"value": "b.example"}]}),
                         400, "invalid")
        iid = self.indicator["id"]
        for body, field in [({"type": "domain", "value": "not a domain at all"}, "value"),
                            ({"value": "not a domain at all"}, "type"), ({"value": " "}, "value"),
                            ({"confidence": 500}, "confidence"),
                            ({"type": "ipv4"}, "value"), ({"first_seen": "soon"}, "first_seen")]:
            self.assertError(self.c.patch(f"/api/v1/indicators/{iid}", body), 400, "invalid", field=field)
        self.assertNothingStored()

    def test_indicator_level_cannot_be_wider_than_its_event(self):
        # The fixture event is GREEN.
        path = f"/api/v1/events/{self.eid}/indicators"
        err = self.assertError(self.c.post(path, {"value": "wide.example", "level": "WHITE"}), 400, "invalid",
                               field="level")
        self.assertIn("GREEN", err["message"])
        self.assertError(self.c.post(path, {"indicators": [{"value": "narrow.example", "level": "RED"},
                                                           {"value": "wide.example", "level": "WHITE"}]}),
                         400, "invalid", field="indicators[1].level")
        self.assertError(self.c.patch(f"/api/v1/indicators/{self.indicator['id']}", {"level": "WHITE"}),
                         400, "invalid", field="level")
        self.assertNothingStored()
        self.assertIsNone(self.c.get(f"/api/v1/indicators/{self.indicator['id']}").json["level"])

    def test_invalid_organisations_users_and_consent(self):
        a = self.admin
        for body, field in [({"name": "X", "sector": "moon", "membership": "observer"}, "sector"),
                            ({"name": "X", "sector": "none", "membership": "king"}, "membership"),
                            ({"name": "X", "sector": "finance", "sub_sector": "鉄道", "membership": "observer"},
                             "sub_sector"),
                            ({"name": "", "sector": "none", "membership": "observer"}, "name"),
                            ({"sector": "none", "membership": "observer"}, "name"),
                            ({"name": "X", "membership": "observer"}, "sector"),
                            ({"name": "X", "sector": "none"}, "membership")]:
            self.assertError(a.post("/api/v1/orgs", body), 400, "invalid", field=field)
        for body, field in [({"email": "new@power.example", "role": "member"}, "password"),
                            ({"email": "new@power.example", "role": "member", "password": "short"}, "password"),
                            ({"email": "new@power.example", "role": "member", "password": "a" * 20}, "password"),
                            ({"email": "not-an-address", "role": "member", "password": PASSWORD}, "email"),
                            ({"email": "new@power.example", "role": "emperor", "password": PASSWORD}, "role")]:
            self.assertError(a.post("/api/v1/users", body), 400, "invalid", field=field)
        self.assertError(a.post("/api/v1/users", {"org_id": 999, "email": "n@x.example", "role": "member",
                                                  "password": PASSWORD}), 404, "not_found")
        path = f"/api/v1/events/{self.eid}/consent-requests"
        for body, field in [({"level": "GREEN"}, "level"), ({"level": "AMBER"}, "level"),
                            ({"level": "PURPLE"}, "level"), ({"reason": "no level"}, "level")]:
            self.assertError(self.c.post(path, body), 400, "invalid", field=field)
        self.assertError(self.c.post("/api/v1/rules/accept", {}), 400, "invalid", field="version")
        self.assertError(self.c.post("/api/v1/indicators/parse", {}), 400, "invalid", field="text")
        self.assertNothingStored()

    # --- size limits ---------------------------------------------------------------------
    def test_oversized_body_is_refused_and_the_server_goes_on(self):
        big = json.dumps({"title": "big", "level": "AMBER", "description": "x" * (MAX_BODY + 10)}).encode()
        r = self.post_raw("/api/v1/events", big)
        err = self.assertError(r, 413, "too_large")
        self.assertIn(str(MAX_BODY), err["message"])
        # The same with a chunked body, whose size is not known in advance.
        conn = http.client.HTTPConnection("127.0.0.1", self.portal.port, timeout=30)
        try:
            chunks = (b"x" * 8192 for _ in range(MAX_BODY // 8192 + 4))
            conn.request("POST", "/api/v1/events", body=chunks, encode_chunked=True,
                         headers={"Content-Type": "application/json", "Authorization": "Bearer " + self.c.key})
            resp = conn.getresponse()
            self.assertEqual(resp.status, 413)
            self.assertEqual(json.loads(resp.read())["error"]["code"], "too_large")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server may refuse the rest of the upload; what matters is below
        finally:
            conn.close()
        # Just under the limit is a normal request (here: refused for its content, not its size).
        fits = b'{"title": "fits", "level": "AMBER", "description": "' + b"y" * (MAX_BODY - 100) + b'", "x": 1}'
        self.assertLessEqual(len(fits), MAX_BODY)
        self.assertError(self.post_raw("/api/v1/events", fits), 400, "invalid", field="x")
        # The server still serves, on a new connection and on the old client.
        self.assertEqual(self.c.get("/api/v1/events").status, 200)
        other = self.portal.client(self.c.key)
        self.assertEqual(other.get(f"/api/v1/events/{self.eid}").status, 200)
        other.close()
        self.assertNothingStored()

    # --- routing ------------------------------------------------------------------------------
    def test_unknown_endpoints_are_404_json(self):
        for path in ("/api/v1/nope", "/api/v2/events", "/api/v1/events/x/y/z", "/nope", "/api/v1"):
            self.assertError(self.c.get(path), 404, "not_found")
        self.assertError(self.c.get("/api/v1/events/00000000-0000-0000-0000-000000000000"), 404, "not_found")
        self.assertError(self.c.get("/api/v1/indicators/no-such-id"), 404, "not_found")
        self.assertError(self.c.get("/api/v1/consent-requests/no-such-id"), 404, "not_found")
        self.assertError(self.admin.get("/api/v1/orgs/9999"), 404, "not_found")
        self.assertError(self.admin.patch("/api/v1/users/abc", {"display_name": "x"}), 404, "not_found")
        self.assertError(self.c.patch("/api/v1/events/nope", {"title": "x"}), 404, "not_found")
        self.assertError(self.c.delete("/api/v1/indicators/nope"), 404, "not_found")
        self.assertNothingStored()

    def test_wrong_method_is_405_with_allow(self):
        for method, path, allowed in [("PUT", "/api/v1/events", {"GET", "POST"}),
                                      ("DELETE", "/api/v1/events", {"GET", "POST"}),
                                      ("PUT", f"/api/v1/events/{self.eid}", {"GET", "PATCH", "DELETE"}),
                                      ("POST", f"/api/v1/events/{self.eid}", {"GET", "PATCH", "DELETE"}),
                                      ("PATCH", "/api/v1/orgs", {"GET", "POST"}),
                                      ("POST", "/healthz", {"GET"}),
                                      ("GET", "/api/v1/rules/accept", {"POST"}),
                                      ("PUT", "/api/v1/session", {"GET", "POST", "DELETE"})]:
            r = self.c.request(method, path, body={} if method != "GET" else None)
            self.assertError(r, 405, "method_not_allowed", mentions=(method,))
            allow = r.header("Allow")
            self.assertIsNotNone(allow, (method, path))
            self.assertEqual({m.strip() for m in allow.split(",")}, allowed, (method, path))
        self.assertNothingStored()

    def test_bad_request_targets_and_http(self):
        for path in ("/api/v1/events/%zz", "/api/v1/events/%00", "/api/v1/events?q=%g1"):
            self.assertError(self.c.get(path), 400, "invalid", mentions=("percent-encoding",))
        with socket.create_connection(("127.0.0.1", self.portal.port), timeout=30) as s:
            s.sendall(b"GET /api/v1/events HTTP/1.1\r\nHost: x\r\nContent-Length: many\r\n\r\n")
            data = b""
            while b"\r\n\r\n" not in data or len(data.split(b"\r\n\r\n", 1)[1]) < 10:
                chunk = s.recv(65536)
                if not chunk:
                    break
                data += chunk
        head, _, body = data.partition(b"\r\n\r\n")
        self.assertTrue(head.startswith(b"HTTP/1.1 400"), data)
        self.assertEqual(json.loads(body)["error"]["code"], "invalid")
        self.assertEqual(self.c.get("/api/v1/events").status, 200)
        self.assertNothingStored()

    # --- the command line ------------------------------------------------------------------
    def test_cli_create_org_with_unknown_sector(self):
        r = self.portal.cli("admin", "create-org", "--data", self.portal.data, "--name", "Moon Base",
                            "--sector", "moon-mining", "--membership", "participant", check=False)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("moon-mining", r.stderr)
        self.assertIn("sector", r.stderr)
        self.assertEqual(r.stdout, "")
        r = self.portal.cli("admin", "create-org", "--data", self.portal.data, "--name", "Moon Base",
                            "--sector", "none", "--membership", "overlord", check=False)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("membership", r.stderr)
        self.assertEqual(self.portal.count("organisations", "name = 'Moon Base'"), 0)
        self.assertNothingStored()

    def test_cli_create_user_with_bad_password(self):
        for password, words in [("short", ("12",)), ("", ("12",)), ("aaaaaaaaaaaaaaaa", ("repeated",))]:
            r = self.portal.cli("admin", "create-user", "--data", self.portal.data, "--org", "Hiroshima Power",
                                "--email", "weak@power.example", "--role", "member", input=password + "\n",
                                check=False)
            self.assertNotEqual(r.returncode, 0, password)
            self.assertIn("password", r.stderr, password)
            for w in words:
                self.assertIn(w, r.stderr, password)
            self.assertEqual(r.stdout, "")
        r = self.portal.cli("admin", "create-user", "--data", self.portal.data, "--org", "No Such Org",
                            "--email", "weak@power.example", "--role", "member", input=PASSWORD + "\n",
                            check=False)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("No Such Org", r.stderr)
        r = self.portal.cli("admin", "create-user", "--data", self.portal.data, "--org", "Hiroshima Power",
                            "--email", "weak@power.example", "--role", "tyrant", input=PASSWORD + "\n",
                            check=False)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("role", r.stderr)
        self.assertEqual(self.portal.count("users", "email = 'weak@power.example'"), 0)
        self.assertNothingStored()


if __name__ == "__main__":
    unittest.main()
