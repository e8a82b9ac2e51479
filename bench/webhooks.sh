#!/usr/bin/env bash
# Webhook intake and payment processing, measured side by side in one run on one server:
#   trivial    = GET /robots.txt, a static file behind the same filters (the ceiling for this server and machine)
#   malformed  = a correctly signed body that is no event: HTTP + filters + signature check + JSON parse, then 400
#   unhandled  = distinct signed events of a type SkillForm stores but does not act on: + one INSERT, no JMS
#   fresh      = distinct signed checkout.session.completed events for real pending orders (created here in SQL):
#                + INSERT + SELECT + JMS send in one XA transaction; the payments MDB then marks each order PAID
#   paced      = the same at half of the sustainable rate: acknowledgement p99 and end-to-end time at normal load
#   replay     = every event stored by "fresh" delivered again (re-signed, same body): must be 2xx, "duplicate":true,
#                and change nothing
#   race       = fresh events each delivered twice at the same moment on two connections
# then drain times, end-to-end times (payment_event.received_at → processed_at, which is the moment the order
# became PAID) and integrity checks: one row per event, exactly one PENDING → PAID per order, nothing paid twice.
# Every delivery is a different (signed, fresh) event unless the phase is about duplicates.
#
# Usage: start the app (mvn -Pdev wildfly:run), then: bench/webhooks.sh [base-url]
# Env: BASE_URL (http://localhost:8080), CONNECTIONS (32), DURATION (20s, in seconds), THREADS (2),
#      EVENTS (40000: events generated for "fresh", more than it can send), RACE_EVENTS (5000),
#      PACED_RATE (auto: half of what the server sustains end to end), BREAKDOWN (1: run malformed and unhandled),
#      DRAIN_TIMEOUT (900 s), WEBHOOK_PATH (/webhooks/dev-gateway), WEBHOOK_SECRET (whsec_skillform_dev_gateway),
#      PROVIDER (DEV: the endpoint's payment_event.provider; the orders are placed with it), STORE (demo),
#      SERVER_LOG (/tmp/devrun.log, if readable), SERVER_PID / DB_PID (found from the listening ports; CPU figures
#      need both on this machine), DB_HOST (127.0.0.1), DB_PORT (3307), DB_USER (skillform), DB_PASSWORD (skillform),
#      DB_NAME (skillform).
# The bench's orders and events stay in the database (references wb<run>…, event ids evt_bench_<run>…).
set -euo pipefail

BASE=${1:-${BASE_URL:-http://localhost:8080}}
WEBHOOK_PATH=${WEBHOOK_PATH:-/webhooks/dev-gateway}
PROVIDER=${PROVIDER:-DEV}   # payment_event.provider of that endpoint
TRIVIAL=/robots.txt
CONNECTIONS=${CONNECTIONS:-32}
DURATION=${DURATION:-20s}
THREADS=${THREADS:-2}
EVENTS=${EVENTS:-40000}
RACE_EVENTS=${RACE_EVENTS:-5000}
PACED_RATE=${PACED_RATE:-}
BREAKDOWN=${BREAKDOWN:-1}
DRAIN_TIMEOUT=${DRAIN_TIMEOUT:-900}
STORE=${STORE:-demo}
SERVER_LOG=${SERVER_LOG:-/tmp/devrun.log}
DB_HOST=${DB_HOST:-127.0.0.1}
DB_PORT=${DB_PORT:-3307}
DB_USER=${DB_USER:-skillform}
DB_PASSWORD=${DB_PASSWORD:-skillform}
DB_NAME=${DB_NAME:-skillform}
export WEBHOOK_SECRET=${WEBHOOK_SECRET:-whsec_skillform_dev_gateway}
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/webhooks-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
# One id per run, in every order reference (wb<run><phase>…) and event id (evt_bench_<run><phase>_…).
RUN=$(od -An -N4 -tx4 /dev/urandom | tr -d ' \n' | cut -c1-7)

# sql, log, get, measure (wrk with CPU accounting), wrk and the MariaDB client: shared with the other bench scripts.
. "$HERE/lib.sh"
now_utc() { date -u '+%Y-%m-%d %H:%M:%S.%6N'; }

status=$(curl -s -o /dev/null -w '%{http_code}' "$BASE$TRIVIAL")
[ "$status" = 200 ] || { echo "$BASE$TRIVIAL answers $status; is the app running?" >&2; exit 1; }
# A correctly signed non-event: "Malformed event" proves the endpoint exists and the secret is right, and leaves no
# trace (a bad signature would log a warning).
python3 "$HERE/webhook-events.py" malformed "$WORK/m.txt"
answer=$(curl -s -X POST -H "Stripe-Signature: $(cut -f1 "$WORK/m.txt")" --data-binary "$(cut -f2- "$WORK/m.txt")" "$BASE$WEBHOOK_PATH")
[[ "$answer" == "Malformed event"* ]] || { echo "POST $BASE$WEBHOOK_PATH answers \"$answer\" (wrong WEBHOOK_SECRET, or no secret configured?)" >&2; exit 1; }
products=$(sql -e "SELECT COUNT(*) FROM product p JOIN store s ON s.id = p.store_id
                   WHERE s.handle = '$STORE' AND p.status = 'PUBLISHED' AND p.price_minor > 0")
[ "$products" -gt 0 ] || { echo "store '$STORE' has no published paid product (demo data?)" >&2; exit 1; }
log_start=$( [ -r "$SERVER_LOG" ] && wc -l < "$SERVER_LOG" || echo 0)

# Creates COUNT pending DEV-gateway orders for phase TAG, as a checkout would leave them (order, item, first
# history row, unique pending key and session), paying for the store's paid products in turn; writes
# "id session amount currency email" per order to OUT.
make_orders() {
    local tag=$1 count=$2 out=$3
    sql > "$out" <<SQL
SET @tag = '$tag';
CREATE TEMPORARY TABLE bench_product AS
  SELECT p.id, p.store_id, p.title, p.price_minor, p.price_currency, ROW_NUMBER() OVER (ORDER BY p.id) - 1 AS rn
  FROM product p JOIN store s ON s.id = p.store_id
  WHERE s.handle = '$STORE' AND p.status = 'PUBLISHED' AND p.price_minor > 0;
SET @products = (SELECT COUNT(*) FROM bench_product);
CREATE TEMPORARY TABLE bench_new AS
  SELECT CONCAT('wb', @tag, LPAD(q.seq, 12, '0')) AS reference, CONCAT('bench-', @tag, '-', q.seq, '@example.com') AS email,
         CONCAT('cs_bench_', @tag, '_', q.seq) AS session_id, p.*
  FROM seq_1_to_$count q JOIN bench_product p ON p.rn = q.seq % @products;
SET @now = UTC_TIMESTAMP(6);
INSERT INTO customer_order (reference, store_id, buyer_email, status, amount_minor, currency, gateway, psp_session_id,
                            pending_key, created_at, updated_at)
  SELECT reference, store_id, email, 'PENDING', price_minor, price_currency, '$PROVIDER', session_id,
         SHA2(CONCAT(email, '|', id), 256), @now, @now FROM bench_new;
INSERT INTO order_item (order_id, product_id, title, amount_minor, currency)
  SELECT o.id, n.id, n.title, n.price_minor, n.price_currency FROM bench_new n JOIN customer_order o ON o.reference = n.reference;
INSERT INTO order_transition (order_id, from_status, to_status, cause, at)
  SELECT o.id, NULL, 'PENDING', 'checkout started', @now FROM bench_new n JOIN customer_order o ON o.reference = n.reference;
SELECT o.id, o.psp_session_id, o.amount_minor, o.currency, o.buyer_email FROM customer_order o
  WHERE o.reference LIKE CONCAT('wb', @tag, '%') ORDER BY o.id;
SQL
}

webhook() { EVENTS_FILE=$1 measure "$BASE$WEBHOOK_PATH" -s "$HERE/webhook-events.lua"; }
warn_if_exhausted() {
    if [ "$(get sent "$1")" -ge "$(get available "$1")" ]; then
        echo "WARNING: $2 ran out of events before the end ($(get sent "$1") sent): its requests/s is understated; raise EVENTS" >&2
    fi
}

# Waits until no event of phase TAG is left RECEIVED; prints the seconds waited, or "timeout".
drain() {
    local tag=$1 waited=0
    while [ "$(sql -e "SELECT COUNT(*) FROM payment_event WHERE provider = '$PROVIDER' AND event_id LIKE 'evt_bench_${tag}\\_%' AND status = 'RECEIVED'")" -gt 0 ]; do
        if [ "$waited" -ge "$DRAIN_TIMEOUT" ]; then echo timeout; return; fi
        sleep 1; waited=$((waited + 1))
    done
    echo "$waited"
}

# Processing figures of phase TAG whose ingestion ended at END (UTC): "stored processed backlog_drain_s
# processing_rate e2e_p50 e2e_p90 e2e_p99 e2e_max" (ms; end-to-end = received_at → processed_at).
processing() {
    local tag=$1 end=$2
    local totals e2e
    totals=$(sql -e "SELECT COUNT(*), SUM(status = 'PROCESSED'),
                            ROUND(GREATEST(0, TIMESTAMPDIFF(MICROSECOND, '$end', MAX(processed_at)) / 1e6), 1),
                            ROUND(COUNT(*) / (TIMESTAMPDIFF(MICROSECOND, MIN(received_at), MAX(processed_at)) / 1e6))
                     FROM payment_event WHERE provider = '$PROVIDER' AND event_id LIKE 'evt_bench_${tag}\\_%'")
    e2e=$(sql -e "SELECT TIMESTAMPDIFF(MICROSECOND, received_at, processed_at) FROM payment_event
                  WHERE provider = '$PROVIDER' AND event_id LIKE 'evt_bench_${tag}\\_%' AND processed_at IS NOT NULL" | python3 -c '
import sys
v = sorted(int(x) / 1000 for x in sys.stdin if x.strip())
pick = lambda q: v[min(len(v) - 1, int(q * len(v)))] if v else float("nan")
print(f"{pick(.5):.1f} {pick(.9):.1f} {pick(.99):.1f} {pick(1):.1f}")')
    echo "$totals $e2e"
}

# Fingerprint of the orders and events of phase TAG: anything processed again changes it.
fingerprint() {
    sql -e "SELECT (SELECT CONCAT(COUNT(*), ':', SUM(version), ':', BIT_XOR(CRC32(CONCAT_WS('|', id, status, version, updated_at))))
                    FROM customer_order WHERE reference LIKE 'wb${1}%'),
                   (SELECT CONCAT(COUNT(*), ':', BIT_XOR(CRC32(CONCAT_WS('|', id, status, attempts, processed_at, version))))
                    FROM payment_event WHERE provider = '$PROVIDER' AND event_id LIKE 'evt_bench_${1}\\_%'),
                   (SELECT COUNT(*) FROM order_transition t JOIN customer_order o ON o.id = t.order_id
                    WHERE o.reference LIKE 'wb${1}%')" | tr '\t' ' '
}

log "run $RUN: creating pending orders (warm-up 3000, fresh $EVENTS)…"
make_orders "${RUN}w" 3000 "$WORK/orders-w.tsv"
make_orders "${RUN}f" "$EVENTS" "$WORK/orders-f.tsv"

log "warming up…"
wrk -t1 -c8 -d3s "$BASE$TRIVIAL" >/dev/null
python3 "$HERE/webhook-events.py" events "$WORK/orders-w.tsv" "$WORK/w.txt" --prefix "evt_bench_${RUN}w_" 2>/dev/null
DURATION=5s webhook "$WORK/w.txt" >/dev/null
log "warm-up backlog drained in $(drain "${RUN}w") s"

log "trivial $TRIVIAL…"
trivial=$(measure "$BASE$TRIVIAL")

if [ "$BREAKDOWN" = 1 ]; then
    log "malformed (signature + parse, 400)…"
    python3 "$HERE/webhook-events.py" malformed "$WORK/m.txt"   # freshly signed
    malformed=$(WRK_REPEAT=1 webhook "$WORK/m.txt")
    log "unhandled events (INSERT, no JMS)…"
    python3 "$HERE/webhook-events.py" unhandled "$EVENTS" "$WORK/u.txt" --prefix "evt_bench_${RUN}u_" 2>/dev/null
    unhandled=$(webhook "$WORK/u.txt")
    warn_if_exhausted "$unhandled" unhandled
fi

log "fresh events ($CONNECTIONS connections, $DURATION)…"
python3 "$HERE/webhook-events.py" events "$WORK/orders-f.tsv" "$WORK/f.txt" --prefix "evt_bench_${RUN}f_" 2>/dev/null
fresh_cpu_start=$(cpu_snapshot)
fresh=$(webhook "$WORK/f.txt")
fresh_end=$(now_utc)
fresh_cpu_ingested=$(cpu_snapshot)
warn_if_exhausted "$fresh" fresh
fresh_backlog=$(sql -e "SELECT COUNT(*) FROM payment_event WHERE provider = '$PROVIDER' AND event_id LIKE 'evt_bench_${RUN}f\\_%' AND status = 'RECEIVED'")
log "fresh: $(get rps "$fresh")/s acknowledged, $fresh_backlog events still queued at the end; draining…"
fresh_drain_wait=$(drain "${RUN}f")
fresh_cpu_end=$(cpu_snapshot)
read -r f_stored f_processed f_drain f_rate f_p50 f_p90 f_p99 f_max <<< "$(processing "${RUN}f" "$fresh_end")"
fresh_total_cpu=$(cpu_delta "$fresh_cpu_start" "$fresh_cpu_end" "$f_processed")
# Split of that CPU: the drain is the MDB alone (cost per event processed); during ingestion the MDB processed
# stored - backlog events, the rest is the intake's (cost per acknowledged event).
fresh_split=$(awk -v a="$fresh_cpu_start" -v b="$fresh_cpu_ingested" -v c="$fresh_cpu_end" -v stored="$f_stored" \
    -v backlog="$fresh_backlog" -v acked="$(( $(get requests "$fresh") - $(get non2xx "$fresh") ))" -v hz="$HZ" 'BEGIN {
    split(a, x, " "); split(b, y, " "); split(c, z, " ")
    if (backlog < 200) { print "backlog too small to split intake and processing CPU"; exit }
    mdb = 1000 * (z[3] - y[3]) / hz / backlog; mdb_db = 1000 * (z[4] - y[4]) / hz / backlog
    intake = (1000 * (y[3] - x[3]) / hz - (stored - backlog) * mdb) / acked
    intake_db = (1000 * (y[4] - x[4]) / hz - (stored - backlog) * mdb_db) / acked
    printf "intake %.2f ms server + %.2f ms database CPU per acknowledged event; processing (MDB) %.2f ms server + %.2f ms database per paid order", intake, intake_db, mdb, mdb_db
}')

# Half of what the server sustains end to end (the smaller of intake and processing rates).
if [ -z "$PACED_RATE" ]; then
    PACED_RATE=$(awk -v a="$(get rps "$fresh")" -v b="$f_rate" 'BEGIN { r = (a < b ? a : b) / 2; printf "%d", r < 1 ? 1 : r }')
fi
paced_events=$(awk -v r="$PACED_RATE" -v d="${DURATION%s}" 'BEGIN { printf "%d", r * d * 1.5 + 100 }')
log "paced at $PACED_RATE/s: creating $paced_events orders…"
make_orders "${RUN}p" "$paced_events" "$WORK/orders-p.tsv"
python3 "$HERE/webhook-events.py" events "$WORK/orders-p.tsv" "$WORK/p.txt" --prefix "evt_bench_${RUN}p_" 2>/dev/null
paced=$(RATE=$PACED_RATE webhook "$WORK/p.txt")
paced_end=$(now_utc)
warn_if_exhausted "$paced" paced
paced_drain_wait=$(drain "${RUN}p")
read -r p_stored p_processed p_drain p_rate p_p50 p_p90 p_p99 p_max <<< "$(processing "${RUN}p" "$paced_end")"

log "replay: every stored fresh event again…"
sql -e "SELECT event_id FROM payment_event WHERE provider = '$PROVIDER' AND event_id LIKE 'evt_bench_${RUN}f\\_%'" > "$WORK/stored-f.txt"
before=$(fingerprint "${RUN}f")
python3 "$HERE/webhook-events.py" resign "$WORK/f.txt" "$WORK/r.txt" --only "$WORK/stored-f.txt" 2>/dev/null
replay=$(WRK_CHECK_DUPLICATE=1 webhook "$WORK/r.txt")
sleep 5   # anything wrongly queued by the replay would be processed by now
after=$(fingerprint "${RUN}f")

log "race: $RACE_EVENTS events, each delivered twice at once…"
make_orders "${RUN}d" "$RACE_EVENTS" "$WORK/orders-d.tsv"
python3 "$HERE/webhook-events.py" events "$WORK/orders-d.tsv" "$WORK/d.txt" --prefix "evt_bench_${RUN}d_" --copies 2 2>/dev/null
race=$(WRK_CHECK_DUPLICATE=1 webhook "$WORK/d.txt")
race_end=$(now_utc)
race_drain_wait=$(drain "${RUN}d")
read -r d_stored d_processed d_drain d_rate d_p50 d_p90 d_p99 d_max <<< "$(processing "${RUN}d" "$race_end")"

log "integrity checks…"
# Event ids end in the order id they pay; the bench's orders are exactly those with reference wb<run>…. Indexed
# temporary tables: the tables grow with every run.
read -r dup_rows paid_twice stuck not_paid paid_without retried <<< "$(sql <<SQL
CREATE TEMPORARY TABLE bench_ev (order_id BIGINT NOT NULL, INDEX (order_id))
  SELECT CAST(SUBSTRING_INDEX(event_id, '_', -1) AS UNSIGNED) AS order_id, status, attempts, last_error IS NOT NULL AS failed
  FROM payment_event WHERE provider = '$PROVIDER' AND event_id LIKE 'evt_bench_${RUN}%' AND type = 'checkout.session.completed';
CREATE TEMPORARY TABLE bench_ord (id BIGINT NOT NULL PRIMARY KEY)
  SELECT id, status FROM customer_order WHERE reference LIKE 'wb${RUN}%';
CREATE TEMPORARY TABLE bench_paid (order_id BIGINT NOT NULL PRIMARY KEY)
  SELECT t.order_id, COUNT(*) AS n FROM order_transition t JOIN bench_ord o ON o.id = t.order_id
  WHERE t.to_status = 'PAID' GROUP BY t.order_id;
SELECT (SELECT COUNT(*) FROM (SELECT event_id FROM payment_event WHERE provider = '$PROVIDER' AND event_id LIKE 'evt_bench_${RUN}%'
                              GROUP BY event_id HAVING COUNT(*) > 1) x),
       (SELECT COUNT(*) FROM bench_paid WHERE n <> 1),
       (SELECT COUNT(*) FROM bench_ev WHERE status <> 'PROCESSED'),
       (SELECT COUNT(*) FROM bench_ev e JOIN bench_ord o ON o.id = e.order_id WHERE o.status <> 'PAID'),
       (SELECT COUNT(*) FROM bench_ord o WHERE o.status = 'PAID' AND NOT EXISTS (SELECT 1 FROM bench_ev e WHERE e.order_id = o.id)),
       (SELECT COUNT(*) FROM bench_ev WHERE attempts > 1 OR failed);
SQL
)"
outcomes=$(sql -e "SELECT CONCAT(outcome, ': ', COUNT(*)) FROM payment_event WHERE provider = '$PROVIDER' AND event_id LIKE 'evt_bench_${RUN}%'
                   AND type = 'checkout.session.completed' GROUP BY outcome" | paste -sd ';' | sed 's/;/; /g')

row() {  # name, measure output[, rps key]: a rate marked * ran out of deliveries before the end (understated)
    local rps
    rps=$(get "${3:-rps}" "$2")
    if [ -n "$(get available "$2")" ] && [ "$(get sent "$2")" -ge "$(get available "$2")" ] && [ "$(get available "$2")" -gt 1 ]; then
        rps="$rps*"
    fi
    printf '%-42s %8s %8s %8s %8s %7s %6s %9s %6s %7s %7s %6s\n' "$1" "$rps" "$(get p50 "$2")" "$(get p99 "$2")" \
        "$(get requests "$2")" "$(get non2xx "$2")" "$(get errors "$2")" "$(get server_ms "$2")" "$(get db_ms "$2")" \
        "$(get server_cores "$2")" "$(get db_cores "$2")" "$(get other_cores "$2")"
}
echo
echo "run $RUN against $BASE$WEBHOOK_PATH, $CONNECTIONS connections, $THREADS wrk threads, $DURATION per phase"
printf '%-42s %8s %8s %8s %8s %7s %6s %9s %6s %7s %7s %6s\n' "phase" "req/s" "p50 ms" "p99 ms" "requests" "non-2xx" "errors" \
    "server ms" "db ms" "server" "db" "other"
row "trivial GET $TRIVIAL" "$trivial"
if [ "$BREAKDOWN" = 1 ]; then
    row "malformed (signature + parse → 400)" "$malformed" all_rps
    row "unhandled events (INSERT, no JMS)" "$unhandled"
fi
row "fresh checkout.session.completed" "$fresh"
row "paced at $PACED_RATE/s" "$paced"
row "replay of $(wc -l < "$WORK/stored-f.txt") stored events" "$replay"
row "race: $RACE_EVENTS events × 2 at once" "$race"
echo "(req/s: 2xx answers per second; for malformed, all answers (400 is its expected answer). * = ran out of"
echo " deliveries before the end of the phase, so the rate is understated. server ms / db ms: CPU time of the server"
echo " JVM (pid ${SERVER_PID:-?}) / database (pid ${DB_PID:-?}) per answer during the phase, MDB work included;"
echo " server / db / other: cores each used during the phase, of $(nproc); other = wrk and everyone else on the machine)"
echo
echo "processing (payments MDB; end-to-end = received_at → processed_at = order PAID)"
printf '%-10s %8s %10s %12s %16s %9s %9s %9s %9s\n' phase stored processed "drain s" "processed/s" "e2e p50" "e2e p90" "e2e p99" "e2e max"
printf '%-10s %8s %10s %12s %16s %9s %9s %9s %9s\n' fresh "$f_stored" "$f_processed" "$f_drain" "$f_rate" "$f_p50" "$f_p90" "$f_p99" "$f_max"
printf '%-10s %8s %10s %12s %16s %9s %9s %9s %9s\n' paced "$p_stored" "$p_processed" "$p_drain" "$p_rate" "$p_p50" "$p_p90" "$p_p99" "$p_max"
printf '%-10s %8s %10s %12s %16s %9s %9s %9s %9s\n' race "$d_stored" "$d_processed" "$d_drain" "$d_rate" "$d_p50" "$d_p90" "$d_p99" "$d_max"
echo "(drain s: from the end of the phase's deliveries to the last order paid; processed/s: events over first received"
echo " to last paid; fresh backlog at its end: $fresh_backlog;"
echo " drain waits: fresh $fresh_drain_wait s, paced $paced_drain_wait s, race $race_drain_wait s)"
echo
echo "fresh, ingestion + drain: $(get server_ms "$fresh_total_cpu") ms server CPU and $(get db_ms "$fresh_total_cpu") ms database CPU per paid order:"
echo "  $fresh_split"
echo
echo "duplicates"
fresh_ok=$(( $(get requests "$fresh") - $(get non2xx "$fresh") - $(get fillers "$fresh") ))
echo "fresh: $fresh_ok deliveries acknowledged, $f_stored events stored (more stored than acknowledged, by at most"
echo "       $CONNECTIONS, are requests still in flight when wrk stopped; fewer would mean an event sent twice)"
echo "replay: $(get duplicate "$replay") answered duplicate, $(get stored "$replay") stored anew (want 0), $(get other "$replay") other answers"
if [ "$before" = "$after" ]; then
    echo "replay: fresh orders, events and history unchanged ($after)"
else
    echo "replay: fresh orders/events CHANGED: before $before, after $after"
fi
echo "race: $(get stored "$race") answered stored, $(get duplicate "$race") answered duplicate, $(get other "$race") other answers;"
echo "      $d_stored distinct events stored from $(get sent "$race") deliveries (each event twice, the copies on two threads;"
echo "      answers lag by the requests in flight when wrk stopped)"
echo "(other answers: neither; the /robots.txt fillers of connections that ran out are among them: $(get fillers "$replay") / $(get fillers "$race"))"
echo "rows per event id > 1: $dup_rows; orders with PAID transitions <> 1: $paid_twice; events not PROCESSED: $stuck;"
echo "stored events whose order is not PAID: $not_paid; PAID orders without an event: $paid_without; events retried or failed: $retried"
echo "outcomes: $outcomes"
echo
awk -v f="$(get rps "$fresh")" -v t="$(get rps "$trivial")" -v p99="$(get p99 "$fresh")" -v pp99="$(get p99 "$paced")" \
    -v bad="$(( $(get non2xx "$fresh") + $(get non2xx "$paced") + $(get non2xx "$replay") + $(get non2xx "$race") ))" \
    -v dups="$(( paid_twice + dup_rows ))" -v rate="$f_rate" 'BEGIN {
    printf "fresh events / trivial throughput: %.1f%%\n", 100 * f / t
    printf "acknowledged: %.0f events/s (target >= 500), p99 %.1f ms at peak, %.1f ms paced (target < 50 ms)\n", f, p99, pp99
    printf "processed (orders paid): %.0f events/s\n", rate
    printf "non-2xx on valid events: %d; duplicates processed: %d (target 0)\n", bad, dups
}'
if [ -r "$SERVER_LOG" ]; then
    echo
    echo "server log during the run ($SERVER_LOG): warnings/errors by logger"
    warnings=$(tail -n +"$((log_start + 1))" "$SERVER_LOG" | sed -E 's/\x1b\[[0-9;]*m//g' | grep -aE '^[0-9:,]+ +(WARN|WARNING|ERROR|SEVERE) ' \
        | sed -E 's/^[0-9:,]+ +([A-Z]+) +\[([^]]+)\].*/\1 [\2]/' | sort | uniq -c | sort -rn | head -10 || true)
    echo "${warnings:-    none}"
fi
