"""`threatshare hunt` as users run it: exit codes (0 no hits, 1 hits, 2
error), the --json line shape, --summary-json, standard input (plain and
gzip), directories, glob patterns and error messages naming the file.

The binary comes from $TS_BINARY; the logs and indicators are the hand-made
ones of tests/cases/hunt/data ($TS_CASES_DIR, set by ctest)."""

import gzip
import json
import os
import shutil
import subprocess
import tempfile
import unittest

from portal import binary

CASES = os.environ.get("TS_CASES_DIR",
                       os.path.join(os.path.dirname(__file__), "..", "cases"))
DATA = os.path.join(CASES, "hunt", "data")
INDICATORS = os.path.join(DATA, "common.csv")
HIT_KEYS = {"file", "line", "time", "client", "user", "destination", "matched", "indicator",
            "type", "event", "campaign"}


def hunt(*args, stdin=None, cwd=None):
    return subprocess.run([binary(), "hunt", *args], input=stdin, capture_output=True,
                          timeout=120, cwd=cwd)


def json_lines(stdout):
    return [json.loads(line) for line in stdout.decode().splitlines()]


class HuntCli(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="hunt_cli_")

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def test_hits_exit_1_and_json_lines_only(self):
        r = hunt("--indicators", INDICATORS, "--json", os.path.join(DATA, "squid.log"))
        self.assertEqual(r.returncode, 1, r.stderr)
        hits = json_lines(r.stdout)
        self.assertEqual(len(hits), 12)
        for h in hits:
            self.assertEqual(set(h), HIT_KEYS)
            self.assertIsInstance(h["line"], int)
        first = hits[0]
        self.assertEqual(first["file"], os.path.join(DATA, "squid.log"))
        self.assertEqual(first["line"], 1)
        self.assertEqual(first["indicator"], "evil.example")
        self.assertEqual(first["type"], "domain")
        self.assertEqual(first["matched"], "a.evil.example")
        self.assertEqual(first["client"], "10.0.0.5")
        self.assertEqual(first["time"], "2016-06-01T00:00:00.123000Z")
        self.assertEqual(first["event"], "Pension mail wave 2")
        self.assertEqual(first["campaign"], "Blue Termite")

    def test_no_hits_exit_0(self):
        r = hunt("--indicators", os.path.join(DATA, "unrelated.txt"),
                 os.path.join(DATA, "squid.log"))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn(b"0 hits", r.stdout)

    def test_human_table_and_summary(self):
        r = hunt("--indicators", INDICATORS, os.path.join(DATA, "combined.log"))
        self.assertEqual(r.returncode, 1, r.stderr)
        out = r.stdout.decode()
        self.assertIn("FILE:LINE", out)
        self.assertIn("By terminal:", out)
        self.assertIn("By indicator:", out)
        self.assertIn("203.0.113.66", out)

    def test_summary_json(self):
        path = os.path.join(self.tmp, "summary.json")
        r = hunt("--indicators", INDICATORS, "--json", "--summary-json", path,
                 os.path.join(DATA, "squid.log"), os.path.join(DATA, "zeek_conn.log"))
        self.assertEqual(r.returncode, 1, r.stderr)
        with open(path) as f:
            s = json.load(f)
        self.assertEqual(s["totals"]["hits"], 15)
        self.assertEqual(s["totals"]["files"], 2)
        self.assertEqual([f["format"] for f in s["files"]], ["squid", "zeek"])
        by_client = {t["client"]: t for t in s["terminals"]}
        self.assertEqual(by_client["10.0.0.5"]["hits"], 2)  # squid line 1, conn line 8
        self.assertEqual(by_client["10.0.0.5"]["first_seen"], "2016-06-01T00:00:00.000000Z")
        self.assertEqual(by_client["10.0.0.5"]["last_seen"], "2016-06-01T00:00:00.123000Z")
        by_value = {i["indicator"]: i for i in s["indicators"]}
        self.assertEqual(by_value["evil.example"]["hits"], 3)
        self.assertEqual(by_value["203.0.113.66"]["clients"], ["10.0.0.10", "10.0.0.5"])
        self.assertIn("scan_seconds", s["timing"])

    def test_stdin_plain_and_gzip(self):
        with open(os.path.join(DATA, "squid.log"), "rb") as f:
            log = f.read()
        for data in (log, gzip.compress(log)):
            r = hunt("--indicators", INDICATORS, "--json", "-", stdin=data)
            self.assertEqual(r.returncode, 1, r.stderr)
            hits = json_lines(r.stdout)
            self.assertEqual(len(hits), 12)
            self.assertEqual({h["file"] for h in hits}, {"-"})

    def test_glob_directory_and_threads(self):
        r = hunt("--indicators", INDICATORS, "--json", "--threads", "1", "zeek_*.log", cwd=DATA)
        self.assertEqual(r.returncode, 1, r.stderr)
        files = {h["file"] for h in json_lines(r.stdout)}
        self.assertEqual(files, {"zeek_conn.log", "zeek_dns.log", "zeek_http.log",
                                 "zeek_ssl.log", "zeek_files.log"})
        logs = os.path.join(self.tmp, "logs")
        os.makedirs(os.path.join(logs, "old"))
        shutil.copy(os.path.join(DATA, "combined.log"), logs)
        with open(os.path.join(DATA, "text_ja.log"), "rb") as f, \
                gzip.open(os.path.join(logs, "old", "text_ja.log.gz"), "wb") as g:
            g.write(f.read())
        r = hunt("--indicators", INDICATORS, "--json", logs)
        self.assertEqual(r.returncode, 1, r.stderr)
        hits = json_lines(r.stdout)
        self.assertEqual(len(hits), 5 + 7)

    def test_format_override(self):
        r = hunt("--indicators", INDICATORS, "--json", "--format", "text",
                 os.path.join(DATA, "combined.log"))
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertTrue(all(h["client"] is None for h in json_lines(r.stdout)))
        r = hunt("--indicators", INDICATORS, "--format", "apache", os.path.join(DATA, "squid.log"))
        self.assertNotIn(r.returncode, (0, 1))

    def test_missing_log_is_an_error_naming_it(self):
        missing = os.path.join(self.tmp, "nope.log")
        r = hunt("--indicators", INDICATORS, "--json", os.path.join(DATA, "squid.log"), missing)
        self.assertEqual(r.returncode, 2)
        self.assertIn(missing.encode(), r.stderr)
        self.assertEqual(r.stdout, b"")

    def test_bad_indicator_file_names_file_and_line(self):
        bad = os.path.join(self.tmp, "bad.json")
        with open(bad, "w") as f:
            f.write('{\n  "type": "bundle",\n  "objects": [,]\n}\n')
        r = hunt("--indicators", bad, os.path.join(DATA, "squid.log"))
        self.assertEqual(r.returncode, 2)
        self.assertIn(b"bad.json: line 3", r.stderr)
        r = hunt("--indicators", os.path.join(self.tmp, "none.txt"), os.path.join(DATA, "squid.log"))
        self.assertEqual(r.returncode, 2)
        self.assertIn(b"none.txt", r.stderr)
        # Well-formed JSON a double cannot hold: an error, not a crash.
        with open(bad, "w") as f:
            f.write('{"type": "bundle", "objects": [], "x": 1e999999}\n')
        r = hunt("--indicators", bad, os.path.join(DATA, "squid.log"))
        self.assertEqual(r.returncode, 2)
        self.assertIn(b"bad.json: not usable JSON", r.stderr)

    def test_corrupt_gzip_is_an_error_naming_it(self):
        path = os.path.join(self.tmp, "cut.log.gz")
        with open(os.path.join(DATA, "squid.log"), "rb") as f:
            data = gzip.compress(f.read())
        with open(path, "wb") as f:
            f.write(data[: len(data) // 2])
        r = hunt("--indicators", INDICATORS, path)
        self.assertEqual(r.returncode, 2)
        self.assertIn(b"cut.log.gz: truncated gzip data", r.stderr)


if __name__ == "__main__":
    unittest.main()
