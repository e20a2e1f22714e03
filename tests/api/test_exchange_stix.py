"""STIX 2.1 import and export through the REST API and the CLI.

Import runs as a job (202 + id, then progress and the report at
/api/v1/imports/{id}); bad input stores nothing unless best effort was asked
for, and the report names the object id and the property; an export holds
nothing above the viewer's scope and hidden events answer like missing ones;
ATT&CK reference data is searchable; the CLI imports and exports the same
way (exit codes, messages naming the file and object)."""

import json
import os
import socket
import time
import unittest

from portal import check, close_portal, portal_with_analysts, run_import

ORGS = {
    "provider": ("Provider Power", "power", "participant"),
    "observer": ("Water Observer", "water", "observer"),
}
BUNDLE_ID = "bundle--11111111-1111-4111-8111-111111111111"
T = "2024-01-01T00:00:00.000Z"
GREEN = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"
RED = "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1"


def email(viewer):
    return f"{viewer}@stix.example"


def uid(kind, n):
    return f"{kind}--5ca1ab1e-0000-4000-8000-{n:012d}"


def indicator(n, pattern, marking=None):
    o = {"type": "indicator", "spec_version": "2.1", "id": uid("indicator", n), "created": T,
         "modified": T, "pattern": pattern, "pattern_type": "stix", "valid_from": T}
    if marking:
        o["object_marking_refs"] = [marking]
    return o


def bundle(*objects):
    return json.dumps({"type": "bundle", "id": BUNDLE_ID, "objects": list(objects)}).encode()


def report(n, refs, marking=GREEN, name="Wave"):
    return {"type": "report", "spec_version": "2.1", "id": uid("report", n), "created": T,
            "modified": T, "name": name, "published": T, "object_refs": refs,
            "object_marking_refs": [marking]}


class StixExchange(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.portal, keys = portal_with_analysts(ORGS, email, "key_rate_per_second = 0\n")
        cls.clients = {v: cls.portal.client(keys[v]) for v in ORGS}
        cls.keys = keys

    @classmethod
    def tearDownClass(cls):
        close_portal(cls.portal, cls.clients.values())

    def run_import(self, data, viewer="provider", **params):
        started, state = run_import(self.clients[viewer], data, **params)
        self.assertEqual(started.header("Location"), f"/api/v1/imports/{state['id']}")
        return state

    def test_import_then_export_per_viewer(self):
        red = indicator(2, "[ipv4-addr:value = '203.0.113.66']", RED)
        green = indicator(3, "[domain-name:value = 'wave.example'] OR [url:value = 'http://wave.example/x']")
        state = self.run_import(bundle(report(1, [red["id"], green["id"]]), red, green),
                                name="wave.json")
        self.assertEqual(state["status"], "done")
        rep = state["report"]
        self.assertTrue(rep["stored"], rep)
        self.assertEqual((rep["events_created"], rep["indicators_added"], rep["objects_kept"]),
                         (1, 3, 3))
        event_id = rep["event_ids"][0]
        event = check(self.clients["provider"].get(f"/api/v1/events/{event_id}"), 200, "event")
        self.assertEqual(event["level"], "GREEN")

        mine = self.clients["provider"].get(f"/api/v1/events/{event_id}/stix")
        self.assertEqual(mine.status, 200)
        self.assertEqual(mine.header("Content-Type"), "application/stix+json;version=2.1")
        ids = {o["id"] for o in json.loads(mine.raw)["objects"]}
        self.assertIn(red["id"], ids)
        self.assertIn(GREEN, ids)  # the TLP 2.0 marking of the event's level

        theirs = self.clients["observer"].get(f"/api/v1/events/{event_id}/stix")
        self.assertEqual(theirs.status, 200)
        ids = {o["id"] for o in json.loads(theirs.raw)["objects"]}
        self.assertIn(green["id"], ids)
        self.assertNotIn(red["id"], ids)
        self.assertNotIn("203.0.113.66", theirs.raw)

    def test_hidden_event_answers_like_missing(self):
        red = indicator(11, "[ipv4-addr:value = '198.51.100.11']")
        state = self.run_import(bundle(report(10, [red["id"]], RED, "Secret"), red))
        event_id = state["report"]["event_ids"][0]
        hidden = self.clients["observer"].get(f"/api/v1/events/{event_id}/stix")
        missing = self.clients["observer"].get(
            "/api/v1/events/00000000-0000-4000-8000-000000000000/stix")
        self.assertEqual((hidden.status, hidden.json), (missing.status, missing.json))
        self.assertEqual(hidden.status, 404)
        everything = check(self.clients["observer"].get("/api/v1/export?format=stix"), 200, "export")
        self.assertNotIn("198.51.100.11", json.dumps(everything))

    def test_bad_input_stores_nothing_and_names_object_and_property(self):
        before = self.portal.count("events")
        bad = indicator(21, "[ipv4-addr:value = '198.51.100.21']")
        del bad["valid_from"]
        good = indicator(22, "[ipv4-addr:value = '198.51.100.22']")
        state = self.run_import(bundle(good, bad))
        rep = state["report"]
        self.assertFalse(rep["stored"])
        self.assertEqual(rep["problems"], [{"object_id": bad["id"], "property": "valid_from",
                                            "message": "required property is missing",
                                            "fatal": False}])
        self.assertEqual(self.portal.count("events"), before)

        lenient = self.run_import(bundle(good, bad), best_effort="true")["report"]
        self.assertTrue(lenient["stored"])
        self.assertEqual(lenient["indicators_added"], 1)
        self.assertEqual([p["object_id"] for p in lenient["problems"]], [bad["id"]])
        self.assertEqual(self.portal.count("events"), before + 1)

    def test_broken_documents_are_fatal(self):
        before = self.portal.count("events")
        cases = {
            b'{"type":"bundle","id":"' + BUNDLE_ID.encode() + b'","objects":[{"type":"tool"': "not valid JSON",
            b'{"type":"bundle","id":"' + BUNDLE_ID.encode() + b'","objects":[' + b"[" * 10000: "nested deeper than 128 levels",
            b'{"type":"bundle","id":"' + BUNDLE_ID.encode() + b'","objects":[],"x":"\xff"}': "not valid UTF-8",
        }
        for data, message in cases.items():
            state = self.run_import(data, best_effort="true", format="stix")
            rep = state["report"]
            self.assertFalse(rep["stored"])
            self.assertTrue(rep["problems"][0]["fatal"])
            self.assertIn(message, rep["problems"][0]["message"])
        self.assertEqual(self.portal.count("events"), before)

    def test_sightings_import_export_round_trip(self):
        ind = indicator(30, "[ipv4-addr:value = '198.51.100.130']")
        seen = {"type": "sighting", "spec_version": "2.1", "id": uid("sighting", 31),
                "created": T, "modified": T, "sighting_of_ref": ind["id"], "count": 4,
                "first_seen": "2024-03-01T10:00:00Z", "last_seen": "2024-03-04T12:00:00Z"}
        state = self.run_import(bundle(report(32, [ind["id"], seen["id"]], GREEN, "Seen"), ind, seen))
        rep = state["report"]
        self.assertTrue(rep["stored"], rep)
        self.assertEqual(rep["sightings_added"], 1)
        event_id = rep["event_ids"][0]

        def summary(viewer):
            r = self.clients[viewer].get(f"/api/v1/events/{event_id}/sightings")
            items = check(r, 200, "event sightings")["items"]
            self.assertEqual(len(items), 1)
            return items[0]

        item = summary("observer")
        self.assertEqual((item["count"], item["first_seen"], item["last_seen"]),
                         (4, "2024-03-01T10:00:00.000000Z", "2024-03-04T12:00:00.000000Z"))
        self.assertIsNone(item["items"][0]["org_id"])
        self.assertEqual(item["items"][0]["source"], f"stix:{seen['id']}")
        one = check(self.clients["observer"].get(
            f"/api/v1/indicators/{item['indicator_id']}/sightings"), 200, "indicator sightings")
        self.assertEqual(one["count"], 4)

        # A sighting reported in the portal is exported as the portal's summary.
        r = self.clients["provider"].post("/api/v1/sightings", {"sightings": [
            {"indicator_id": item["indicator_id"], "first_seen": "2024-05-01T00:00:00Z",
             "last_seen": "2024-05-01T00:00:00Z", "count": 2}]})
        self.assertEqual(r.status, 201, r)
        exported = self.clients["observer"].get(f"/api/v1/events/{event_id}/stix")
        self.assertEqual(exported.status, 200)
        sightings = {o["id"]: o for o in json.loads(exported.raw)["objects"]
                     if o["type"] == "sighting"}
        self.assertEqual(sightings.pop(seen["id"]), seen)
        (portal_summary,) = sightings.values()
        self.assertEqual((portal_summary["sighting_of_ref"], portal_summary["count"]), (ind["id"], 2))
        self.assertNotIn("where_sighted_refs", portal_summary)

        # Importing the export again counts nothing twice.
        mine = self.clients["provider"].get(f"/api/v1/events/{event_id}/stix")
        again = self.run_import(mine.raw.encode())["report"]
        self.assertTrue(again["stored"], again)
        self.assertEqual((again["events_updated"], again["sightings_added"]), (1, 0))
        self.assertEqual(summary("observer")["count"], 6)

    def test_sightings_of_a_hidden_event_stay_hidden(self):
        ind = indicator(40, "[ipv4-addr:value = '198.51.100.140']")
        seen = {"type": "sighting", "spec_version": "2.1", "id": uid("sighting", 41),
                "created": T, "modified": T, "sighting_of_ref": ind["id"], "count": 3}
        rep = self.run_import(bundle(report(42, [ind["id"], seen["id"]], RED, "Seen red"), ind,
                                     seen))["report"]
        self.assertEqual(rep["sightings_added"], 1)
        event_id = rep["event_ids"][0]
        hidden = self.clients["observer"].get(f"/api/v1/events/{event_id}/sightings")
        self.assertEqual(hidden.status, 404)
        everything = check(self.clients["observer"].get("/api/v1/export?format=stix"), 200, "export")
        self.assertNotIn(seen["id"], json.dumps(everything))
        self.assertNotIn("198.51.100.140", json.dumps(everything))

    def start_upload(self, data, sent, name):
        """Sends the header and the first `sent` bytes of an import."""
        s = socket.create_connection(("127.0.0.1", self.portal.port), timeout=60)
        head = (f"POST /api/v1/import?name={name} HTTP/1.1\r\nHost: portal\r\n"
                f"Authorization: Bearer {self.keys['provider']}\r\n"
                f"Content-Type: application/json\r\nContent-Length: {len(data)}\r\n\r\n")
        s.sendall(head.encode() + data[:sent])
        return s

    def job_named(self, name, until):
        deadline = time.time() + 30
        while time.time() < deadline:
            items = check(self.clients["provider"].get("/api/v1/imports"), 200, "jobs")["items"]
            jobs = [j for j in items if j["file"] == name]
            if jobs and until(jobs[0]):
                return jobs[0]
            time.sleep(0.05)
        self.fail(f"no job {name} reached the expected state: {jobs}")

    def test_upload_is_read_while_it_arrives(self):
        objects = [indicator(1000 + i, f"[ipv4-addr:value = '198.51.{i // 250}.{i % 250}']")
                   for i in range(3000)]
        data = bundle(*objects)
        half = len(data) // 2
        s = self.start_upload(data, half, "slow.json")
        try:
            # Half the body is in: the job is listed, reading, with what it has.
            job = self.job_named("slow.json", lambda j: j["progress"]["done"] == half)
            self.assertEqual(job["status"], "receiving")
            self.assertEqual(job["progress"]["total"], len(data))
            s.sendall(data[half:])
            answer = b""
            while b"\r\n\r\n" not in answer or not answer.rstrip().endswith(b"}"):
                piece = s.recv(65536)
                if not piece:
                    break
                answer += piece
        finally:
            s.close()
        answer = answer.decode()
        self.assertTrue(answer.startswith("HTTP/1.1 202"), answer)
        self.assertIn(f"/api/v1/imports/{job['id']}", answer)
        done = self.job_named("slow.json", lambda j: j["status"] in ("done", "failed"))
        self.assertEqual(done["report"]["indicators_added"], 3000, done)
        # Listed jobs are the user's own.
        theirs = check(self.clients["observer"].get("/api/v1/imports"), 200, "jobs")["items"]
        self.assertNotIn(job["id"], [j["id"] for j in theirs])

    def test_interrupted_upload_stores_nothing(self):
        before = self.portal.count("events")
        data = bundle(indicator(4000, "[ipv4-addr:value = '198.51.100.40']"))
        self.start_upload(data, len(data) - 10, "cut.json").close()
        job = self.job_named("cut.json", lambda j: j["status"] in ("done", "failed"))
        self.assertEqual(job["status"], "failed")
        self.assertEqual(job["error"]["message"],
                         "the upload ended before the whole file arrived; nothing was stored")
        self.assertEqual(self.portal.count("events"), before)

    def test_request_errors(self):
        c = self.clients["provider"]
        self.assertEqual(c.post("/api/v1/import", raw=b"").error_code, "invalid")
        r = c.post("/api/v1/import?format=yaml", raw=b"{}")
        self.assertEqual((r.status, r.json["error"]["field"]), (400, "format"))
        r = c.post("/api/v1/import?level=PURPLE", raw=b"{}")
        self.assertEqual((r.status, r.json["error"]["field"]), (400, "level"))

    def test_someone_elses_job_is_not_found(self):
        job = check(self.clients["provider"].post("/api/v1/import", raw=bundle()), 202, "start")
        r = self.clients["observer"].get(f"/api/v1/imports/{job['id']}")
        self.assertEqual(r.status, 404)

    def test_cli_import_export_and_attack_reference(self):
        p = self.portal
        path = os.path.join(p.dir, "cli.json")
        ind = indicator(31, "[file:hashes.'SHA-256' = '" + "ab" * 32 + "']")
        with open(path, "wb") as f:
            f.write(bundle(report(30, [ind["id"]], GREEN, "From the CLI"), ind))
        r = p.cli("import", "--data", p.data, "--user", email("provider"), path)
        self.assertIn("1 events created", r.stdout)
        out = p.cli("export", "--data", p.data, "--user", email("observer"), "--format", "stix").stdout
        ids = {o["id"] for o in json.loads(out)["objects"]}
        self.assertIn(ind["id"], ids)

        bad = os.path.join(p.dir, "bad.json")
        broken = dict(ind, id=uid("indicator", 32), created="yesterday")
        with open(bad, "wb") as f:
            f.write(bundle(broken))
        r = p.cli("import", "--data", p.data, "--user", email("provider"), bad, check=False)
        self.assertEqual(r.returncode, 1)
        self.assertIn(f"{bad}: error: {broken['id']} created: must be a UTC timestamp", r.stderr)
        self.assertIn("nothing stored", r.stderr)

        attack = os.path.join(p.dir, "enterprise-attack.json")
        tactic = {"type": "x-mitre-tactic", "spec_version": "2.1", "id": uid("x-mitre-tactic", 40),
                  "created": T, "modified": T, "name": "Initial Access",
                  "x_mitre_shortname": "initial-access",
                  "external_references": [{"source_name": "mitre-attack", "external_id": "TA0001"}]}
        technique = {"type": "attack-pattern", "spec_version": "2.1", "id": uid("attack-pattern", 41),
                     "created": T, "modified": T, "name": "Spearphishing Attachment",
                     "external_references": [{"source_name": "mitre-attack",
                                              "external_id": "T1566.001"}],
                     "kill_chain_phases": [{"kill_chain_name": "mitre-attack",
                                            "phase_name": "initial-access"}]}
        with open(attack, "wb") as f:
            f.write(bundle(tactic, technique))
        r = p.cli("import", "--data", p.data, "--user", email("provider"), attack)
        self.assertIn("2 ATT&CK entries", r.stdout)
        found = check(self.clients["observer"].get("/api/v1/attack/techniques?q=spearphish"), 200,
                      "techniques")
        self.assertEqual([(t["id"], t["tactics"]) for t in found["items"]],
                         [("T1566.001", ["initial-access"])])


if __name__ == "__main__":
    unittest.main()
