#!/usr/bin/env python3
"""Writes a STIX 2.1 bundle of about --bytes bytes (default 50 MB) for the
import benchmark: reports of 25 objects each (indicators with simple and
complex patterns, observables, malware, attack patterns, relationships),
TLP 2.0 markings, all valid. A fixed seed makes the file reproducible.
Prints the number of objects."""

import argparse
import json
import random
import uuid

TLP = ["marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
       "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
       "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--bytes", type=int, default=50_000_000)
    args = ap.parse_args()
    rnd = random.Random(42)

    def uid(kind):
        return f"{kind}--{uuid.UUID(int=rnd.getrandbits(128), version=4)}"

    def ts(day):
        return f"2024-{1 + day % 12:02d}-{1 + day % 28:02d}T{day % 24:02d}:00:00.000Z"

    count = 0
    written = 0
    with open(args.out, "w") as f:
        head = '{"type":"bundle","id":"%s","objects":[' % uid("bundle")
        f.write(head)
        written += len(head)
        first = True
        n = 0
        while written < args.bytes:
            n += 1
            created = ts(n)
            marking = [TLP[n % 3]]
            objs = []
            for i in range(16):
                a, b = rnd.randrange(1, 255), rnd.randrange(1, 255)
                kind = i % 4
                if kind == 0:
                    pattern = f"[ipv4-addr:value = '198.{a}.{b}.{i}']"
                elif kind == 1:
                    pattern = f"[domain-name:value = 'h{n}-{i}.example.net'] OR [url:value = 'http://h{n}.example.net/{a}/{b}']"
                elif kind == 2:
                    pattern = f"[file:hashes.'SHA-256' = '{rnd.getrandbits(256):064x}']"
                else:
                    pattern = f"[network-traffic:dst_port = {a} AND ipv4-addr:value = '203.0.{a}.{b}']"
                objs.append({"type": "indicator", "spec_version": "2.1", "id": uid("indicator"),
                             "created": created, "modified": created,
                             "name": f"Indicator {n}-{i}", "description": "Seen in the wave " * 4,
                             "pattern": pattern, "pattern_type": "stix",
                             "valid_from": created[:19] + "Z", "indicator_types": ["malicious-activity"],
                             "object_marking_refs": marking})
            for i in range(4):
                objs.append({"type": "domain-name", "spec_version": "2.1", "id": uid("domain-name"),
                             "value": f"obs{n}-{i}.example.org"})
            mal = {"type": "malware", "spec_version": "2.1", "id": uid("malware"), "created": created,
                   "modified": created, "name": f"Family{n % 97}", "is_family": True,
                   "object_marking_refs": marking}
            ap_ = {"type": "attack-pattern", "spec_version": "2.1", "id": uid("attack-pattern"),
                   "created": created, "modified": created, "name": "Spearphishing Attachment",
                   "external_references": [{"source_name": "mitre-attack", "external_id": "T1566.001"}],
                   "object_marking_refs": marking}
            objs += [mal, ap_]
            for ind in objs[:3]:
                objs.append({"type": "relationship", "spec_version": "2.1", "id": uid("relationship"),
                             "created": created, "modified": created, "relationship_type": "indicates",
                             "source_ref": ind["id"], "target_ref": mal["id"],
                             "object_marking_refs": marking})
            objs.append({"type": "report", "spec_version": "2.1", "id": uid("report"),
                         "created": created, "modified": created, "name": f"Wave {n}",
                         "published": created, "report_types": ["threat-report"],
                         "object_refs": [o["id"] for o in objs], "object_marking_refs": marking})
            for o in objs:
                text = json.dumps(o, separators=(",", ":"))
                f.write(("" if first else ",") + text)
                written += len(text) + 1
                first = False
                count += 1
        f.write("]}")
    print(count)


if __name__ == "__main__":
    main()
