"""HTTPS: the portal serves TLS from a certificate and key given as flags,
marks the session cookie Secure and sends HSTS."""

import http.client
import json
import os
import ssl
import subprocess
import unittest

from portal import PASSWORD, Portal


class Tls(unittest.TestCase):
    def test_https_login_sets_secure_cookie(self):
        p = Portal()
        try:
            cert = os.path.join(p.dir, "cert.pem")
            key = os.path.join(p.dir, "key.pem")
            subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                            "-subj", "/CN=127.0.0.1", "-keyout", key, "-out", cert],
                           check=True, capture_output=True)
            p.create_org("Provider", "power", "participant")
            p.create_user("Provider", "tls@x.example", "analyst")
            p.extra_args = ["--tls-cert", cert, "--tls-key", key]
            p.start()
            context = ssl.create_default_context(cafile=cert)
            context.check_hostname = False
            conn = http.client.HTTPSConnection("127.0.0.1", p.port, context=context, timeout=30)
            conn.request("POST", "/api/v1/session",
                         body=json.dumps({"email": "tls@x.example", "password": PASSWORD}),
                         headers={"Content-Type": "application/json"})
            r = conn.getresponse()
            r.read()
            self.assertEqual(r.status, 201)
            cookie = r.getheader("Set-Cookie")
            self.assertIn("Secure", cookie)
            self.assertIn("HttpOnly", cookie)
            self.assertIn("SameSite=Strict", cookie)
            self.assertIn("max-age=", r.getheader("Strict-Transport-Security"))
            conn.close()
            # Plain HTTP on the TLS port gets no answer.
            plain = http.client.HTTPConnection("127.0.0.1", p.port, timeout=10)
            with self.assertRaises((http.client.HTTPException, ConnectionError, OSError)):
                plain.request("GET", "/healthz")
                plain.getresponse().read()
            plain.close()
            self.assertEqual(p.stop(), 0, p.server_log())
        finally:
            p.cleanup()

    def test_unreadable_certificate_is_named(self):
        p = Portal()
        try:
            missing = os.path.join(p.dir, "nope.pem")
            r = p.cli("serve", "--data", p.data, "--listen", "127.0.0.1:0", "--tls-cert", missing,
                      "--tls-key", missing, check=False)
            self.assertNotEqual(r.returncode, 0)
            self.assertIn("nope.pem", r.stderr)
        finally:
            p.cleanup()


if __name__ == "__main__":
    unittest.main()
