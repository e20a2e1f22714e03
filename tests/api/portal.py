"""A real threatshare portal for tests: its own data directory, the CLI for
set-up, the server on a free loopback port, and a small HTTP client.

The binary comes from $TS_BINARY (set by ctest)."""

import http.client
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import tempfile
import time

PASSWORD = "correct horse battery staple"

# Lines a sanitizer writes to the server log when it finds a problem.
SANITIZER_MARKERS = ("ERROR: AddressSanitizer", "ERROR: LeakSanitizer", "runtime error:",
                     "WARNING: ThreadSanitizer")


def binary():
    path = os.environ.get("TS_BINARY")
    if not path or not os.path.exists(path):
        raise SystemExit("TS_BINARY is not set to the threatshare binary")
    return path


def check(response, status, what):
    """Returns the JSON of a response that must have `status`."""
    if response.status != status:
        raise AssertionError(f"{what}: expected {status}, got {response!r}")
    return response.json


def run_import(client, data, **params):
    """POSTs `data` to /api/v1/import with `params` in the query and waits
    for the job to end. Returns the 202 response and the job's last state."""
    query = "&".join(f"{k}={v}" for k, v in params.items())
    started = client.post(f"/api/v1/import?{query}", raw=data)
    job = check(started, 202, "start import")
    deadline = time.time() + 60
    while time.time() < deadline:
        state = check(client.get(f"/api/v1/imports/{job['id']}"), 200, "poll")
        if state["status"] in ("done", "failed"):
            return started, state
        time.sleep(0.05)
    raise AssertionError(f"import job {job['id']} did not finish")


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.raw = body
        try:
            self.json = json.loads(body) if body else None
        except ValueError:
            self.json = None

    def header(self, name):
        for k, v in self.headers:
            if k.lower() == name.lower():
                return v
        return None

    @property
    def error_code(self):
        return (self.json or {}).get("error", {}).get("code")

    def __repr__(self):
        return f"<Response {self.status} {self.raw[:300]!r}>"


class Client:
    """One HTTP/1.1 connection; a bearer key, or a session cookie and its
    CSRF token after login()."""

    def __init__(self, port, key=None):
        self.port = port
        self.key = key
        self.cookie = None
        self.csrf = None
        self.conn = None

    def _connection(self):
        if self.conn is None:
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        return self.conn

    def request(self, method, path, body=None, headers=None, raw=None, csrf=True):
        hdrs = {}
        data = None
        if raw is not None:
            data = raw
            hdrs["Content-Type"] = "application/json"
        elif body is not None:
            data = json.dumps(body).encode()
            hdrs["Content-Type"] = "application/json"
        if self.key:
            hdrs["Authorization"] = "Bearer " + self.key
        if self.cookie:
            hdrs["Cookie"] = self.cookie
            if csrf and self.csrf and method not in ("GET", "HEAD"):
                hdrs["X-CSRF-Token"] = self.csrf
        hdrs.update(headers or {})
        for attempt in range(2):
            conn = self._connection()
            try:
                conn.request(method, path, body=data, headers=hdrs)
                r = conn.getresponse()
                body_bytes = r.read()
                resp = Response(r.status, r.getheaders(), body_bytes.decode("utf-8", "replace"))
                if r.getheader("Connection", "").lower() == "close":
                    self.close()
                return resp
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                # A kept-alive connection the server closed: retry once on a new one.
                self.close()
                if attempt == 1:
                    raise
        raise AssertionError("unreachable")

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, body=None, **kw):
        return self.request("POST", path, body=body, **kw)

    def patch(self, path, body=None, **kw):
        return self.request("PATCH", path, body=body, **kw)

    def delete(self, path, **kw):
        return self.request("DELETE", path, **kw)

    def login(self, email, password=PASSWORD):
        r = self.post("/api/v1/session", {"email": email, "password": password})
        if r.status == 201:
            cookie = r.header("Set-Cookie")
            self.cookie = cookie.split(";", 1)[0]
            self.csrf = r.json["csrf_token"]
        return r

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None


class Portal:
    def __init__(self, extra_args=(), env=None, config=None):
        self.dir = tempfile.mkdtemp(prefix="threatshare-test-")
        self.data = os.path.join(self.dir, "data")
        os.makedirs(self.data)
        if config:
            with open(os.path.join(self.data, "threatshare.toml"), "w") as f:
                f.write(config)
        self.extra_args = list(extra_args)
        self.env = dict(os.environ, **(env or {}))
        self.proc = None
        self.port = None
        self.log_path = os.path.join(self.dir, "server.log")
        self.db_path = os.path.join(self.data, "threatshare.db")

    # --- command line -------------------------------------------------
    def cli(self, *args, input=None, check=True):
        r = subprocess.run([binary(), *args], input=input, capture_output=True, text=True,
                           env=self.env, timeout=120)
        if check and r.returncode != 0:
            raise AssertionError(f"threatshare {' '.join(args)} failed ({r.returncode}): {r.stderr}")
        return r

    def create_org(self, name, sector, membership):
        return int(self.cli("admin", "create-org", "--data", self.data, "--name", name,
                            "--sector", sector, "--membership", membership).stdout)

    def create_user(self, org, email, role, password=PASSWORD, accept_rules=True):
        args = ["admin", "create-user", "--data", self.data, "--org", org, "--email", email,
                "--role", role]
        if accept_rules:
            args.append("--accept-rules")
        return int(self.cli(*args, input=password + "\n").stdout)

    def create_key(self, email):
        return self.cli("admin", "create-key", "--data", self.data, "--user", email).stdout.strip()

    def publish_rules(self, text):
        path = os.path.join(self.dir, "rules.md")
        with open(path, "w") as f:
            f.write(text)
        return int(self.cli("admin", "publish-rules", "--data", self.data, "--file", path).stdout)

    # --- server -------------------------------------------------------
    def start(self):
        self.log = open(self.log_path, "a")
        self.proc = subprocess.Popen(
            [binary(), "serve", "--data", self.data, "--listen", "127.0.0.1:0", *self.extra_args],
            stdout=subprocess.PIPE, stderr=self.log, text=True, env=self.env)
        deadline = time.time() + 60
        while time.time() < deadline:
            line = self.proc.stdout.readline()
            if not line:
                raise AssertionError("server exited: " + open(self.log_path).read())
            if line.startswith("threatshare listening on"):
                self.port = int(line.rsplit(":", 1)[1].strip().strip("/"))
                return self
        raise AssertionError("server did not start")

    def client(self, key=None):
        return Client(self.port, key)

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self.proc:
            self.proc.stdout.close()
            self.log.close()
            rc = self.proc.returncode
            self.proc = None
            return rc
        return None

    def kill9(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()
        self.proc.stdout.close()
        self.log.close()
        self.proc = None

    def server_log(self):
        if not os.path.exists(self.log_path):
            return ""
        with open(self.log_path) as f:
            return f.read()

    def stop_checked(self):
        """Stops the server with SIGTERM; raises AssertionError with the log
        unless it exited with 0 and no sanitizer reported anything."""
        rc = self.stop()
        log = self.server_log()
        found = [m for m in SANITIZER_MARKERS if m in log]
        if rc not in (0, None) or found:
            raise AssertionError(f"server exited with {rc} {found}; its log:\n{log[-20000:]}")
        return log

    # --- database (read-only peeks, e.g. to prove nothing was stored) ---
    def count(self, table, where="1", params=()):
        db = sqlite3.connect(f"file:{self.db_path}?mode=ro", uri=True, timeout=30)
        try:
            return db.execute(f"SELECT count(*) FROM {table} WHERE {where}", params).fetchone()[0]
        finally:
            db.close()

    def cleanup(self):
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


def portal_with_analysts(orgs, email, config=""):
    """A started Portal with, per viewer of `orgs` (viewer -> (organisation,
    sector, membership)), that organisation and an analyst `email(viewer)`
    holding an API key. Returns the portal and the keys by viewer."""
    p = Portal(config=config)
    for viewer, (org, sector, membership) in orgs.items():
        p.create_org(org, sector, membership)
        p.create_user(org, email(viewer), "analyst")
    keys = {v: p.create_key(email(v)) for v in orgs}
    p.start()
    return p, keys


def close_portal(portal, clients):
    """Closes the clients, stops the portal (failing if it crashed) and
    removes its data."""
    for c in clients:
        c.close()
    try:
        portal.stop_checked()
    finally:
        portal.cleanup()
