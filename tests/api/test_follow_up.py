"""Follow-up of shared information: sightings reported back (anonymous
unless the reporter shares its identity, only on visible indicators), uses
of events and their report per event, provider and period, and the
indicator filters a hunter pulls with."""

import unittest

from portal import Portal


class FollowUp(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        p = cls.portal = Portal(config="key_rate_per_second = 0\n")
        cls.keys = {}
        for name, membership in [("provider", "participant"), ("bank", "participant"),
                                 ("water", "observer"), ("sec", "secretariat")]:
            p.create_org(name, "none", membership)
            p.create_user(name, f"{name}@f.example", "analyst")
            cls.keys[name] = p.create_key(f"{name}@f.example")
        p.start()
        cls.c = {k: p.client(v) for k, v in cls.keys.items()}
        r = cls.c["provider"].post("/api/v1/events", {"title": "amber wave", "level": "AMBER",
                                                      "tags": ["campaign:pension-lure"]})
        assert r.status == 201, r
        cls.amber = r.json["id"]
        r = cls.c["provider"].post(f"/api/v1/events/{cls.amber}/indicators", {"indicators": [
            {"type": "domain", "value": "c2.evil.example"},
            {"type": "ipv4", "value": "203.0.113.9", "level": "RED"}]})
        assert r.status == 201, r
        cls.domain_id, cls.red_ip_id = [i["id"] for i in r.json["items"]]

    @classmethod
    def tearDownClass(cls):
        for c in cls.c.values():
            c.close()
        rc = cls.portal.stop()
        log = cls.portal.server_log()
        cls.portal.cleanup()
        assert rc == 0, log

    def test_sightings_are_anonymous_unless_shared(self):
        bank = self.c["bank"]
        r = bank.post("/api/v1/sightings", {"source": "hunt", "sightings": [
            {"type": "domain", "value": "c2.evil[.]example", "first_seen": "2026-05-01T00:00:00Z",
             "last_seen": "2026-05-03T00:00:00+09:00", "count": 7, "terminals": [{"client": "10.1.2.3"}]},
            {"type": "domain", "value": "never-shared.example", "first_seen": "2026-05-01T00:00:00Z",
             "last_seen": "2026-05-01T00:00:00Z"}]})
        self.assertEqual(r.status, 201, r)
        self.assertEqual(r.json["recorded"], 1)
        self.assertEqual(r.json["unmatched"], [1])
        # The provider sees that it was seen, how often and when, not by whom.
        r = self.c["provider"].get(f"/api/v1/indicators/{self.domain_id}/sightings")
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["count"], 7)
        self.assertEqual(r.json["first_seen"], "2026-05-01T00:00:00.000000Z")
        self.assertEqual(r.json["last_seen"], "2026-05-02T15:00:00.000000Z")
        self.assertIsNone(r.json["items"][0]["org_id"])
        self.assertIsNone(r.json["items"][0]["terminals"], "terminals are never sent when identity is not shared")
        # The reporter sees its own identity.
        r = bank.get(f"/api/v1/indicators/{self.domain_id}/sightings")
        self.assertIsNotNone(r.json["items"][0]["org_id"])
        # Shared identity and terminals become visible to others in scope.
        r = bank.post("/api/v1/sightings", {"share_identity": True, "sightings": [
            {"indicator_id": self.domain_id, "first_seen": "2026-06-01T00:00:00Z",
             "last_seen": "2026-06-01T00:00:00Z", "terminals": [{"client": "10.1.2.4"}]}]})
        self.assertEqual(r.status, 201, r)
        r = self.c["provider"].get(f"/api/v1/events/{self.amber}/sightings")
        item = [i for i in r.json["items"] if i["indicator_id"] == self.domain_id][0]
        self.assertEqual(item["count"], 8)
        shared = [s for s in item["items"] if s["org_id"] is not None]
        self.assertEqual(len(shared), 1)
        self.assertEqual(shared[0]["terminals"], [{"client": "10.1.2.4"}])

    def test_sightings_respect_scope(self):
        # The observer cannot see the AMBER event: no sightings, no way to report.
        water = self.c["water"]
        r = water.get(f"/api/v1/indicators/{self.domain_id}/sightings")
        self.assertEqual(r.status, 404)
        r = water.post("/api/v1/sightings", {"sightings": [
            {"indicator_id": self.domain_id, "first_seen": "2026-05-01T00:00:00Z",
             "last_seen": "2026-05-01T00:00:00Z"}]})
        self.assertEqual(r.status, 400, r)
        self.assertEqual(r.json["error"]["field"], "sightings[0].indicator_id")
        # A participant reporting the RED IP by value matches nothing it can see.
        r = self.c["bank"].post("/api/v1/sightings", {"sightings": [
            {"value": "203.0.113.9", "first_seen": "2026-05-01T00:00:00Z", "last_seen": "2026-05-01T00:00:00Z"}]})
        self.assertEqual(r.json, {"recorded": 0, "unmatched": [0]})
        r = self.c["sec"].get(f"/api/v1/indicators/{self.red_ip_id}/sightings")
        self.assertEqual(r.json["count"], 0)
        # Bad input stores nothing.
        r = self.c["bank"].post("/api/v1/sightings", {"sightings": [
            {"indicator_id": self.domain_id, "first_seen": "2026-05-02T00:00:00Z",
             "last_seen": "2026-05-01T00:00:00Z"}]})
        self.assertEqual(r.status, 400)
        self.assertEqual(r.json["error"]["field"], "sightings[0].last_seen")

    def test_use_report(self):
        bank, sec = self.c["bank"], self.c["sec"]
        self.assertEqual(bank.post(f"/api/v1/events/{self.amber}/uses", {"action": "blocked",
                                                                          "comment": "proxy deny"}).status, 201)
        self.assertEqual(sec.post(f"/api/v1/events/{self.amber}/uses",
                                  {"action": "detected", "share_identity": True}).status, 201)
        r = bank.post(f"/api/v1/events/{self.amber}/uses", {"action": "ignored"})
        self.assertEqual((r.status, r.json["error"]["field"]), (400, "action"))
        self.assertEqual(self.c["water"].post(f"/api/v1/events/{self.amber}/uses",
                                              {"action": "blocked"}).status, 404)
        r = self.c["provider"].get("/api/v1/reports/use?period=half")
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["totals"]["blocked"], 1)
        self.assertEqual(r.json["totals"]["detected"], 1)
        self.assertEqual(r.json["by_event"][0]["event_id"], self.amber)
        self.assertEqual(r.json["by_provider"][0]["provider"]["name"], "provider")
        self.assertTrue(r.json["by_period"][0]["period"].startswith("FY"))
        uses = self.c["provider"].get(f"/api/v1/events/{self.amber}/uses").json["items"]
        by_action = {u["action"]: u for u in uses}
        self.assertIsNone(by_action["blocked"]["org_id"])
        self.assertEqual(by_action["blocked"]["comment"], "", "a comment can identify its author")
        self.assertIsNotNone(by_action["detected"]["org_id"])
        # The observer's report counts nothing it cannot see.
        r = self.c["water"].get("/api/v1/reports/use")
        self.assertEqual(r.json["totals"]["blocked"], 0)
        self.assertEqual(r.json["by_event"], [])

    def test_hunting_filters(self):
        sec = self.c["sec"]
        r = sec.get("/api/v1/indicators?levels=RED")
        self.assertEqual([i["id"] for i in r.json["items"]], [self.red_ip_id])
        r = sec.get("/api/v1/indicators?levels=AMBER,RED&tag=campaign:pension-lure")
        self.assertEqual(r.json["total"], 2)
        r = sec.get("/api/v1/indicators?tag=campaign:other")
        self.assertEqual(r.json["total"], 0)
        r = sec.get("/api/v1/indicators?since=2999-01-01T00:00:00Z")
        self.assertEqual(r.json["total"], 0)
        self.assertEqual(sec.get("/api/v1/indicators?levels=PURPLE").status, 400)


if __name__ == "__main__":
    unittest.main()
