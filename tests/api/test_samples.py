"""Handing samples over (検体の受け渡し) through the REST API and the CLI.

Upload, analysis, de-duplication across organisations without revealing
that someone else sent the same file, the visibility of samples and of
YARA matches for every kind of viewer (hidden answered exactly like
missing), download as a zip protected by "infected", the upload size limit,
archive bombs and traversal names refused with nothing stored, encryption
at rest, and YARA rules: compile errors with line numbers, scans of new
samples and re-scans when a rule is added."""

import hashlib
import http.client
import io
import os
import shutil
import subprocess
import tempfile
import unittest
import urllib.parse
import zipfile

from portal import check, close_portal, portal_with_analysts

ORGS = {  # viewer -> (organisation, sector, membership)
    "provider": ("Provider Power", "power", "participant"),
    "participant": ("Other Member", "finance", "participant"),
    "observer": ("Water Observer", "water", "observer"),
    "related": ("Related Party", "logistics", "related"),
    "secretariat": ("Secretariat", "none", "secretariat"),
}
VIEWERS = list(ORGS) + ["anonymous"]
# Who sees an item of each level that "provider" handed over.
SEES = {
    "RED": {"provider", "secretariat"},
    "AMBER": {"provider", "secretariat", "participant"},
    "YELLOW": {"provider", "secretariat", "participant", "observer"},
    "GREEN": {"provider", "secretariat", "participant", "observer", "related"},
    "WHITE": set(VIEWERS),
}
MAX_SIZE = 1 << 20  # samples_max_size for this portal
BODY_MAX = 64 << 10  # max_body_bytes: every other route


def email(viewer):
    return f"{viewer}@samples.example"


def zip_bytes(members):
    """A zip of {name: bytes}, built in memory."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            # ZipInfo keeps the name exactly as given (even "../x"); deflate it.
            info = zipfile.ZipInfo(name)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    return buf.getvalue()


class Samples(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.portal, keys = portal_with_analysts(
            ORGS, email, f"anonymous_read = true\nkey_rate_per_second = 0\n"
            f"samples_max_size = {MAX_SIZE}\nmax_body_bytes = {BODY_MAX}\n")
        cls.clients = {v: cls.portal.client(keys.get(v)) for v in VIEWERS}

    @classmethod
    def tearDownClass(cls):
        close_portal(cls.portal, cls.clients.values())

    def upload(self, viewer, data, name="sample.bin", level="AMBER", expect=201, **params):
        query = urllib.parse.urlencode(dict(name=name, level=level, **params))
        r = self.clients[viewer].post(f"/api/v1/samples?{query}", raw=data,
                                      headers={"Content-Type": "application/octet-stream"})
        return check(r, expect, f"upload {name} as {viewer}")

    def unique(self, label):
        """Bytes nobody uploaded before."""
        return f"{label} {os.urandom(8).hex()}\n".encode() * 20

    # --- upload and analysis -----------------------------------------
    def test_upload_reports_digests_type_and_indicators(self):
        data = b"MZ" + b"\0" * 62 + b"connect to http://c2.badsite.example/gate.php now\0" * 3
        data += self.unique("analysis")
        j = self.upload("provider", data, name="invoice.pdf")
        self.assertEqual(j["sha256"], hashlib.sha256(data).hexdigest())
        self.assertEqual(j["md5"], hashlib.md5(data).hexdigest())
        self.assertEqual(j["sha1"], hashlib.sha1(data).hexdigest())
        self.assertEqual(j["sha512"], hashlib.sha512(data).hexdigest())
        self.assertEqual(j["size"], len(data))
        self.assertTrue(j["ssdeep"])
        self.assertGreater(j["entropy"], 0)
        self.assertEqual(j["level"], "AMBER")
        self.assertEqual(j["tlp"], "TLP:AMBER+STRICT")
        self.assertTrue(j["created"])
        values = [i.get("value") for i in j["analysis"].get("indicators", [])]
        self.assertIn("http://c2.badsite.example/gate.php", values, j["analysis"])
        # The stored report is shared by all submissions: no submitter's name in it.
        self.assertNotIn("invoice.pdf", str(j["analysis"]))
        self.assertEqual(j["submissions"][0]["name"], "invoice.pdf")

    def test_cli_add_show_and_get(self):
        data = self.unique("cli sample")
        d = tempfile.mkdtemp()
        try:
            path = os.path.join(d, "dropper.js")
            with open(path, "wb") as f:
                f.write(data)
            r = self.portal.cli("sample", "add", "--data", self.portal.data, "--user",
                                email("provider"), "--level", "GREEN", path)
            sha = hashlib.sha256(data).hexdigest()
            self.assertIn(sha, r.stdout)
            self.assertIn("added", r.stdout)
            j = check(self.clients["related"].get(f"/api/v1/samples/{sha}"), 200, "related reads")
            self.assertEqual(j["level"], "GREEN")
            r = self.portal.cli("sample", "show", "--data", self.portal.data, "--user",
                                email("related"), sha, "--json")
            self.assertIn(sha, r.stdout)
            out = os.path.join(d, "out.zip")
            self.portal.cli("sample", "get", "--data", self.portal.data, "--user",
                            email("related"), sha, "-o", out)
            with open(out, "rb") as f:
                self.assertEqual(self.unzip(f.read()), data)
            # Acting as a viewer that may not see it: like a missing sample.
            r = self.portal.cli("sample", "show", "--data", self.portal.data, "--user",
                                email("provider"), "0" * 64, check=False)
            self.assertNotEqual(r.returncode, 0)
            self.assertIn("sample not found", r.stderr)
            # The system needs the providing organisation named.
            r = self.portal.cli("sample", "add", "--data", self.portal.data, path, check=False)
            self.assertNotEqual(r.returncode, 0)
            self.assertIn("organisation", r.stderr)
        finally:
            shutil.rmtree(d)

    # --- access ------------------------------------------------------
    def test_visibility_matrix_with_hidden_equal_to_missing(self):
        missing = self.clients["provider"].get("/api/v1/samples/" + "0" * 64)
        self.assertEqual(missing.status, 404)
        for level, sees in SEES.items():
            data = self.unique(f"matrix {level}")
            sha = self.upload("provider", data, name=f"m-{level}.bin", level=level)["sha256"]
            for viewer in VIEWERS:
                c = self.clients[viewer]
                r = c.get(f"/api/v1/samples/{sha}")
                listed = c.get(f"/api/v1/samples?q={sha}")
                dl = c.get(f"/api/v1/samples/{sha}/download")
                with self.subTest(level=level, viewer=viewer):
                    if viewer in sees:
                        self.assertEqual(r.status, 200, r)
                        self.assertEqual(listed.json["total"], 1)
                        if viewer != "anonymous":
                            self.assertEqual(dl.status, 200, dl)
                    else:
                        self.assertEqual(r.status, 404, r)
                        self.assertEqual(r.raw, missing.raw)
                        self.assertEqual(listed.json["total"], 0, listed)
                        if viewer != "anonymous":
                            self.assertEqual(dl.status, 404)
                            self.assertEqual(dl.raw, missing.raw)
                    if viewer == "anonymous":
                        self.assertEqual(dl.status, 401)  # live malware only for members

    def test_dedupe_across_organisations_reveals_nothing(self):
        data = self.unique("shared file")
        first = self.upload("provider", data, name="secret-name.exe", level="RED")
        # Another organisation sending the same bytes learns nothing: a new
        # sample for it, with only its own submission, no 409, same shape.
        second = self.upload("participant", data, name="mine.bin", level="AMBER")
        self.assertTrue(second["created"])
        self.assertEqual([s["provider"]["name"] for s in second["submissions"]], ["Other Member"])
        self.assertNotIn("secret-name", str(second))
        self.assertNotIn("Provider Power", str(second))
        self.assertEqual(set(first) - {"submissions"}, set(second) - {"submissions"})
        # The same organisation again gets its submission back.
        again = self.upload("provider", data, name="other.exe", level="RED", expect=200)
        self.assertFalse(again["created"])
        # The observer sees neither (RED and AMBER); the participant sees only its own.
        self.assertEqual(self.clients["observer"].get(f"/api/v1/samples/{first['sha256']}").status, 404)
        j = check(self.clients["participant"].get(f"/api/v1/samples/{first['sha256']}"), 200, "own")
        self.assertEqual(len(j["submissions"]), 1)
        # Both submitters' views, seen by the secretariat.
        j = check(self.clients["secretariat"].get(f"/api/v1/samples/{first['sha256']}"), 200, "all")
        self.assertEqual(len(j["submissions"]), 2)
        self.assertEqual(j["level"], "AMBER")  # the widest
        # One blob on disk.
        blobs = [f for _, _, fs in os.walk(os.path.join(self.portal.data, "blobs"))
                 for f in fs if f == first["sha256"]]
        self.assertEqual(len(blobs), 1)

    def test_link_to_an_event(self):
        provider = self.clients["provider"]
        event = check(provider.post("/api/v1/events", {"title": "lure", "level": "YELLOW"}), 201, "event")
        j = self.upload("provider", self.unique("linked"), level="YELLOW", event=event["id"])
        self.assertEqual(j["submissions"][0]["event_id"], event["id"])
        # Not wider than the event's level.
        r = provider.post(f"/api/v1/samples?name=x&level=GREEN&event={event['id']}",
                          raw=self.unique("too wide"), headers={"Content-Type": "application/octet-stream"})
        self.assertEqual((r.status, r.json["error"]["field"]), (400, "level"), r)
        # Another organisation's event: a participant may see it but not add to it.
        r = self.clients["participant"].post(f"/api/v1/samples?name=x&level=RED&event={event['id']}",
                                             raw=self.unique("foreign"),
                                             headers={"Content-Type": "application/octet-stream"})
        self.assertEqual(r.status, 403, r)
        # An event the uploader cannot see is answered like a missing one.
        hidden = check(provider.post("/api/v1/events", {"title": "red", "level": "RED"}), 201, "red")
        for event_id in (hidden["id"], "00000000-0000-4000-8000-000000000000"):
            r = self.clients["observer"].post(f"/api/v1/samples?name=x&level=RED&event={event_id}",
                                              raw=b"x", headers={"Content-Type": "application/octet-stream"})
            self.assertEqual((r.status, r.json["error"]["message"]), (404, "event not found"), r)

    # --- download ----------------------------------------------------
    def unzip(self, zip_data):
        d = tempfile.mkdtemp()
        try:
            path = os.path.join(d, "s.zip")
            with open(path, "wb") as f:
                f.write(zip_data)
            r = subprocess.run(["unzip", "-P", "infected", "-p", path], capture_output=True)
            self.assertEqual(r.returncode, 0, r.stderr)
            return r.stdout
        finally:
            shutil.rmtree(d)

    def test_download_is_a_zip_protected_by_infected(self):
        data = self.unique("download me")
        sha = self.upload("provider", data)["sha256"]
        r = self.clients["participant"].get(f"/api/v1/samples/{sha}/download")
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.header("Content-Type"), "application/zip")
        self.assertIn(f"{sha}.zip", r.header("Content-Disposition"))
        # The test client decodes bodies as text; fetch the bytes themselves.
        raw = self.fetch_bytes("participant", f"/api/v1/samples/{sha}/download")
        self.assertEqual(self.unzip(raw), data)
        with zipfile.ZipFile(io.BytesIO(raw)) as z:
            info = z.infolist()[0]
            self.assertEqual(info.filename, sha)
            self.assertTrue(info.flag_bits & 0x1, "encrypted")
            with self.assertRaises(RuntimeError):
                z.read(info)  # no password
        aes = self.fetch_bytes("participant", f"/api/v1/samples/{sha}/download?encryption=aes256")
        d = tempfile.mkdtemp()
        try:
            path = os.path.join(d, "aes.zip")
            with open(path, "wb") as f:
                f.write(aes)
            r = subprocess.run(["7z", "x", "-so", "-pinfected", path], capture_output=True)
            self.assertEqual(r.stdout, data, r.stderr[-500:])
            r = subprocess.run(["7z", "l", "-slt", path], capture_output=True, text=True)
            self.assertIn("AES-256", r.stdout)
        finally:
            shutil.rmtree(d)
        self.assertEqual(self.clients["participant"].get(
            f"/api/v1/samples/{sha}/download?encryption=rot13").status, 400)

    def fetch_bytes(self, viewer, path):
        conn = http.client.HTTPConnection("127.0.0.1", self.portal.port, timeout=60)
        try:
            conn.request("GET", path, headers={"Authorization": "Bearer " + self.clients[viewer].key})
            r = conn.getresponse()
            body = r.read()
            self.assertEqual(r.status, 200, body[:300])
            return body
        finally:
            conn.close()

    # --- limits, bombs, traversal ------------------------------------
    def sample_rows(self):
        return self.portal.count("samples"), self.portal.count("sample_submissions")

    def test_over_the_size_limit_is_413(self):
        before = self.sample_rows()
        r = self.clients["provider"].post("/api/v1/samples?name=big.bin", raw=b"x" * (MAX_SIZE + 1),
                                          headers={"Content-Type": "application/octet-stream"})
        self.assertEqual(r.status, 413, r)
        self.assertEqual(r.error_code, "too_large")
        self.assertIn(str(MAX_SIZE), r.json["error"]["message"])
        self.assertEqual(self.sample_rows(), before)
        # Exactly the limit passes; other routes keep max_body_bytes.
        self.upload("provider", os.urandom(MAX_SIZE), name="exact.bin")
        r = self.clients["provider"].post("/api/v1/events", raw=b" " * (BODY_MAX + 1))
        self.assertEqual(r.status, 413, r)
        self.assertIn(str(BODY_MAX), r.json["error"]["message"])
        # Chunked uploads are counted as they arrive.
        conn = http.client.HTTPConnection("127.0.0.1", self.portal.port, timeout=60)
        try:
            conn.request("POST", "/api/v1/samples?name=chunked.bin",
                         body=iter([b"y" * (MAX_SIZE // 2)] * 3), encode_chunked=True,
                         headers={"Authorization": "Bearer " + self.clients["provider"].key,
                                  "Transfer-Encoding": "chunked"})
            self.assertEqual(conn.getresponse().status, 413)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server may close before the last chunk is sent
        finally:
            conn.close()
        self.assertEqual(self.sample_rows()[0], before[0] + 1)

    def test_archive_members_become_children(self):
        inner = zip_bytes({"deep/payload.txt": self.unique("inner payload")})
        outer_member = self.unique("outer member")
        data = zip_bytes({"readme.txt": outer_member, "inner.zip": inner})
        j = self.upload("provider", data, name="bundle.zip", level="YELLOW")
        self.assertEqual(j["members_added"], 3)
        paths = sorted(c["path"] for c in j["children"])
        self.assertEqual(paths, ["inner.zip", "readme.txt"])
        child = hashlib.sha256(outer_member).hexdigest()
        cj = check(self.clients["observer"].get(f"/api/v1/samples/{child}"), 200, "child")
        self.assertEqual(cj["level"], "YELLOW")
        self.assertEqual(cj["parents"][0]["sha256"], j["sha256"])
        inner_sha = hashlib.sha256(inner).hexdigest()
        ij = check(self.clients["observer"].get(f"/api/v1/samples/{inner_sha}"), 200, "inner")
        self.assertEqual([c["path"] for c in ij["children"]], ["inner.zip!deep/payload.txt"])
        self.assertEqual(self.clients["related"].get(f"/api/v1/samples/{child}").status, 404)

    def assert_refused(self, data, name, status, words):
        before = self.sample_rows()
        blobs_before = self.blob_files()
        r = self.clients["provider"].post(f"/api/v1/samples?name={name}", raw=data,
                                          headers={"Content-Type": "application/octet-stream"})
        self.assertEqual(r.status, status, r)
        message = r.json["error"]["message"]
        self.assertIn("nothing was stored", message)
        for w in words:
            self.assertIn(w, message)
        self.assertEqual(self.sample_rows(), before)
        self.assertEqual(self.blob_files(), blobs_before)

    def blob_files(self):
        return sorted(f for _, _, fs in os.walk(os.path.join(self.portal.data, "blobs")) for f in fs)

    def test_compression_bomb_is_refused_and_nothing_stored(self):
        bomb = zip_bytes({"zeros.bin": b"\0" * (24 << 20)})
        self.assertLess(len(bomb), MAX_SIZE)
        self.assert_refused(bomb, "bomb.zip", 413, ["zeros.bin"])

    def test_nesting_bomb_is_refused_and_nothing_stored(self):
        data = b"innermost " + os.urandom(16)
        for depth in range(8):
            data = zip_bytes({f"level{depth}.zip" if depth else "x.txt": data})
        self.assert_refused(data, "nested.zip", 413, ["levels deep"])

    def test_traversal_name_is_refused_and_nothing_stored(self):
        data = zip_bytes({"ok.txt": self.unique("fine"), "../../etc/cron.d/evil": b"* * * * * x\n"})
        self.assert_refused(data, "evil.zip", 400, ["../../etc/cron.d/evil"])

    # --- encryption at rest -----------------------------------------
    def test_plaintext_never_on_disk(self):
        marker = b"Zq9PlainTextMarkerQz" + os.urandom(4).hex().encode()
        data = marker * 500
        self.upload("provider", data, name="marked.bin")
        self.upload("provider", zip_bytes({"m.bin": data + b"!"}), name="marked.zip")
        found = []
        for root, _, files in os.walk(self.portal.data):
            for f in files:
                with open(os.path.join(root, f), "rb") as fh:
                    if marker in fh.read():
                        found.append(os.path.join(root, f))
        self.assertEqual(found, [])
        self.assertEqual(os.stat(os.path.join(self.portal.data, "blob.key")).st_mode & 0o777, 0o600)

    # --- YARA ---------------------------------------------------------
    def test_yara_compile_errors_have_line_numbers(self):
        text = ('rule ok { condition: true }\n\nrule broken {\n  condition:\n'
                '    undefined_ident and\n    true\n}\n')
        r = self.clients["provider"].post("/api/v1/yara-rules",
                                          {"name": "broken", "text": text, "level": "AMBER"})
        self.assertEqual(r.status, 422, r)
        diags = r.json["error"]["diagnostics"]
        self.assertTrue(diags)
        self.assertEqual((diags[0]["line"], diags[0]["severity"]), (5, "error"), diags)
        self.assertIn("undefined_ident", diags[0]["message"])
        self.assertIn("line 5", r.json["error"]["message"])
        # Includes would read the server's files: refused.
        r = self.clients["provider"].post("/api/v1/yara-rules", {
            "name": "inc", "text": 'include "/etc/passwd"\nrule x { condition: true }'})
        self.assertEqual(r.status, 422, r)
        self.assertEqual(r.json["error"]["diagnostics"][0]["line"], 1)

    def test_yara_rescan_on_add_and_scan_of_new_samples(self):
        token = "TOKEN" + os.urandom(6).hex()
        old = self.upload("provider", self.unique(f"before {token}"), level="AMBER")
        rule = f'rule Marker_{token} {{\n  strings:\n    $t = "{token}"\n  condition:\n    $t\n}}\n'
        r = check(self.clients["provider"].post(
            "/api/v1/yara-rules", {"name": "marker", "text": rule, "level": "RED"}), 201, "rule")
        self.assertGreaterEqual(r["rescan"]["scanned"], 1)
        self.assertEqual(r["rescan"]["matched"], 1)
        tag = f"yara:Marker_{token}"
        j = check(self.clients["provider"].get(f"/api/v1/samples/{old['sha256']}"), 200, "old")
        self.assertIn(tag, j["tags"])
        # A new sample is scanned on upload.
        new = self.upload("provider", self.unique(f"after {token}"), level="AMBER")
        self.assertIn(tag, new["tags"])
        listed = check(self.clients["provider"].get(f"/api/v1/samples?tag={tag}"), 200, "by tag")
        self.assertEqual(listed["total"], 2)
        # The participant sees the samples (AMBER) but not the RED rule:
        # no tag, no match, and the tag filter finds nothing.
        pj = check(self.clients["participant"].get(f"/api/v1/samples/{old['sha256']}"), 200, "p")
        self.assertEqual(pj["tags"], [])
        self.assertEqual(pj["yara"], [])
        self.assertEqual(self.clients["participant"].get(f"/api/v1/samples?tag={tag}").json["total"], 0)
        self.assertEqual(self.clients["participant"].get(f"/api/v1/yara-rules/{r['id']}").status, 404)
        # Widening the rule shows the matches to the participant.
        check(self.clients["provider"].request("PUT", f"/api/v1/yara-rules/{r['id']}",
                                               body={"level": "AMBER"}), 200, "widen")
        pj = check(self.clients["participant"].get(f"/api/v1/samples/{old['sha256']}"), 200, "p")
        self.assertEqual(pj["tags"], [tag])
        # The participant may not change or delete another provider's rule.
        self.assertEqual(self.clients["participant"].delete(f"/api/v1/yara-rules/{r['id']}").status, 403)
        self.assertEqual(self.clients["provider"].delete(f"/api/v1/yara-rules/{r['id']}").status, 204)
        j = check(self.clients["provider"].get(f"/api/v1/samples/{old['sha256']}"), 200, "old")
        self.assertEqual(j["tags"], [])

    def test_rescan_covers_only_what_the_author_may_see(self):
        token = "HIDDEN" + os.urandom(6).hex()
        self.upload("provider", self.unique(token), level="RED")
        rule = f'rule Seen_{token} {{ strings: $t = "{token}" condition: $t }}'
        r = check(self.clients["participant"].post(
            "/api/v1/yara-rules", {"name": "probe", "text": rule, "level": "WHITE"}), 201, "rule")
        self.assertEqual(r["rescan"]["matched"], 0)

    def sha256_indicators(self, viewer, event_id):
        r = self.clients[viewer].get(f"/api/v1/events/{event_id}/indicators")
        if r.status == 404:
            return None
        items = check(r, 200, f"indicators as {viewer}")
        items = items.get("items", items) if isinstance(items, dict) else items
        return [i for i in items if i["type"] == "sha256"]

    def test_matches_become_indicators_of_linked_events(self):
        provider = self.clients["provider"]
        token = "LINKED" + os.urandom(6).hex()
        event = check(provider.post("/api/v1/events", {"title": "amber case", "level": "AMBER"}),
                      201, "event")
        first = self.upload("provider", self.unique(f"first {token}"), event=event["id"])
        secret = self.upload("provider", self.unique(f"secret {token}"), event=event["id"])
        self.assertEqual(self.sha256_indicators("provider", event["id"]), [])
        # A RED rule must not speak to the AMBER event's readers: tag only.
        red = f'rule Red_{token} {{ strings: $t = "secret {token}" condition: $t }}'
        check(provider.post("/api/v1/yara-rules", {"name": f"red {token}", "text": red,
                                                   "level": "RED"}), 201, "red rule")
        j = check(provider.get(f"/api/v1/samples/{secret['sha256']}"), 200, "secret")
        self.assertIn(f"yara:Red_{token}", j["tags"])
        self.assertEqual(self.sha256_indicators("provider", event["id"]), [])
        self.assertEqual(self.sha256_indicators("participant", event["id"]), [])
        # A GREEN rule reaches everyone who reads the AMBER event: indicator.
        green = f'rule Green_{token} {{ strings: $t = "first {token}" condition: $t }}'
        check(provider.post("/api/v1/yara-rules", {"name": f"green {token}", "text": green,
                                                   "level": "GREEN"}), 201, "green rule")
        for viewer in ("provider", "participant"):
            found = self.sha256_indicators(viewer, event["id"])
            self.assertEqual([i["value"] for i in found], [first["sha256"]], viewer)
            self.assertIn(f"green {token}", found[0]["comment"])
            self.assertNotIn(f"red {token}", found[0]["comment"])
        # The observer cannot read the AMBER event at all.
        self.assertIsNone(self.sha256_indicators("observer", event["id"]))
        # Uploads after the rule: scanned on upload; the same rule again
        # (a re-upload by another route) adds no duplicate.
        later = self.upload("provider", self.unique(f"later first {token}"), event=event["id"])
        self.assertIn(f"yara:Green_{token}", later["tags"])
        found = self.sha256_indicators("participant", event["id"])
        self.assertEqual(sorted(i["value"] for i in found), sorted([first["sha256"], later["sha256"]]))
        # An upload matching the RED rule after it exists: still no indicator.
        self.upload("provider", self.unique(f"secret {token} again"), event=event["id"])
        found = self.sha256_indicators("provider", event["id"])
        self.assertEqual(len(found), 2, found)
        # Another rule matching the same sample: no duplicate indicator.
        again = f'rule Again_{token} {{ strings: $t = "first {token}" condition: $t }}'
        rule = check(provider.post("/api/v1/yara-rules", {"name": f"again {token}", "text": again,
                                                          "level": "WHITE"}), 201, "again")
        self.assertEqual(len(self.sha256_indicators("provider", event["id"])), 2)
        # Deleting a rule leaves the event's indicators.
        self.assertEqual(provider.delete(f"/api/v1/yara-rules/{rule['id']}").status, 204)
        self.assertEqual(len(self.sha256_indicators("provider", event["id"])), 2)


if __name__ == "__main__":
    unittest.main()
