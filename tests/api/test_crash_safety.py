"""kill -9 during a stream of 10,000 indicator writes: after a restart every
write that was answered with 2xx is there, the rest can be retried, and the
database and audit chain are intact."""

import os
import random
import sqlite3
import threading
import unittest

from portal import Portal

TOTAL = 10_000
WRITERS = 4


class CrashSafety(unittest.TestCase):
    def test_kill9_during_indicator_stream(self):
        p = Portal(config="key_rate_per_second = 0\n")
        try:
            p.create_org("Provider", "power", "participant")
            p.create_user("Provider", "writer@crash.example", "analyst")
            key = p.create_key("writer@crash.example")
            p.start()
            c = p.client(key)
            r = c.post("/api/v1/events", {"title": "crash stream", "level": "AMBER"})
            self.assertEqual(r.status, 201, r)
            event = r.json["id"]
            c.close()

            values = [f"198.51.{i // 256}.{i % 256}" for i in range(TOTAL)]
            acknowledged = set()
            lock = threading.Lock()
            kill_after = random.randint(TOTAL // 5, TOTAL * 4 // 5)
            killed = threading.Event()
            next_index = [0]

            def writer():
                client = p.client(key)
                while not killed.is_set():
                    with lock:
                        i = next_index[0]
                        if i >= TOTAL:
                            break
                        next_index[0] += 1
                    try:
                        r = client.post(f"/api/v1/events/{event}/indicators",
                                        {"type": "ipv4", "value": values[i]})
                    except OSError:
                        break  # the server is gone; this write was never acknowledged
                    if 200 <= r.status < 300:
                        with lock:
                            acknowledged.add(values[i])
                            if len(acknowledged) == kill_after and not killed.is_set():
                                killed.set()
                                p.kill9()
                    elif r.status != 409:
                        raise AssertionError(f"unexpected answer {r}")
                client.close()

            threads = [threading.Thread(target=writer) for _ in range(WRITERS)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            self.assertTrue(killed.is_set(), "the server was never killed")
            self.assertGreaterEqual(len(acknowledged), kill_after)

            # Restart: every acknowledged write is there.
            p.start()
            c = p.client(key)
            stored = self.all_values(c, event)
            missing = acknowledged - stored
            self.assertFalse(missing, f"{len(missing)} acknowledged writes lost, e.g. {sorted(missing)[:5]}")

            # Finish the stream: unacknowledged values are retried; a value whose
            # write committed but whose answer was lost comes back as 409.
            for v in values:
                if v in acknowledged:
                    continue
                r = c.post(f"/api/v1/events/{event}/indicators", {"type": "ipv4", "value": v})
                self.assertIn(r.status, (201, 409), r)
            stored = self.all_values(c, event)
            self.assertEqual(stored, set(values))
            c.close()
            self.assertEqual(p.stop(), 0, p.server_log())

            db = sqlite3.connect(os.path.join(p.data, "threatshare.db"))
            self.assertEqual(db.execute("PRAGMA integrity_check").fetchall(), [("ok",)])
            count = db.execute("SELECT count(*) FROM indicators").fetchone()[0]
            self.assertEqual(count, TOTAL, "no duplicates, nothing lost")
            db.close()
            self.assertIn("database ok", p.cli("db", "check", "--data", p.data).stdout)
            self.assertIn("audit log ok", p.cli("db", "verify-audit", "--data", p.data).stdout)
        finally:
            p.cleanup()

    @staticmethod
    def all_values(client, event):
        values, page = set(), 1
        while True:
            r = client.get(f"/api/v1/events/{event}/indicators?per_page=1000&page={page}")
            assert r.status == 200, r
            if not r.json["items"]:
                return values
            values |= {i["value"] for i in r.json["items"]}
            page += 1


if __name__ == "__main__":
    unittest.main()
