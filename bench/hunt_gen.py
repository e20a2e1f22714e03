#!/usr/bin/env python3
"""Writes the retro-hunt benchmark inputs, the same for every run (fixed seed):

  indicators.txt  one value per line: IPv4 addresses, domains and URLs, all
                  canonical, so that `grep -F -f` looks for what hunt looks for;
  access.log      a Squid native log of about --bytes bytes in which one line
                  in --hit-every names exactly one indicator (as peer address,
                  as host or parent domain of the URL, or as the URL with or
                  without an added query), and no other line contains any
                  indicator as a substring.

The second property is what lets the hit counts of hunt, grep and rg agree:
indicator addresses have three-digit octets and first octets no background
address uses; indicator names end in TLDs the background never uses.

Usage: hunt_gen.py OUT_DIR [--bytes N] [--indicators N] [--seed S]
Prints the number of hit lines written."""

import argparse
import os
import random

IND_TLDS = ["top", "xyz", "club", "online", "site"]
URL_TLDS = ["info", "biz", "ru", "cn"]
BG_TLDS = ["com", "net", "org", "jp", "co.jp"]
WORDS = ("news mail shop cloud cdn api static img video search login portal bank "
         "travel weather sport music game docs wiki map store pay account media").split()
PATHS = ("index.html app.js style.css logo.png api/v1/items search?q=tokyo "
         "img/banner.jpg news/2016/05/12/article.html favicon.ico login").split()
TYPES = ["text/html", "application/javascript", "image/png", "text/css", "application/json"]
METHODS = ["GET"] * 8 + ["POST"]
ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789"


def label(rng, n):
    return "".join(rng.choice(ALNUM) for _ in range(n))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--bytes", type=int, default=1_000_000_000)
    ap.add_argument("--indicators", type=int, default=1_000_000)
    ap.add_argument("--hit-every", type=int, default=500)
    ap.add_argument("--seed", type=int, default=20160601)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    os.makedirs(a.out, exist_ok=True)

    n_ip = a.indicators * 40 // 100
    n_dom = a.indicators * 35 // 100
    n_url = a.indicators - n_ip - n_dom
    ips = set()
    while len(ips) < n_ip:
        ips.add("%d.%d.%d.%d" % (rng.choice((203, 198, 185, 193, 194, 195)), rng.randint(100, 255),
                                 rng.randint(100, 255), rng.randint(100, 255)))
    ips = sorted(ips)
    rng.shuffle(ips)
    domains = list({label(rng, 10) + "." + rng.choice(IND_TLDS) for _ in range(n_dom)})
    urls = list({"http://%s.%s/%s/%s.php" % (label(rng, 9), rng.choice(URL_TLDS), label(rng, 6),
                                              label(rng, 5)) for _ in range(n_url)})
    with open(os.path.join(a.out, "indicators.txt"), "w") as f:
        values = ips + domains + urls
        rng.shuffle(values)
        f.write("\n".join(values) + "\n")

    hosts = ["%s.%s%d.%s" % (rng.choice(["www", "cdn", "api", "img"]), rng.choice(WORDS),
                             rng.randint(1, 5000), rng.choice(BG_TLDS)) for _ in range(20000)]
    clients = ["10.%d.%d.%d" % (rng.randint(0, 20), rng.randint(0, 255), rng.randint(1, 254))
               for _ in range(3000)]
    peers = ["%s.%d.%d" % (rng.choice(("151.101", "172.217", "23.45", "104.16")),
                           rng.randint(0, 255), rng.randint(1, 254)) for _ in range(5000)]

    def body(client, method, url, peer):
        return "%s TCP_MISS/200 %d %s %s - HIER_DIRECT/%s %s" % (
            client, rng.randint(200, 90000), method, url, peer, rng.choice(TYPES))

    pool = [body(rng.choice(clients), rng.choice(METHODS),
                 "http://%s/%s" % (rng.choice(hosts), rng.choice(PATHS)), rng.choice(peers))
            for _ in range(200000)]

    def hit_body():
        kind = rng.random()
        client = rng.choice(clients)
        if kind < 0.40:
            return body(client, "GET", "http://%s/%s" % (rng.choice(hosts), rng.choice(PATHS)),
                        rng.choice(ips))
        if kind < 0.75:
            d = rng.choice(domains)
            host = d if rng.random() < 0.5 else "www." + d
            if rng.random() < 0.2:
                return "%s TCP_TUNNEL/200 %d CONNECT %s:443 - HIER_DIRECT/%s -" % (
                    client, rng.randint(200, 9000), host, rng.choice(peers))
            return body(client, "GET", "http://%s/%s" % (host, rng.choice(PATHS)),
                        rng.choice(peers))
        u = rng.choice(urls)
        if rng.random() < 0.5:
            u += "?id=%d" % rng.randint(1, 99999)
        return body(client, "GET", u, rng.choice(peers))

    written = 0
    hits = 0
    t = 1464739200.0  # 2016-06-01
    with open(os.path.join(a.out, "access.log"), "w") as f:
        while written < a.bytes:
            lines = []
            for _ in range(50000):
                t += 0.013
                if rng.randrange(a.hit_every) == 0:
                    b = hit_body()
                    hits += 1
                else:
                    b = rng.choice(pool)
                lines.append("%.3f %6d %s\n" % (t, rng.randint(1, 60000), b))
            chunk = "".join(lines)
            f.write(chunk)
            written += len(chunk)
    print(hits)


if __name__ == "__main__":
    main()
