#!/usr/bin/env python3
"""Signed PSP webhook events for bench/webhooks.sh, one per line: "<Stripe-Signature header>\t<raw JSON body>".

  events  ORDERS.tsv OUT  one checkout.session.completed event per order (id, session, amount, currency, email
                          per TSV line), paying it in full; --copies 2 writes each event twice in a row (two
                          deliveries of one event, for the concurrent-duplicates run)
  unhandled COUNT OUT   COUNT distinct events of a type SkillForm stores but does not act on (no order, no queue)
  malformed OUT         one correctly signed body that is not a valid event (no "type"): refused with 400 after
                        the signature check and parsing, without touching the database
  resign  IN OUT          the same bodies (byte for byte) with a fresh signature: a PSP's redelivery; --only FILE
                          keeps the events whose id is listed in FILE (one per line)

Signatures follow Stripe's scheme: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>, signed "now", so
the file must be sent within the server's 300 s tolerance. The secret comes from WEBHOOK_SECRET.
"""
import argparse
import hashlib
import hmac
import json
import os
import sys
import time

SECRET = os.environ.get("WEBHOOK_SECRET", "whsec_skillform_dev_gateway").encode()


def signature(body: str, t: int) -> str:
    mac = hmac.new(SECRET, f"{t}.{body}".encode(), hashlib.sha256).hexdigest()
    return f"t={t},v1={mac}"


def event_body(event_id: str, order_id: str, session_id: str, amount: int, currency: str, email: str, now: int) -> str:
    # The shape the dev gateway (and Stripe) send; compact, so one event is one line.
    session = {
        "id": session_id,
        "object": "checkout.session",
        "amount_total": amount,
        "currency": currency.lower(),
        "client_reference_id": order_id,
        "customer_email": email,
        "metadata": {"order_id": order_id},
        "payment_intent": "pi_" + session_id[3:],
        "payment_status": "paid",
        "status": "complete",
        "created": now - 60,
        "expires_at": now + 86400,
    }
    event = {
        "id": event_id,
        "object": "event",
        "api_version": "2025-10-29.clover",
        "created": now,
        "livemode": False,
        "type": "checkout.session.completed",
        "data": {"object": session},
    }
    return json.dumps(event, separators=(",", ":"))


def events(args) -> None:
    now = int(time.time())
    count = 0
    with open(args.orders) as orders, open(args.out, "w") as out:
        for line in orders:
            if not line.strip():
                continue
            order_id, session_id, amount, currency, email = line.rstrip("\n").split("\t")
            body = event_body(f"{args.prefix}{order_id}", order_id, session_id, int(amount), currency, email, now)
            for _ in range(args.copies):
                out.write(f"{signature(body, now)}\t{body}\n")
            count += 1
    print(f"{count} events ({count * args.copies} deliveries) signed at t={now}", file=sys.stderr)


def unhandled(args) -> None:
    now = int(time.time())
    with open(args.out, "w") as out:
        for n in range(1, args.count + 1):
            event = {"id": f"{args.prefix}{n}", "object": "event", "api_version": "2025-10-29.clover", "created": now,
                     "livemode": False, "type": "customer.updated",
                     "data": {"object": {"id": f"cus_{args.prefix}{n}", "object": "customer", "email": f"c{n}@example.com"}}}
            body = json.dumps(event, separators=(",", ":"))
            out.write(f"{signature(body, now)}\t{body}\n")
    print(f"{args.count} unhandled events signed at t={now}", file=sys.stderr)


def malformed(args) -> None:
    now = int(time.time())
    body = json.dumps({"id": "evt_bench_malformed", "object": "event", "created": now, "data": {"object": {}}},
                      separators=(",", ":"))
    with open(args.out, "w") as out:
        out.write(f"{signature(body, now)}\t{body}\n")


def resign(args) -> None:
    only = None
    if args.only:
        with open(args.only) as f:
            only = {line.strip() for line in f if line.strip()}
    now = int(time.time())
    count = 0
    with open(args.inp) as inp, open(args.out, "w") as out:
        for line in inp:
            body = line.rstrip("\n").split("\t", 1)[1]
            if only is not None and json.loads(body)["id"] not in only:
                continue
            out.write(f"{signature(body, now)}\t{body}\n")
            count += 1
    print(f"{count} deliveries re-signed at t={now}", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    e = sub.add_parser("events")
    e.add_argument("orders")
    e.add_argument("out")
    e.add_argument("--prefix", required=True, help="event ids are PREFIX<order id>")
    e.add_argument("--copies", type=int, default=1)
    r = sub.add_parser("resign")
    r.add_argument("inp")
    r.add_argument("out")
    r.add_argument("--only")
    u = sub.add_parser("unhandled")
    u.add_argument("count", type=int)
    u.add_argument("out")
    u.add_argument("--prefix", required=True, help="event ids are PREFIX<n>")
    m = sub.add_parser("malformed")
    m.add_argument("out")
    args = parser.parse_args()
    {"events": events, "resign": resign, "unhandled": unhandled, "malformed": malformed}[args.command](args)


if __name__ == "__main__":
    main()
