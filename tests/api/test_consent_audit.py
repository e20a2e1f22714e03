"""Provider consent and the audit log.

Consent: widening an item's level is a request the provider decides;
publishing on behalf of another provider waits for that provider. Until the
provider agrees, nothing changes for anybody else.

Audit: every write and every read of RED or AMBER items is in the log; the
log is a hash chain with an anchor file, so editing an entry, deleting one
in the middle or deleting the newest ones is detected."""

import hashlib
import os
import shutil
import sqlite3
import tempfile
import unittest

from portal import Portal, check

SECRETARIAT, PROVIDER, HUB = "Council Secretariat", "Tokyo Gas", "Hub ISAC"
OBSERVER, RELATED, LAB = "Water Observer", "Logistics Related", "Sandbox Lab"
USERS = [  # name, organisation, sector, membership, role
    ("admin", SECRETARIAT, "none", "secretariat", "admin"),
    ("provider", PROVIDER, "gas", "participant", "analyst"),
    ("provider_member", PROVIDER, "gas", "participant", "member"),
    ("hub", HUB, "telecom", "participant", "analyst"),
    ("observer", OBSERVER, "water", "observer", "analyst"),
    ("related", RELATED, "logistics", "related", "analyst"),
    ("lab", LAB, "none", "analyst", "analyst"),
]


def email(name):
    return f"{name.replace('_', '-')}@consent.example"


def audit_hash(row):
    """The chain hash of an audit_log row (see src/access/audit_log.cpp)."""
    fields = [row["prev_hash"], str(row["seq"]), row["time"], str(row["user_id"]), str(row["org_id"]),
              row["actor"], row["action"], row["object_type"], row["object_id"], row["address"],
              row["detail"]]
    text = "".join(f"{len(f.encode())}:{f};" for f in fields)
    return hashlib.sha256(text.encode()).hexdigest()


class PortalWithParties(unittest.TestCase):
    config = "key_rate_per_second = 0\n"

    @classmethod
    def setUpClass(cls):
        cls.portal = p = Portal(config=cls.config)
        cls.clients = []
        try:
            orgs = {}
            for name, org, sector, membership, role in USERS:
                if org not in orgs:
                    orgs[org] = p.create_org(org, sector, membership)
            cls.org_ids = orgs
            cls.user_ids = {name: p.create_user(org, email(name), role) for name, org, _, _, role in USERS}
            keys = {name: p.create_key(email(name)) for name, *_ in USERS}
            p.start()
        except BaseException:
            p.cleanup()
            raise
        cls.k = {name: cls.client(key) for name, key in keys.items()}
        cls.keys = keys

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

    def create(self, who, title, level, **fields):
        return check(self.k[who].post("/api/v1/events", dict(title=title, level=level, **fields)), 201,
                     "create " + title)

    def visible(self, who, eid):
        r = self.k[who].get(f"/api/v1/events/{eid}")
        self.assertIn(r.status, (200, 404), r)
        if r.status == 404:
            self.assertEqual(r.error_code, "not_found")
        return r.status == 200

    def listed(self, who, title):
        r = check(self.k[who].get("/api/v1/events?q=" + title.replace(" ", "%20")), 200, "list")
        self.assertEqual(r["total"], len(r["items"]))
        return r["total"]


class Consent(PortalWithParties):
    def test_widening_waits_for_the_provider_and_then_applies(self):
        e = self.create("provider", "Widen me to green", "AMBER", tags=["consent"])
        eid = e["id"]
        ind = check(self.k["provider"].post(f"/api/v1/events/{eid}/indicators", {"value": "c2.widen.example"}),
                    201, "indicator")["items"][0]
        self.assertTrue(self.visible("hub", eid), "participants see AMBER")
        self.assertFalse(self.visible("observer", eid))
        self.assertFalse(self.visible("related", eid))

        r = self.k["hub"].post(f"/api/v1/events/{eid}/consent-requests",
                               {"level": "GREEN", "reason": "operators hunt these in proxy logs"})
        req = check(r, 201, "request")
        self.assertEqual((req["kind"], req["state"], req["from_level"], req["to_level"]),
                         ("widen", "pending", "AMBER", "GREEN"))
        self.assertEqual(req["event_id"], eid)
        self.assertEqual(req["provider_org_id"], self.org_ids[PROVIDER])
        self.assertEqual(req["requester_org_id"], self.org_ids[HUB])
        self.assertEqual(req["requester_user_id"], self.user_ids["hub"])
        self.assertEqual(req["reason"], "operators hunt these in proxy logs")
        self.assertIsNone(req["decided"])
        rid = req["id"]
        again = self.k["hub"].post(f"/api/v1/events/{eid}/consent-requests", {"level": "WHITE"})
        self.assertEqual(again.status, 409, again)

        # Nothing changes until the provider decides.
        self.assertEqual(check(self.k["provider"].get(f"/api/v1/events/{eid}"), 200, "get")["level"], "AMBER")
        for who in ("observer", "related"):
            self.assertFalse(self.visible(who, eid), who)
            self.assertEqual(self.listed(who, "Widen me to green"), 0, who)
            self.assertEqual(check(self.k[who].get("/api/v1/indicators?value=c2.widen.example"), 200,
                                   "search")["total"], 0, who)

        # Who may not decide.
        for who, status in [("hub", 403), ("provider_member", 403), ("observer", 404), ("related", 404),
                            ("admin", 404), ("lab", 404)]:
            for verb in ("approve", "reject"):
                r = self.k[who].post(f"/api/v1/consent-requests/{rid}/{verb}", {"comment": who})
                self.assertEqual(r.status, status, (who, verb, r))
        self.assertEqual(check(self.k["hub"].get(f"/api/v1/consent-requests/{rid}"), 200, "get")["state"],
                         "pending")
        self.assertEqual(self.k["related"].get(f"/api/v1/consent-requests/{rid}").status, 404)
        self.assertEqual(check(self.k["provider"].get(f"/api/v1/events/{eid}"), 200, "get")["level"], "AMBER")

        # The provider sees what waits for it; bystanders do not.
        pending = check(self.k["provider"].get("/api/v1/consent-requests?state=pending"), 200, "pending")
        self.assertIn(rid, [x["id"] for x in pending["items"]])
        self.assertIn(rid, [x["id"] for x in check(self.k["hub"].get("/api/v1/consent-requests"), 200, "h")["items"]])
        self.assertNotIn(rid, [x["id"] for x in
                               check(self.k["observer"].get("/api/v1/consent-requests"), 200, "o")["items"]])

        decided = check(self.k["provider"].post(f"/api/v1/consent-requests/{rid}/approve", {"comment": "agreed"}),
                        200, "approve")
        self.assertEqual(decided["state"], "approved")
        self.assertEqual(decided["decided_by_user_id"], self.user_ids["provider"])
        self.assertEqual(decided["decision_comment"], "agreed")
        self.assertIsNotNone(decided["decided"])
        e = check(self.k["provider"].get(f"/api/v1/events/{eid}"), 200, "get")
        self.assertEqual((e["level"], e["tlp"]), ("GREEN", "TLP:GREEN"))
        for who in ("observer", "related", "hub", "lab"):
            self.assertTrue(self.visible(who, eid), who)
        self.assertEqual(self.listed("related", "Widen me to green"), 1)
        found = check(self.k["related"].get("/api/v1/indicators?value=c2[.]widen.example"), 200, "search")
        self.assertEqual([i["id"] for i in found["items"]], [ind["id"]])
        self.assertEqual(found["items"][0]["effective_level"], "GREEN")
        self.assertEqual(self.k["provider"].post(f"/api/v1/consent-requests/{rid}/approve").status, 409)
        self.assertEqual(self.k["provider"].post(f"/api/v1/consent-requests/{rid}/reject").status, 409)

    def test_rejected_widening_leaves_the_level(self):
        eid = self.create("provider", "Keep me amber", "AMBER")["id"]
        rid = check(self.k["hub"].post(f"/api/v1/events/{eid}/consent-requests",
                                       {"level": "WHITE", "reason": "publish it"}), 201, "request")["id"]
        decided = check(self.k["provider"].post(f"/api/v1/consent-requests/{rid}/reject",
                                                {"comment": "names a victim"}), 200, "reject")
        self.assertEqual(decided["state"], "rejected")
        self.assertEqual(decided["decision_comment"], "names a victim")
        self.assertEqual(check(self.k["provider"].get(f"/api/v1/events/{eid}"), 200, "get")["level"], "AMBER")
        for who in ("observer", "related"):
            self.assertFalse(self.visible(who, eid), who)
        self.assertTrue(self.visible("hub", eid))
        self.assertEqual(check(self.k["hub"].get(f"/api/v1/consent-requests/{rid}"), 200, "get")["state"],
                         "rejected")
        self.assertEqual(self.k["provider"].post(f"/api/v1/consent-requests/{rid}/approve").status, 409)
        self.assertEqual(check(self.k["provider"].get(f"/api/v1/events/{eid}"), 200, "get")["level"], "AMBER")
        # Once decided, the requester may ask again.
        self.assertEqual(self.k["hub"].post(f"/api/v1/events/{eid}/consent-requests", {"level": "YELLOW"}).status,
                         201)

    def test_widening_request_must_name_a_wider_level(self):
        eid = self.create("provider", "Already yellow", "YELLOW")["id"]
        before = self.portal.count("consent_requests")
        for level in ("YELLOW", "AMBER", "RED", "yellow"):
            r = self.k["hub"].post(f"/api/v1/events/{eid}/consent-requests", {"level": level, "reason": "x"})
            self.assertEqual(r.status, 400, (level, r))
            self.assertEqual(r.json["error"]["field"], "level")
        self.assertEqual(self.portal.count("consent_requests"), before)
        # An item one cannot see cannot be asked about either.
        amber = self.create("provider", "Hidden amber", "AMBER")["id"]
        r = self.k["related"].post(f"/api/v1/events/{amber}/consent-requests", {"level": "WHITE"})
        self.assertEqual(r.status, 404, r)
        self.assertEqual(self.portal.count("consent_requests"), before)
        self.assertEqual(check(self.k["provider"].get(f"/api/v1/events/{eid}"), 200, "get")["level"], "YELLOW")

    def test_patching_the_level_wider_needs_the_providers_analyst(self):
        eid = self.create("provider", "Patch my level", "AMBER")["id"]
        own = self.create("provider_member", "Member's own report", "AMBER")["id"]
        for who, target in [("hub", eid), ("admin", eid), ("lab", eid), ("provider_member", eid),
                            ("provider_member", own)]:
            r = self.k[who].patch(f"/api/v1/events/{target}", {"level": "GREEN"})
            self.assertEqual(r.status, 403, (who, r))
            self.assertEqual(r.error_code, "forbidden")
        for target in (eid, own):
            self.assertEqual(check(self.k["provider"].get(f"/api/v1/events/{target}"), 200, "get")["level"],
                             "AMBER")
            self.assertFalse(self.visible("related", target))
        # The member may narrow their own report; only the provider's analyst widens.
        self.assertEqual(check(self.k["provider_member"].patch(f"/api/v1/events/{own}", {"level": "RED"}), 200,
                               "narrow")["level"], "RED")
        self.assertFalse(self.visible("hub", own), "RED no longer reaches participants")
        self.assertEqual(check(self.k["provider"].patch(f"/api/v1/events/{eid}", {"level": "GREEN"}), 200,
                               "widen")["level"], "GREEN")
        self.assertTrue(self.visible("related", eid))
        # A provider's own widening request is decided at once.
        r = check(self.k["provider"].post(f"/api/v1/events/{own}/consent-requests", {"level": "YELLOW"}), 201,
                  "own request")
        self.assertEqual(r["state"], "approved")
        self.assertTrue(self.visible("observer", own))

    def test_publishing_on_behalf_waits_for_the_provider(self):
        title = "Reported on behalf of Tokyo Gas"
        e = self.create("hub", title, "WHITE", provider=PROVIDER)
        eid = e["id"]
        self.assertEqual(e["status"], "pending")
        self.assertEqual(e["provider"], {"id": self.org_ids[PROVIDER], "name": PROVIDER})
        self.assertEqual(e["submitter_org_id"], self.org_ids[HUB])
        check(self.k["hub"].post(f"/api/v1/events/{eid}/indicators", {"value": "behalf.example"}), 201, "ind")
        # Even WHITE stays with the provider and the submitter while pending.
        for who in ("related", "observer", "admin", "lab", "provider_member"):
            expected = who == "provider_member"
            self.assertEqual(self.visible(who, eid), expected, who)
        for who in ("related", "observer", "admin"):
            self.assertEqual(self.listed(who, title), 0, who)
            self.assertEqual(check(self.k[who].get("/api/v1/indicators?value=behalf.example"), 200,
                                   "search")["total"], 0, who)
        seen = check(self.k["provider"].get(f"/api/v1/events/{eid}"), 200, "provider reads")
        self.assertEqual(seen["status"], "pending")
        # The submitter cannot publish it alone.
        r = self.k["hub"].patch(f"/api/v1/events/{eid}", {"status": "published"})
        self.assertEqual(r.status, 409, r)
        self.assertEqual(r.json["error"]["field"], "status")

        requests = check(self.k["provider"].get("/api/v1/consent-requests?state=pending"), 200, "list")["items"]
        publish = [x for x in requests if x["event_id"] == eid]
        self.assertEqual(len(publish), 1, requests)
        publish = publish[0]
        self.assertEqual((publish["kind"], publish["to_level"], publish["requester_org_id"]),
                         ("publish", "WHITE", self.org_ids[HUB]))
        self.assertEqual(self.k["hub"].post(f"/api/v1/consent-requests/{publish['id']}/approve").status, 403)
        self.assertEqual(self.k["provider_member"].post(
            f"/api/v1/consent-requests/{publish['id']}/approve").status, 403)
        self.assertFalse(self.visible("related", eid))

        decided = check(self.k["provider"].post(f"/api/v1/consent-requests/{publish['id']}/approve"), 200,
                        "approve")
        self.assertEqual(decided["state"], "approved")
        e = check(self.k["provider"].get(f"/api/v1/events/{eid}"), 200, "get")
        self.assertEqual((e["status"], e["level"]), ("published", "WHITE"))
        for who in ("related", "observer", "admin", "lab"):
            self.assertTrue(self.visible(who, eid), who)
        self.assertEqual(check(self.k["related"].get("/api/v1/indicators?value=behalf.example"), 200,
                               "search")["total"], 1)
        # Once the provider agreed, the item is the provider's to change.
        self.assertEqual(self.k["hub"].patch(f"/api/v1/events/{eid}", {"title": "hub edit"}).status, 403)

    def test_rejected_publication_is_not_published(self):
        e = self.create("hub", "Unwanted on behalf", "GREEN", provider=str(self.org_ids[PROVIDER]))
        self.assertEqual(e["status"], "pending")
        rid = next(x["id"] for x in check(self.k["provider"].get("/api/v1/consent-requests?state=pending"), 200,
                                           "list")["items"] if x["event_id"] == e["id"])
        self.assertEqual(check(self.k["provider"].post(f"/api/v1/consent-requests/{rid}/reject"), 200,
                               "reject")["state"], "rejected")
        # It goes back to the submitter (pending or draft), never out to others.
        status = check(self.k["hub"].get(f"/api/v1/events/{e['id']}"), 200, "get")["status"]
        self.assertIn(status, ("pending", "draft"))
        for who in ("related", "observer", "admin", "lab"):
            self.assertFalse(self.visible(who, e["id"]), who)
            self.assertEqual(self.listed(who, "Unwanted on behalf"), 0, who)


class Audit(PortalWithParties):
    def audit_since(self, seq):
        items = []
        while True:
            page = check(self.k["admin"].get(f"/api/v1/audit?after={seq}&limit=1000"), 200, "audit")["items"]
            items += page
            if len(page) < 1000:
                return items
            seq = page[-1]["seq"]

    def test_writes_and_sensitive_reads_are_recorded(self):
        start = self.portal.count("audit_log")
        amber = self.create("provider", "Audited amber", "AMBER")
        green = self.create("provider", "Unaudited green", "GREEN")
        red = self.create("provider", "Audited red", "RED")
        doomed = self.create("provider", "Deleted later", "WHITE")
        ind = check(self.k["provider"].post(f"/api/v1/events/{amber['id']}/indicators",
                                            {"value": "audit.example"}), 201, "ind")["items"][0]
        check(self.k["hub"].get(f"/api/v1/events/{amber['id']}"), 200, "read amber")
        check(self.k["hub"].get(f"/api/v1/events/{green['id']}"), 200, "read green")
        check(self.k["hub"].get(f"/api/v1/events/{amber['id']}/indicators"), 200, "read indicators")
        check(self.k["hub"].get(f"/api/v1/indicators/{ind['id']}"), 200, "read indicator")
        check(self.k["lab"].get(f"/api/v1/events/{red['id']}"), 200, "read red")
        check(self.k["hub"].get("/api/v1/events?q=Audited"), 200, "list")
        check(self.k["hub"].get("/api/v1/events?q=Unaudited"), 200, "list green only")
        check(self.k["provider"].patch(f"/api/v1/events/{amber['id']}", {"description": "more"}), 200, "patch")
        self.assertEqual(self.k["provider"].delete(f"/api/v1/events/{doomed['id']}").status, 204)
        self.assertEqual(self.client().login(email("observer"), "wrong password, certainly").status, 401)

        entries = self.audit_since(start)
        self.assertEqual([e["seq"] for e in entries], list(range(start + 1, start + 1 + len(entries))))
        for e in entries:
            self.assertRegex(e["hash"], "^[0-9a-f]{64}$")
            self.assertEqual(e["address"], "127.0.0.1")

        def find(action, object_id=None, who=None):
            return [e for e in entries if e["action"] == action and
                    (object_id is None or e["object_id"] == object_id) and
                    (who is None or e["user_id"] == self.user_ids[who])]

        provider_creates = find("event.create", who="provider")
        self.assertEqual({e["object_id"] for e in provider_creates},
                         {amber["id"], green["id"], red["id"], doomed["id"]})
        created = find("event.create", amber["id"])[0]
        self.assertEqual(created["actor"], email("provider"))
        self.assertEqual(created["org_id"], self.org_ids[PROVIDER])
        self.assertEqual(created["detail"]["level"], "AMBER")
        self.assertEqual(len(find("indicator.create", amber["id"], "provider")), 1)
        self.assertEqual(find("indicator.create", amber["id"])[0]["detail"]["ids"], [ind["id"]])
        # Reading the event and reading its indicators both read the AMBER event.
        self.assertEqual(len(find("event.read", amber["id"], "hub")), 2, "AMBER reads are recorded")
        self.assertEqual(find("event.read", green["id"]), [], "a GREEN read is not")
        self.assertEqual(len(find("event.read", red["id"], "lab")), 1, "a RED read is recorded")
        listings = find("indicator.list", amber["id"], "hub")
        self.assertEqual(len(listings), 1)
        self.assertEqual(listings[0]["detail"]["ids"], [ind["id"]])
        self.assertEqual(len(find("indicator.read", ind["id"], "hub")), 1)
        lists = find("event.list", who="hub")
        self.assertEqual(len(lists), 1, "listing only GREEN items is not recorded")
        self.assertEqual(lists[0]["detail"]["ids"], [amber["id"]], "the RED one is not visible to the hub")
        self.assertEqual(len(find("event.update", amber["id"], "provider")), 1)
        self.assertEqual(len(find("event.delete", doomed["id"], "provider")), 1)
        failed = find("session.login_failed")
        self.assertEqual(len(failed), 1)
        self.assertEqual(failed[0]["detail"]["email"], email("observer"))
        self.assertNotIn("wrong password", str(failed[0]), "passwords never reach the log")
        # Consent decisions are recorded too.
        mark = self.portal.count("audit_log")
        rid = check(self.k["hub"].post(f"/api/v1/events/{amber['id']}/consent-requests", {"level": "GREEN"}),
                    201, "request")["id"]
        check(self.k["provider"].post(f"/api/v1/consent-requests/{rid}/approve"), 200, "approve")
        actions = [(e["action"], e["object_id"]) for e in self.audit_since(mark)]
        self.assertIn(("consent.request", rid), actions)
        self.assertIn(("consent.approve", rid), actions)
        self.assertIn(("event.update", amber["id"]), actions)

    def test_verification_of_an_untampered_log(self):
        self.create("provider", "Something to log", "AMBER")
        v = check(self.k["admin"].get("/api/v1/audit/verify"), 200, "verify")
        self.assertIs(v["ok"], True, v)
        total = self.portal.count("audit_log")
        self.assertEqual(v["entries"], total)
        head = self.audit_since(total - 1)
        self.assertEqual(v["head_hash"], head[0]["hash"])
        self.assertNotIn("first_bad_seq", v)
        total = self.portal.count("audit_log")  # reading the log above is itself logged
        r = self.portal.cli("db", "verify-audit", "--data", self.portal.data)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("ok", r.stdout)
        self.assertIn(f"{total} entries", r.stdout)
        for who in ("provider", "hub", "lab"):
            self.assertEqual(self.k[who].get("/api/v1/audit/verify").status, 403, who)
            self.assertEqual(self.k[who].get("/api/v1/audit").status, 403, who)


class AuditTamper(PortalWithParties):
    """Tampering with the stopped portal's database is detected."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        try:
            p = cls.portal
            k = cls.k
            for n in range(6):
                eid = check(k["provider"].post("/api/v1/events", {"title": f"Chain {n}", "level": "AMBER"}),
                            201, "create")["id"]
                check(k["provider"].post(f"/api/v1/events/{eid}/indicators", {"value": f"chain{n}.example"}),
                      201, "indicator")
                check(k["hub"].get(f"/api/v1/events/{eid}"), 200, "read")
            v = check(k["admin"].get("/api/v1/audit/verify"), 200, "verify")
            assert v["ok"], v
            r = p.cli("db", "verify-audit", "--data", p.data, check=False)
            assert r.returncode == 0 and "ok" in r.stdout, (r.returncode, r.stdout, r.stderr)
            for c in cls.clients:
                c.close()
            p.stop_checked()
            cls.entries = p.count("audit_log")
            assert cls.entries > 20, cls.entries
            cls.copies = tempfile.mkdtemp(prefix="threatshare-tamper-")
        except BaseException:
            cls.portal.cleanup()
            raise

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.copies, ignore_errors=True)
        cls.portal.cleanup()

    def copy(self):
        """A fresh copy of the stopped portal's data directory."""
        dst = tempfile.mkdtemp(dir=self.copies)
        shutil.copytree(self.portal.data, dst, dirs_exist_ok=True)
        return dst

    def sql(self, data, *statements):
        db = sqlite3.connect(os.path.join(data, "threatshare.db"))
        db.row_factory = sqlite3.Row
        try:
            rows = None
            for stmt, *params in statements:
                rows = db.execute(stmt, *params).fetchall()
            db.commit()
            return rows
        finally:
            db.close()

    def verify(self, data):
        return self.portal.cli("db", "verify-audit", "--data", data, check=False)

    def assertDetected(self, data, seq, *words):
        r = self.verify(data)
        self.assertEqual(r.returncode, 1, f"tampering not detected: {r.stdout} {r.stderr}")
        self.assertIn(f"entry {seq}", r.stderr)
        for w in words:
            self.assertIn(w, r.stderr)
        self.assertNotIn("ok", r.stdout)

    def test_the_log_is_a_hash_chain_and_verifies_untouched(self):
        data = self.copy()
        rows = self.sql(data, ("SELECT * FROM audit_log ORDER BY seq",))
        self.assertEqual([r["seq"] for r in rows], list(range(1, self.entries + 1)))
        prev = "0" * 64
        for row in rows:
            self.assertEqual(row["prev_hash"], prev, row["seq"])
            self.assertEqual(row["hash"], audit_hash(row), row["seq"])
            prev = row["hash"]
        with open(os.path.join(data, "audit.anchor")) as f:
            self.assertEqual(f.read().split(), [str(self.entries), prev])
        r = self.verify(data)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("ok", r.stdout)
        self.assertIn(f"{self.entries} entries", r.stdout)

    def test_altered_entry_is_named(self):
        data = self.copy()
        seq = self.entries // 2
        self.sql(data, ("UPDATE audit_log SET detail = '{\"title\":\"nothing happened\"}' WHERE seq = ?", (seq,)))
        self.assertDetected(data, seq, "altered")

    def test_altered_entry_with_recomputed_hash_breaks_the_chain(self):
        data = self.copy()
        seq = self.entries // 2
        row = dict(self.sql(data, ("SELECT * FROM audit_log WHERE seq = ?", (seq,)))[0])
        row["actor"] = "someone-else@consent.example"
        self.sql(data, ("UPDATE audit_log SET actor = ?, hash = ? WHERE seq = ?",
                        (row["actor"], audit_hash(row), seq)))
        self.assertDetected(data, seq + 1, "previous entry")

    def test_rewritten_chain_is_caught_by_the_anchor(self):
        data = self.copy()
        seq = self.entries // 2
        rows = [dict(r) for r in self.sql(data, ("SELECT * FROM audit_log WHERE seq >= ? ORDER BY seq", (seq,)))]
        prev = self.sql(data, ("SELECT hash FROM audit_log WHERE seq = ?", (seq - 1,)))[0]["hash"]
        self.assertNotEqual(rows[0]["detail"], '{"forged":true}')
        rows[0]["detail"] = '{"forged":true}'
        statements = []
        for row in rows:
            row["prev_hash"] = prev
            row["hash"] = audit_hash(row)
            prev = row["hash"]
            statements.append(("UPDATE audit_log SET detail = ?, prev_hash = ?, hash = ? WHERE seq = ?",
                               (row["detail"], row["prev_hash"], row["hash"], row["seq"])))
        self.sql(data, *statements)
        self.assertDetected(data, self.entries, "anchor")

    def test_deleted_middle_entry_is_named(self):
        data = self.copy()
        seq = self.entries // 2
        self.sql(data, ("DELETE FROM audit_log WHERE seq = ?", (seq,)))
        self.assertDetected(data, seq, "missing")

    def test_deleted_newest_entries_are_caught_by_the_anchor(self):
        data = self.copy()
        self.sql(data, ("DELETE FROM audit_log WHERE seq > ?", (self.entries - 3,)))
        self.assertDetected(data, self.entries - 2, "deleted", str(self.entries))

    def test_served_portal_reports_the_tampering(self):
        data = self.copy()
        seq = self.entries // 3
        self.sql(data, ("UPDATE audit_log SET object_id = 'forged' WHERE seq = ?", (seq,)))
        served = Portal()
        try:
            shutil.copytree(data, served.data, dirs_exist_ok=True)
            served.start()
            c = served.client(self.keys["admin"])
            v = check(c.get("/api/v1/audit/verify"), 200, "verify")
            self.assertIs(v["ok"], False, v)
            self.assertEqual(v["first_bad_seq"], seq)
            self.assertIn(str(seq), v["problem"])
            c.close()
            served.stop_checked()
        finally:
            served.cleanup()


if __name__ == "__main__":
    unittest.main()
