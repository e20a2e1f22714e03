#!/usr/bin/env python3
"""Writes N messages for the mail-analysis benchmark into DIR: the corpus of
tests/cases/mail/ (minus the archive bomb and the non-message) used as
templates, each copy with its own Message-ID, subject suffix and sending
address, so no two messages are byte-identical. Deterministic.

    python3 bench/mail_gen.py DIR [N=1000]
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "..", "tests", "cases", "mail")
SKIP = {"arc_70_zip_bomb.eml", "bad_64_not_a_message.eml"}


def main():
    out = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    os.makedirs(out, exist_ok=True)
    templates = []
    for name in sorted(os.listdir(CORPUS)):
        if name.endswith(".eml") and name not in SKIP:
            with open(os.path.join(CORPUS, name), "rb") as f:
                templates.append(f.read())
    for i in range(count):
        raw = templates[i % len(templates)]
        raw = re.sub(rb"(?m)^Message-ID: <[^>]*>", b"Message-ID: <bench-%06d@gen.example>" % i, raw, count=1)
        raw = re.sub(rb"(?m)^(Subject: [^\r\n]*)", rb"\1 #%d" % i, raw, count=1)
        raw = raw.replace(b"203.0.113.25]", b"203.0.113.%d]" % (i % 250 + 1))
        with open(os.path.join(out, "m%06d.eml" % i), "wb") as f:
            f.write(raw)
    print("%d messages from %d templates in %s" % (count, len(templates), out))


if __name__ == "__main__":
    main()
