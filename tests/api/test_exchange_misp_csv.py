"""Free-text extraction, MISP event JSON and CSV through the REST API and
the CLI.

POST /api/v1/extract needs a login, stores nothing and answers findings with
their kind, type and place; MISP and CSV imports run as jobs like STIX, an
ambiguous MISP level stops the import unless best effort was asked for, MISP
objects and their references (to objects and to top-level attributes)
survive import and export (an attribute above the viewer's scope leaves its
object, a reference to it goes), indicators show their MISP origin, the
CSV column map comes from ?map= and --csv-map, and exports in both formats
hold nothing above the viewer's scope; a text import creates one event whose
CVE and ATT&CK ids are tags."""

import csv
import io
import json
import os
import unittest

from portal import check, close_portal, portal_with_analysts, run_import

ORGS = {
    "provider": ("Provider Grid", "power", "participant"),
    "observer": ("Gas Observer", "gas", "observer"),
}


def email(viewer):
    return f"{viewer}@formats.example"


def misp_event(uuid, info, distribution="1", tags=("tlp:green",), attributes=()):
    return json.dumps({"Event": {"uuid": uuid, "info": info, "distribution": distribution,
                                 "Tag": [{"name": t} for t in tags],
                                 "Attribute": list(attributes)}}).encode()


def attribute(n, type_, value, **extra):
    a = {"uuid": f"a1000000-0000-4000-8000-{n:012d}", "type": type_, "value": value}
    a.update(extra)
    return a


class MispCsvText(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.portal, keys = portal_with_analysts(ORGS, email, "key_rate_per_second = 0\n")
        cls.clients = {v: cls.portal.client(keys[v]) for v in ORGS}

    @classmethod
    def tearDownClass(cls):
        close_portal(cls.portal, cls.clients.values())

    def run_import(self, data, viewer="provider", **params):
        return run_import(self.clients[viewer], data, **params)[1]

    def indicators(self, event_id, viewer="provider"):
        r = check(self.clients[viewer].get(f"/api/v1/events/{event_id}/indicators?per_page=200"),
                  200, "indicators")
        return {(i["type"], i["value"]) for i in r["items"]}

    # --- extraction -------------------------------------------------------

    def test_extract_finds_and_stores_nothing(self):
        text = ("C2サーバ：update-check[.]example[.]com、添付ファイル「請求書.pdf.exe」、"
                "バージョン 1.2.3.4 以前。CVE-2024-3400 と T1566.001。hxxp://198.51.100.23/a を参照")
        events_before = self.portal.count("events")
        found = check(self.clients["observer"].post("/api/v1/extract", {"text": text}), 200, "extract")
        self.assertEqual(found["format"], "plain")
        got = {(f["kind"], f.get("type"), f["value"]) for f in found["findings"]}
        self.assertEqual(got, {
            ("indicator", "domain", "update-check.example.com"),
            ("indicator", "filename", "請求書.pdf.exe"),
            ("vulnerability", None, "CVE-2024-3400"),
            ("attack", None, "T1566.001"),
            ("indicator", "url", "http://198.51.100.23/a"),
        })
        cve = next(f for f in found["findings"] if f["kind"] == "vulnerability")
        self.assertEqual(cve["tag"], "cve:CVE-2024-3400")
        first = found["findings"][0]
        self.assertEqual(text.encode()[first["offset"]:first["offset"] + first["length"]].decode(),
                         "update-check[.]example[.]com")
        self.assertEqual(self.portal.count("events"), events_before)

        html = check(self.clients["observer"].post(
            "/api/v1/extract", {"text": '<p><a href="http://evil.example/x">here</a></p>'}),
            200, "html")
        self.assertEqual(html["format"], "html")
        self.assertEqual([f["value"] for f in html["findings"]], ["http://evil.example/x"])

    def test_extract_refuses_bad_requests(self):
        anonymous = self.portal.client()
        r = anonymous.post("/api/v1/extract", {"text": "evil.example"})
        self.assertEqual(r.status, 401)
        anonymous.close()
        c = self.clients["observer"]
        r = c.post("/api/v1/extract", {"text": "x", "format": "pdf"})
        self.assertEqual((r.status, r.json["error"]["field"]), (400, "format"))
        r = c.post("/api/v1/extract", {"format": "plain"})
        self.assertEqual((r.status, r.json["error"]["field"]), (400, "text"))
        r = c.post("/api/v1/extract", {"text": "x", "colour": "red"})
        self.assertEqual(r.status, 400)

    # --- MISP ---------------------------------------------------------------

    def test_misp_import_export_by_scope(self):
        data = misp_event("5f0c2a1e-8b6d-4c3a-9e7f-000000000001", "MISP wave", "1", ("tlp:green",), [
            attribute(1, "ip-dst", "198.51.100.61", comment="C2"),
            attribute(2, "domain", "secret.example", distribution="0", Tag=[{"name": "tlp:red"}]),
            attribute(3, "filename|sha256", "invoice.pdf.exe|" + "ab" * 32),
            attribute(4, "vulnerability", "CVE-2023-4966"),
        ])
        state = self.run_import(data, name="wave.json")
        self.assertEqual(state["status"], "done", state)
        rep = state["report"]
        self.assertTrue(rep["stored"], rep)
        event_id = rep["event_ids"][0]
        event = check(self.clients["provider"].get(f"/api/v1/events/{event_id}"), 200, "event")
        self.assertEqual(event["level"], "AMBER")  # distribution 1 with tlp:green: the narrower
        self.assertIn("cve:CVE-2023-4966", event["tags"])
        self.assertEqual(self.indicators(event_id), {
            ("ipv4", "198.51.100.61"), ("domain", "secret.example"),
            ("filename", "invoice.pdf.exe"), ("sha256", "ab" * 32)})

        mine = self.clients["provider"].get(f"/api/v1/export?format=misp&event={event_id}")
        self.assertEqual(mine.status, 200)
        values = {a["value"] for a in json.loads(mine.raw)["response"][0]["Event"]["Attribute"]}
        self.assertIn("secret.example", values)
        self.assertIn("198.51.100.61", values)

        # The observer is outside AMBER: the event is not theirs to see.
        theirs = self.clients["observer"].get(f"/api/v1/export?format=misp&event={event_id}")
        self.assertNotIn("198.51.100.61", theirs.raw.decode() if isinstance(theirs.raw, bytes)
                         else theirs.raw)

    def test_misp_ambiguous_level_needs_best_effort(self):
        data = misp_event("5f0c2a1e-8b6d-4c3a-9e7f-000000000002", "Sharing group", "4", (),
                          [attribute(11, "domain", "group.example")])
        events_before = self.portal.count("events")
        state = self.run_import(data, name="group.json")
        rep = state["report"] if state["status"] == "done" else {}
        self.assertFalse(rep.get("stored", False), state)
        self.assertTrue(any("sharing group" in p["message"] for p in rep.get("problems", [])), state)
        self.assertEqual(self.portal.count("events"), events_before)
        state = self.run_import(data, name="group.json", best_effort="true")
        self.assertTrue(state["report"]["stored"], state)
        event_id = state["report"]["event_ids"][0]
        event = check(self.clients["provider"].get(f"/api/v1/events/{event_id}"), 200, "event")
        self.assertEqual(event["level"], "RED")

    def test_misp_objects_round_trip_by_scope(self):
        def obj(n, name, attrs, refs=()):
            uuid = f"b1000000-0000-4000-8000-{n:012d}"
            return {"uuid": uuid, "name": name, "meta-category": name, "distribution": "5",
                    "Attribute": [dict(a, object_relation=rel) for rel, a in attrs],
                    "ObjectReference": [{"object_uuid": uuid, "referenced_uuid": r,
                                         "relationship_type": "communicates-with"}
                                        for r in refs]}
        file_uuid, net_uuid = "b1000000-0000-4000-8000-000000000001", \
            "b1000000-0000-4000-8000-000000000002"
        url_uuid, hidden_uuid = attribute(20, "url", "x")["uuid"], attribute(25, "url", "x")["uuid"]
        event = json.loads(misp_event("5f0c2a1e-8b6d-4c3a-9e7f-000000000010", "Objects", "3",
                                      ("tlp:green",),
                                      [attribute(20, "url", "http://top.objects.example/"),
                                       attribute(25, "domain", "hidden.objects.example",
                                                 Tag=[{"name": "tlp:red"}])]))
        event["Event"]["Object"] = [
            obj(1, "file", [("filename", attribute(21, "filename", "drop.exe", comment="dropped")),
                            ("sha256", attribute(22, "sha256", "cd" * 32))],
                [net_uuid, url_uuid]),
            obj(2, "domain-ip", [("domain", attribute(23, "domain", "c2.objects.example")),
                                 ("ip", attribute(24, "ip-dst", "198.51.100.99",
                                                  Tag=[{"name": "tlp:red"}]))], [hidden_uuid]),
        ]
        state = self.run_import(json.dumps(event).encode(), name="objects.json")
        self.assertTrue(state["report"]["stored"], state)
        event_id = state["report"]["event_ids"][0]

        def exported(viewer, eid):
            r = self.clients[viewer].get(f"/api/v1/export?format=misp&event={eid}")
            self.assertEqual(r.status, 200)
            return json.loads(r.raw)["response"][0]["Event"]

        def shape(ev):
            return {o["uuid"]: ({(a["object_relation"], a["value"]) for a in o["Attribute"]},
                                {r["referenced_uuid"] for r in o.get("ObjectReference", [])})
                    for o in ev.get("Object", [])}

        # Each indicator shows where it came from; its comment is its own.
        listed = check(self.clients["provider"].get(
            f"/api/v1/events/{event_id}/indicators?per_page=200"), 200, "indicators")["items"]
        by_value = {i["value"]: i for i in listed}
        self.assertEqual(by_value["drop.exe"]["origin"], {
            "object_uuid": file_uuid, "object_name": "file", "relation": "filename",
            "attribute_uuid": attribute(21, "filename", "x")["uuid"]})
        self.assertEqual(by_value["drop.exe"]["comment"], "dropped")
        self.assertEqual(by_value["http://top.objects.example/"]["origin"], {
            "object_uuid": None, "object_name": None, "relation": None,
            "attribute_uuid": url_uuid})
        # Editing the comment keeps the tie (the origin is read-only data).
        drop_id = by_value["drop.exe"]["id"]
        edited = check(self.clients["provider"].patch(f"/api/v1/indicators/{drop_id}",
                                                      {"comment": "seen on two hosts"}),
                       200, "edit")
        self.assertEqual(edited["origin"], by_value["drop.exe"]["origin"])

        mine = exported("provider", event_id)
        self.assertEqual(shape(mine), {
            file_uuid: ({("filename", "drop.exe"), ("sha256", "cd" * 32)}, {net_uuid, url_uuid}),
            net_uuid: ({("domain", "c2.objects.example"), ("ip", "198.51.100.99")},
                       {hidden_uuid})})
        self.assertEqual({(a["uuid"], a["value"]) for a in mine["Attribute"]},
                         {(url_uuid, "http://top.objects.example/"),
                          (hidden_uuid, "hidden.objects.example")})
        drop = next(a for o in mine["Object"] for a in o["Attribute"] if a["value"] == "drop.exe")
        self.assertEqual(drop["comment"], "seen on two hosts")

        # The observer sees the GREEN event but not the RED address, nor the
        # RED top-level domain, nor the reference to it.
        theirs = exported("observer", event_id)
        self.assertEqual(shape(theirs), {
            file_uuid: ({("filename", "drop.exe"), ("sha256", "cd" * 32)}, {net_uuid, url_uuid}),
            net_uuid: ({("domain", "c2.objects.example")}, set())})
        for hidden in ("198.51.100.99", "hidden.objects.example", hidden_uuid,
                       attribute(24, "ip-dst", "x")["uuid"]):
            self.assertNotIn(hidden, json.dumps(theirs))
        seen = check(self.clients["observer"].get(
            f"/api/v1/events/{event_id}/indicators?per_page=200"), 200, "observer")["items"]
        self.assertNotIn(hidden_uuid, json.dumps(seen))

        mine["uuid"] = "5f0c2a1e-8b6d-4c3a-9e7f-000000000011"
        state = self.run_import(json.dumps({"Event": mine}).encode(), name="again.json")
        self.assertTrue(state["report"]["stored"], state)
        copy = state["report"]["event_ids"][0]
        self.assertEqual(shape(exported("provider", copy)), shape(mine))
        self.assertEqual(self.indicators(copy), self.indicators(event_id))

    # --- CSV ----------------------------------------------------------------

    def test_csv_import_with_map_and_export(self):
        data = ("\ufeffwhen,what,thing,why\r\n"
                "2024-04-01,domain,csv-one.example,\"phish, wave 2\"\r\n"
                "2024-04-02,,203.0.113.88,detected\r\n").encode()
        state = self.run_import(data, name="feed.csv")
        self.assertFalse(state.get("report", {}).get("stored", False), state)
        state = self.run_import(data, name="feed.csv", map="value=thing,type=what,comment=why",
                                level="GREEN")
        rep = state["report"]
        self.assertTrue(rep["stored"], rep)
        event_id = rep["event_ids"][0]
        self.assertEqual(self.indicators(event_id, "observer"),
                         {("domain", "csv-one.example"), ("ipv4", "203.0.113.88")})
        r = self.clients["observer"].get(f"/api/v1/export?format=csv&event={event_id}")
        self.assertEqual(r.status, 200)
        text = r.raw.decode() if isinstance(r.raw, bytes) else r.raw
        rows = list(csv.DictReader(io.StringIO(text)))
        self.assertEqual({(row["type"], row["value"], row["level"]) for row in rows},
                         {("domain", "csv-one.example", "GREEN"),
                          ("ipv4", "203.0.113.88", "GREEN")})
        self.assertIn("phish, wave 2", {row["comment"] for row in rows})

    def test_csv_errors_name_the_line(self):
        p = self.portal
        path = os.path.join(p.dir, "bad.csv")
        with open(path, "w", encoding="utf-8") as f:
            f.write("value,type\nevil.example,domain\nwhat is this,\n\"never closed\n")
        r = p.cli("import", "--data", p.data, "--user", email("provider"), path, check=False)
        self.assertEqual(r.returncode, 1)
        self.assertIn("bad.csv", r.stderr)
        self.assertIn("line 4", r.stderr)

    # --- CLI: text and MISP round trip ---------------------------------------

    def test_cli_text_import_and_misp_round_trip(self):
        p = self.portal
        path = os.path.join(p.dir, "advisory.md")
        with open(path, "w", encoding="utf-8") as f:
            f.write("# 注意喚起：請求書を装ったメール\n\n"
                    "送信元：keiri[@]invoice-cloud[.]example\n"
                    "通信先：hxxps://dl[.]invoice-cloud[.]example/a.zip\n"
                    "CVE-2017-11882、T1566.001\n")
        r = p.cli("import", "--data", p.data, "--user", email("provider"), "--format", "text",
                  "--level", "GREEN", "--json", path)
        report = json.loads(r.stdout)
        self.assertTrue(report["stored"], report)
        event_id = report["event_ids"][0]
        event = check(self.clients["observer"].get(f"/api/v1/events/{event_id}"), 200, "event")
        self.assertEqual(event["title"], "注意喚起：請求書を装ったメール")
        self.assertEqual(set(event["tags"]), {"cve:CVE-2017-11882", "attack:T1566.001"})
        self.assertEqual(self.indicators(event_id), {
            ("email-addr", "keiri@invoice-cloud.example"),
            ("url", "https://dl.invoice-cloud.example/a.zip")})
        # Not read from a MISP attribute: no origin.
        items = check(self.clients["observer"].get(f"/api/v1/events/{event_id}/indicators"),
                      200, "text indicators")["items"]
        self.assertTrue(items and all("origin" not in i for i in items), items)

        out = p.cli("export", "--data", p.data, "--user", email("observer"), "--format", "misp",
                    "--event", event_id).stdout
        exported = json.loads(out)["response"][0]["Event"]
        self.assertIn({"name": "tlp:green"}, exported["Tag"])
        again = os.path.join(p.dir, "again.json")
        exported["uuid"] = "5f0c2a1e-8b6d-4c3a-9e7f-000000000003"
        with open(again, "w", encoding="utf-8") as f:
            json.dump({"Event": exported}, f)
        r = p.cli("import", "--data", p.data, "--user", email("provider"), "--json", again)
        report = json.loads(r.stdout)
        self.assertEqual(report["format"], "misp")
        copy = report["event_ids"][0]
        self.assertEqual(self.indicators(copy), self.indicators(event_id))
        event = check(self.clients["provider"].get(f"/api/v1/events/{copy}"), 200, "copy")
        self.assertEqual(event["level"], "GREEN")
        self.assertEqual(set(event["tags"]), {"cve:CVE-2017-11882", "attack:T1566.001"})


if __name__ == "__main__":
    unittest.main()
