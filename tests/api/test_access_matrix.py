"""The authorization matrix: every case of tests/cases/access/matrix.test,
for every viewer, on every read endpoint, counts included."""

import os
import unittest
import uuid

from portal import Portal

CASES = os.path.join(os.environ.get("TS_CASES_DIR", os.path.join(os.path.dirname(__file__), "..", "cases")),
                     "access", "matrix.test")

VIEWERS = ["provider", "secretariat", "analyst", "participant", "observer", "related", "anonymous"]
ORGS = {  # viewer -> (organisation, sector, membership)
    "provider": ("Provider Power", "power", "participant"),
    "secretariat": ("Secretariat", "none", "secretariat"),
    "analyst": ("Analysts", "none", "analyst"),
    "participant": ("Other Member", "finance", "participant"),
    "observer": ("Observer", "water", "observer"),
    "related": ("Related Party", "logistics", "related"),
}


def parse_cases(path):
    """Yields (line, kind, args, {viewer: bool}) from a case file."""
    cases = []
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    i = 0
    while i < len(lines):
        line = lines[i].strip()
        if not line or line.startswith("#"):
            i += 1
            continue
        header_line = i + 1
        words = line.split()
        if lines[i + 1].strip() != "----":
            raise ValueError(f"{path}:{i + 2}: expected ----")
        i += 2
        expect = {}
        while i < len(lines) and lines[i].strip():
            viewer, answer = lines[i].split()
            if viewer not in VIEWERS or answer not in ("yes", "no"):
                raise ValueError(f"{path}:{i + 1}: bad expectation {lines[i]!r}")
            expect[viewer] = answer == "yes"
            i += 1
        if set(expect) != set(VIEWERS):
            raise ValueError(f"{path}:{header_line}: every viewer needs an answer")
        cases.append((header_line, words[0], words[1:], expect))
    return cases


class AccessMatrix(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.cases = parse_cases(CASES)
        assert cls.cases, "no cases"
        cls.portal = Portal(config="anonymous_read = true\nkey_rate_per_second = 0\n")
        p = cls.portal
        cls.keys = {}
        for viewer, (org, sector, membership) in ORGS.items():
            p.create_org(org, sector, membership)
            email = f"{viewer}@matrix.example"
            p.create_user(org, email, "analyst")
            cls.keys[viewer] = p.create_key(email)
        p.start()
        cls.clients = {v: p.client(cls.keys.get(v)) for v in VIEWERS}
        cls.items = []  # (case, event_id, indicator_id, token, indicator_value)
        for case in cls.cases:
            cls.items.append(cls.create(case))

    @classmethod
    def tearDownClass(cls):
        for c in cls.clients.values():
            c.close()
        rc = cls.portal.stop()
        log = cls.portal.server_log()
        cls.portal.cleanup()
        assert rc == 0, f"server exited with {rc}:\n{log}"

    @classmethod
    def create(cls, case):
        line, kind, args, expect = case
        token = f"case{line}x{uuid.uuid4().hex[:8]}"
        value = f"{token}.matrix.example"
        provider = cls.clients["provider"]
        indicator = {"type": "domain", "value": value}
        if kind == "event":
            level, status = args
            creator, body = provider, {"title": token, "level": level, "status": status}
        elif kind == "indicator":
            event_level, own_level = args
            creator, body = provider, {"title": token, "level": event_level}
            indicator["level"] = own_level
        elif kind == "on-behalf":
            (level,) = args
            creator = cls.clients["analyst"]
            body = {"title": token, "level": level, "provider": ORGS["provider"][0]}
        else:
            raise ValueError(f"matrix.test:{line}: unknown kind {kind}")
        r = creator.post("/api/v1/events", body)
        assert r.status == 201, r
        event_id = r.json["id"]
        r = creator.post(f"/api/v1/events/{event_id}/indicators", indicator)
        assert r.status == 201, r
        return case, event_id, r.json["items"][0]["id"], token, value

    def event_visible(self, item, viewer):
        """Whether the item's event (not its indicator) should be visible."""
        (line, kind, args, expect) = item[0]
        if kind != "indicator":
            return expect[viewer]
        for (l2, k2, a2, e2) in self.cases:
            if k2 == "event" and a2 == [args[0], "published"]:
                return e2[viewer]
        self.fail(f"matrix.test:{line}: no 'event {args[0]} published' case to take the event's visibility from")

    def missing(self, client, path):
        r = client.get(path)
        self.assertEqual(r.status, 404, r)
        return r.raw

    def test_single_items(self):
        for viewer in VIEWERS:
            c = self.clients[viewer]
            missing_event = self.missing(c, f"/api/v1/events/{uuid.uuid4()}")
            missing_indicator = self.missing(c, f"/api/v1/indicators/{uuid.uuid4()}")
            missing_event_indicators = self.missing(c, f"/api/v1/events/{uuid.uuid4()}/indicators")
            for item in self.items:
                (line, kind, args, expect), event_id, indicator_id, token, value = item
                where = f"matrix.test:{line} ({kind} {' '.join(args)}) as {viewer}"
                with self.subTest(where=where):
                    ev = self.event_visible(item, viewer)
                    r = c.get(f"/api/v1/events/{event_id}")
                    if ev:
                        self.assertEqual(r.status, 200, f"{where}: event should be visible: {r}")
                    else:
                        self.assertEqual((r.status, r.raw), (404, missing_event),
                                         f"{where}: a hidden event must look missing")
                    r = c.get(f"/api/v1/indicators/{indicator_id}")
                    if expect[viewer]:
                        self.assertEqual(r.status, 200, f"{where}: indicator should be visible: {r}")
                    else:
                        self.assertEqual((r.status, r.raw), (404, missing_indicator),
                                         f"{where}: a hidden indicator must look missing")
                    r = c.get(f"/api/v1/events/{event_id}/indicators")
                    if ev:
                        self.assertEqual(r.status, 200, where)
                        ids = [i["id"] for i in r.json["items"]]
                        self.assertEqual(r.json["total"], 1 if expect[viewer] else 0, where)
                        self.assertEqual(indicator_id in ids, expect[viewer], where)
                    else:
                        self.assertEqual((r.status, r.raw), (404, missing_event_indicators), where)

    def test_searches_and_counts(self):
        for viewer in VIEWERS:
            c = self.clients[viewer]
            for item in self.items:
                (line, kind, args, expect), event_id, indicator_id, token, value = item
                where = f"matrix.test:{line} ({kind} {' '.join(args)}) as {viewer}"
                with self.subTest(where=where):
                    ev = self.event_visible(item, viewer)
                    r = c.get(f"/api/v1/events?q={token}")
                    self.assertEqual(r.status, 200, where)
                    self.assertEqual(r.json["total"], 1 if ev else 0, f"{where}: text search total")
                    self.assertEqual([e["id"] for e in r.json["items"]], [event_id] if ev else [], where)
                    r = c.get(f"/api/v1/indicators?value={value}")
                    self.assertEqual(r.json["total"], 1 if expect[viewer] else 0, f"{where}: value search")
                    r = c.get(f"/api/v1/indicators?q={token}")
                    self.assertEqual(r.json["total"], 1 if expect[viewer] else 0, f"{where}: substring search")

    def test_list_totals_and_filters(self):
        for viewer in VIEWERS:
            c = self.clients[viewer]
            visible_events = {i[1] for i in self.items if self.event_visible(i, viewer)}
            visible_indicators = {i[2] for i in self.items if i[0][3][viewer]}
            with self.subTest(viewer=viewer):
                r = c.get("/api/v1/events?per_page=500")
                self.assertEqual(r.json["total"], len(visible_events), f"{viewer}: event total")
                self.assertEqual({e["id"] for e in r.json["items"]}, visible_events, viewer)
                # Paging never reveals more than the total, page by page.
                seen = set()
                page = 1
                while True:
                    r = c.get(f"/api/v1/events?per_page=3&page={page}")
                    self.assertEqual(r.json["total"], len(visible_events), viewer)
                    if not r.json["items"]:
                        break
                    seen |= {e["id"] for e in r.json["items"]}
                    page += 1
                self.assertEqual(seen, visible_events, viewer)
                r = c.get("/api/v1/indicators?per_page=1000")
                self.assertEqual(r.json["total"], len(visible_indicators), f"{viewer}: indicator total")
                self.assertEqual({i["id"] for i in r.json["items"]}, visible_indicators, viewer)
                for level in ["RED", "AMBER", "YELLOW", "GREEN", "WHITE"]:
                    r = c.get(f"/api/v1/events?level={level}&per_page=500")
                    expected = {e["id"] for e in r.json["items"]}
                    self.assertTrue(expected <= visible_events, f"{viewer}: level filter leaks")
                    self.assertEqual(r.json["total"], len(expected), f"{viewer} level {level}: total")
                    self.assertTrue(all(e["level"] == level for e in r.json["items"]))
                    self.assertEqual(len(expected), len([i for i in self.items if i[1] in visible_events and
                                                         self.item_event_level(i) == level]))

    @staticmethod
    def item_event_level(item):
        (line, kind, args, expect) = item[0]
        return args[0]


class AnonymousDisabled(unittest.TestCase):
    def test_anonymous_reads_refused_by_default(self):
        p = Portal()
        try:
            p.create_org("Provider", "power", "participant")
            p.create_user("Provider", "p@x.example", "analyst")
            key = p.create_key("p@x.example")
            p.start()
            r = p.client(key).post("/api/v1/events", {"title": "public", "level": "WHITE"})
            self.assertEqual(r.status, 201, r)
            anon = p.client()
            for path in ["/api/v1/events", f"/api/v1/events/{r.json['id']}", "/api/v1/indicators"]:
                r = anon.get(path)
                self.assertEqual(r.status, 401, f"{path}: {r}")
                self.assertEqual(r.error_code, "unauthenticated")
            anon.close()
            self.assertEqual(p.stop(), 0, p.server_log())
        finally:
            p.cleanup()


if __name__ == "__main__":
    unittest.main()
