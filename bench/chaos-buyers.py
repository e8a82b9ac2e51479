#!/usr/bin/env python3
"""Buyers for bench/chaos.sh: ORDERS checkouts through the API, each paid on the dev gateway's hosted page, from
--threads threads, as a storefront and its buyers would (and on through a crash of the server).

Buyer n checks out product n mod (published products of --store) as chaos-<run>-<n>@example.test with the
Idempotency-Key chaos-<run>-<n>, then, as chosen from n and the seed: pays (most), has a card declined first and then
pays (--decline), or walks away (--abandon: the session is cancelled, nothing is paid).

A step that gets no answer (the server is down, the connection broke), a 5xx, a 429 or a 409 (a claim on the key
still held) is tried again with the same key — every 0.25 s doubling to 2 s (Retry-After up to 5 s is honoured) — for
at most --step-deadline seconds, then the buyer gives up. A pay that answers 409 after an attempt without an answer is
a payment that went through before the answer was lost: the PSP's tables say which (bench/chaos.sh reads them).

Writes one line per buyer to --out (n, key, order id, session, path, checkout answer, pay answer, tries, seconds
spent retrying) and prints a JSON summary.
"""
import argparse
import hashlib
import http.client
import json
import sys
import threading
import time
import urllib.parse


def unit(*parts) -> float:
    digest = hashlib.sha256(":".join(str(p) for p in parts).encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2 ** 64


class Counters:
    def __init__(self):
        self.lock = threading.Lock()
        self.values = {}

    def add(self, key, n=1):
        with self.lock:
            self.values[key] = self.values.get(key, 0) + n


class Client:
    """One keep-alive connection per thread; a fresh one after any failure."""

    def __init__(self, base, counters, step_deadline):
        url = urllib.parse.urlsplit(base)
        self.host, self.port = url.hostname, url.port or 80
        self.counters = counters
        self.step_deadline = step_deadline
        self.connection = None

    def once(self, method, path, body=None, headers=None):
        if self.connection is None:
            self.connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
        try:
            self.connection.request(method, path, body=body, headers=headers or {})
            response = self.connection.getresponse()
            data = response.read()
            if response.getheader("Connection", "").lower() == "close":
                self.close()
            return response.status, data, response.getheader("Retry-After")
        except (OSError, http.client.HTTPException):
            self.close()
            return None, b"", None

    def close(self):
        if self.connection is not None:
            self.connection.close()
            self.connection = None

    def step(self, name, method, path, body=None, headers=None, retry=(409, 429)):
        """Tries until an answer that is not worth retrying or the deadline; returns (status, body, tries, seconds
        spent retrying, whether an attempt went unanswered)."""
        start = time.monotonic()
        wait, tries, unanswered = 0.25, 0, False
        while True:
            tries += 1
            status, data, retry_after = self.once(method, path, body, headers)
            if status is None:
                unanswered = True
                self.counters.add(f"{name}_no_answer")
            elif status >= 500 or status in retry:
                self.counters.add(f"{name}_{status}")
            else:
                return status, data, tries, time.monotonic() - start, unanswered
            if time.monotonic() - start > self.step_deadline:
                self.counters.add(f"{name}_gave_up")
                return status, data, tries, time.monotonic() - start, unanswered
            pause = wait
            if retry_after and retry_after.isdigit():
                pause = min(5.0, max(pause, float(retry_after)))
            time.sleep(pause)
            wait = min(2.0, wait * 2)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", required=True)
    parser.add_argument("--store", default="demo")
    parser.add_argument("--orders", type=int, required=True)
    parser.add_argument("--threads", type=int, default=12)
    parser.add_argument("--run", required=True)
    parser.add_argument("--seed", default="1")
    parser.add_argument("--decline", type=float, default=0.10)
    parser.add_argument("--abandon", type=float, default=0.05)
    parser.add_argument("--step-deadline", type=float, default=360)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    counters = Counters()
    setup = Client(args.base, counters, 60)
    status, data, *_ = setup.step("products", "GET", f"/api/v1/stores/{args.store}/products?limit=100")
    if status != 200:
        sys.exit(f"GET /api/v1/stores/{args.store}/products answered {status}")
    products = [p["id"] for p in json.loads(data)["data"] if p["price"]["amount"] > 0]
    if not products:
        sys.exit(f"store {args.store} has no published paid product (demo data?)")

    lines, lines_lock = [], threading.Lock()
    next_n, next_lock = [0], threading.Lock()

    def buyer(client, n):
        key = f"chaos-{args.run}-{n}"
        u = unit(args.seed, "path", n)
        path = "abandon" if u < args.abandon else "decline+pay" if u < args.abandon + args.decline else "pay"
        body = json.dumps({"product_id": products[n % len(products)], "email": f"{key}@example.test"})
        status, data, tries, retrying, _ = client.step("checkout", "POST", "/api/v1/checkouts", body,
                                                      {"Content-Type": "application/json", "Idempotency-Key": key})
        order, session, pay = "", "", ""
        if status == 201:
            answer = json.loads(data)
            order = answer["order_id"]
            session = urllib.parse.urlsplit(answer["payment_url"]).path.rsplit("/", 1)[-1]
            counters.add("checkouts")
            actions = {"abandon": ["abandon"], "decline+pay": ["decline", "pay"], "pay": ["pay"]}[path]
            for action in actions:
                status_a, _, tries_a, retrying_a, unanswered = client.step(
                    action, "POST", f"/dev-gateway/sessions/{session}/{action}", retry=(429,))
                tries += tries_a
                retrying += retrying_a
                pay = f"{action}:{status_a}" + ("+unanswered" if unanswered else "")
                counters.add(f"{action}_{'ok' if status_a in (302, 303) else status_a}")
        else:
            counters.add(f"checkout_failed_{status}")
        with lines_lock:
            lines.append(f"{n}\t{key}\t{order}\t{session}\t{path}\t{status}\t{pay}\t{tries}\t{retrying:.1f}\n")

    def worker():
        client = Client(args.base, counters, args.step_deadline)
        while True:
            with next_lock:
                n = next_n[0]
                if n >= args.orders:
                    break
                next_n[0] += 1
            buyer(client, n)
        client.close()

    start = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(args.threads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with open(args.out, "w") as out:
        out.writelines(sorted(lines, key=lambda line: int(line.split("\t", 1)[0])))
    print(json.dumps(dict(counters.values, seconds=round(time.monotonic() - start, 1), products=len(products))))


if __name__ == "__main__":
    main()
