#!/usr/bin/env python3
"""A faulty network between the dev gateway's webhooks and the app, for bench/chaos.sh.

The dev gateway posts its signed events here (-Dskillform.dev-gateway.webhook-url); each delivery is forwarded to the
app's webhook endpoint (--target) or not, as chosen from the event id, the how-manieth delivery of that event this is
and the seed — so one seed gives the same faults however the threads interleave:

  reject     answered 503, not forwarded (the gateway retries it later)
  lose       answered 200, never forwarded: the gateway thinks it delivered; only reconciliation can find it
  drop       forwarded, and after the app's 2xx the connection is closed without an answer (the gateway retries an
             event the app already has)
  duplicate  forwarded (the app's answer relayed), then 1 to --copies more copies, each after a random delay of up to
             --delay-ms: late, out of order with later events
  delay      answered 200 at once, forwarded once after a random delay of up to --delay-ms (out of order)
  pass       forwarded at once, the app's answer relayed

Rates (--reject, --lose, --drop, --duplicate, --delay) are shares of deliveries; pass is the rest. Late copies are
re-sent with the gateway's signature as received (Stripe's 300 s tolerance is far above --delay-ms). Copies due while
the app is down fail and are counted (forward_errors), like a PSP's attempt at a dead node.

GET /stats answers the counters as JSON. Everything on 127.0.0.1.
"""
import argparse
import hashlib
import heapq
import http.client
import json
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

KINDS = ("reject", "lose", "drop", "duplicate", "delay", "pass")


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.counts = {"deliveries": 0, "events": 0, "forwarded": 0, "forward_errors": 0, "late_copies": 0}
        self.counts.update({kind: 0 for kind in KINDS})
        self.answers = {}
        self.seen = {}

    def delivery(self, event_id):
        """Counts one delivery of an event; returns how many times it came before."""
        with self.lock:
            self.counts["deliveries"] += 1
            before = self.seen.get(event_id, 0)
            if before == 0:
                self.counts["events"] += 1
            self.seen[event_id] = before + 1
            return before

    def add(self, key, n=1):
        with self.lock:
            self.counts[key] = self.counts.get(key, 0) + n

    def answer(self, status):
        with self.lock:
            self.answers[str(status)] = self.answers.get(str(status), 0) + 1

    def snapshot(self):
        with self.lock:
            return dict(self.counts, app_answers=dict(self.answers))


class Later:
    """Forwards queued copies when they fall due, on a few worker threads (a heap ordered by due time)."""

    def __init__(self, forward, workers=8):
        self.forward = forward
        self.heap = []
        self.seq = 0
        self.cond = threading.Condition()
        for _ in range(workers):
            threading.Thread(target=self.work, daemon=True).start()

    def put(self, due, body, headers):
        with self.cond:
            self.seq += 1
            heapq.heappush(self.heap, (due, self.seq, body, headers))
            self.cond.notify()

    def work(self):
        while True:
            with self.cond:
                while not self.heap or self.heap[0][0] > time.monotonic():
                    self.cond.wait(None if not self.heap else max(0.0, self.heap[0][0] - time.monotonic()))
                _, _, body, headers = heapq.heappop(self.heap)
            self.forward(body, headers)


def unit(*parts) -> float:
    """A number in [0, 1) from the parts: the same parts, the same number."""
    digest = hashlib.sha256(":".join(str(p) for p in parts).encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2 ** 64


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--target", required=True, help="the app's webhook URL, e.g. http://127.0.0.1:8380/webhooks/dev-gateway")
    parser.add_argument("--seed", default="1")
    parser.add_argument("--reject", type=float, default=0.10)
    parser.add_argument("--lose", type=float, default=0.05)
    parser.add_argument("--drop", type=float, default=0.10)
    parser.add_argument("--duplicate", type=float, default=0.20)
    parser.add_argument("--delay", type=float, default=0.20)
    parser.add_argument("--copies", type=int, default=3, help="most extra copies of a duplicated delivery")
    parser.add_argument("--delay-ms", type=int, default=5000)
    args = parser.parse_args()
    if args.reject + args.lose + args.drop + args.duplicate + args.delay > 1:
        parser.error("the fault rates add up to more than 1")
    target = urllib.parse.urlsplit(args.target)
    stats = Stats()

    def forward(body, headers):
        """Posts one copy to the app; returns its status, or None when it could not be reached."""
        connection = http.client.HTTPConnection(target.hostname, target.port, timeout=15)
        try:
            connection.request("POST", target.path, body=body, headers=headers)
            response = connection.getresponse()
            response.read()
            stats.add("forwarded")
            stats.answer(response.status)
            return response.status
        except OSError:
            stats.add("forward_errors")
            return None
        finally:
            connection.close()

    later = Later(forward)

    def choose(event_id, nth):
        u = unit(args.seed, event_id, nth)
        for kind, rate in (("reject", args.reject), ("lose", args.lose), ("drop", args.drop),
                           ("duplicate", args.duplicate), ("delay", args.delay)):
            if u < rate:
                return kind
            u -= rate
        return "pass"

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *_):
            pass

        def reply(self, status, text=""):
            data = text.encode()
            self.send_response(status)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self):
            if self.path == "/stats":
                self.reply(200, json.dumps(stats.snapshot()))
            else:
                self.reply(404)

        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            headers = {name: self.headers[name] for name in ("Content-Type", "Stripe-Signature") if self.headers[name]}
            try:
                event_id = json.loads(body).get("id", "")
            except ValueError:
                event_id = ""
            nth = stats.delivery(event_id)
            kind = choose(event_id, nth)
            stats.add(kind)
            if kind == "reject":
                self.reply(503, "chaos: rejected")
            elif kind == "lose":
                self.reply(200, "chaos: lost")
            elif kind == "delay":
                later.put(time.monotonic() + unit(args.seed, event_id, nth, "delay") * args.delay_ms / 1000, body, headers)
                self.reply(200, "chaos: delayed")
            else:
                status = forward(body, headers)
                if kind == "drop" and status is not None and status // 100 == 2:
                    self.close_connection = True   # no answer: the gateway sees a broken connection
                    return
                if kind == "duplicate":
                    copies = 1 + int(unit(args.seed, event_id, nth, "copies") * args.copies)
                    for c in range(copies):
                        later.put(time.monotonic() + unit(args.seed, event_id, nth, "copy", c) * args.delay_ms / 1000,
                                  body, headers)
                    stats.add("late_copies", copies)
                if status is None:
                    self.reply(502, "chaos: the app did not answer")
                else:
                    self.reply(status)

    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    server.serve_forever()


if __name__ == "__main__":
    main()
