#!/usr/bin/env bash
# Chaos run: nothing lost, nothing doubled, whatever the network and a crash do. On a server and database of its own,
# in one go:
#   buyers    ORDERS checkouts through the API (POST /api/v1/checkouts with an Idempotency-Key), each paid on the dev
#             gateway (POST /dev-gateway/sessions/<id>/pay) from THREADS threads; some have a card declined first,
#             some walk away (bench/chaos-buyers.py). A buyer whose request gets no answer tries again, as a
#             storefront would, with the same key.
#   network   the gateway's webhooks go through a proxy of our own (bench/chaos-proxy.py) that answers some 503
#             unforwarded, acknowledges some and never forwards them (lost), forwards some and breaks the connection
#             after the app's 2xx (the gateway sends again), delivers some again 1-3 times late and out of order, and
#             delays some; the gateway itself sends some twice too.
#   crash     once KILL_AT of the orders are paid at the PSP (with KILL_DURING=pass, at the next moment a
#             reconciliation pass holds its lease), the server is killed with SIGKILL — webhooks the gateway had
#             queued in memory die with it — and started again on the same data. Buyers meanwhile get no answers
#             and keep trying.
#   healing   reconciliation every 20 s for orders pending over 30 s; the script waits until every order the PSP
#             took money for is paid here, no payment event is left unapplied and every receipt is sent.
# Then it checks from the database — the dev gateway's own tables (dev_gateway_*) being the PSP's truth — that every
# order the buyer paid is paid exactly once (one PAID transition, one capture transaction, one event applied, one
# paid session), nothing is paid that the PSP did not take, every ledger transaction balances, the trial balance
# (the app's own run after healing, and its queries here) is clean, every paid order has one receipt and nothing the
# PSP took money for is left pending; it prints the figures and how long healing took (from the kill to the last
# order paid that the PSP had taken before it), and exits 1 when an invariant fails or healing took longer than
# HEAL_TARGET seconds after the restart.
#
# Usage: bench/chaos.sh (from any directory; builds the dev run's WAR with mvn -o if target/ has no server or no such WAR).
# Its server (target/wildfly-39.0.1.Final with a base directory of its own) listens on 127.0.0.1:8380 (port offset
# 300; management 10290), its database (Debian's mariadb-server, installed with apt if missing) on 127.0.0.1:13606,
# the proxy on 18380, the mail catcher on 2825: nothing the dev run (8080/3307) or the tests (8180/13306) use.
# Env: ORDERS (5000), THREADS (12), SEED (1: the same faults and buyer paths for the same seed), KILL_AT (0.4),
#      KILL_DURING (pass | any), DOWN_SECONDS (5: between the kill and the restart), HEAL_TARGET (120 s after the
#      restart), HEAL_TIMEOUT (600 s after the restart: then the run fails), STEP_DEADLINE (360 s a buyer keeps trying
#      one step), DECLINE_RATE (0.10), ABANDON_RATE (0.05), WEBHOOK_REJECT (0.10), WEBHOOK_LOSE (0.05),
#      WEBHOOK_DROP (0.10), WEBHOOK_DUPLICATE (0.20), WEBHOOK_COPIES (3), WEBHOOK_DELAY (0.20), WEBHOOK_DELAY_MS
#      (5000), GATEWAY_DUPLICATE_RATE (0.3), RECONCILE_INTERVAL (20), PENDING_AFTER (30), JAVA_XMX (1g), JAVA_EXTRA (more JVM options,
#      e.g. -XX:StartFlightRecording=dumponexit=true,filename=/tmp/chaos.jfr to profile), BUILD (auto |
#      1 | 0), KEEP (0; 1 keeps the work directory — server log, database, buyers' lines — which a failed run keeps
#      anyway).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
ORDERS=${ORDERS:-5000}
THREADS=${THREADS:-12}
SEED=${SEED:-1}
KILL_AT=${KILL_AT:-0.4}
KILL_DURING=${KILL_DURING:-pass}
DOWN_SECONDS=${DOWN_SECONDS:-5}
HEAL_TARGET=${HEAL_TARGET:-120}
HEAL_TIMEOUT=${HEAL_TIMEOUT:-600}
STEP_DEADLINE=${STEP_DEADLINE:-360}
DECLINE_RATE=${DECLINE_RATE:-0.10}
ABANDON_RATE=${ABANDON_RATE:-0.05}
WEBHOOK_REJECT=${WEBHOOK_REJECT:-0.10}
WEBHOOK_LOSE=${WEBHOOK_LOSE:-0.05}
WEBHOOK_DROP=${WEBHOOK_DROP:-0.10}
WEBHOOK_DUPLICATE=${WEBHOOK_DUPLICATE:-0.20}
WEBHOOK_COPIES=${WEBHOOK_COPIES:-3}
WEBHOOK_DELAY=${WEBHOOK_DELAY:-0.20}
WEBHOOK_DELAY_MS=${WEBHOOK_DELAY_MS:-5000}
GATEWAY_DUPLICATE_RATE=${GATEWAY_DUPLICATE_RATE:-0.3}
RECONCILE_INTERVAL=${RECONCILE_INTERVAL:-20}
PENDING_AFTER=${PENDING_AFTER:-30}
TRIAL_BALANCE_INTERVAL=30
JAVA_XMX=${JAVA_XMX:-1g}
JAVA_EXTRA=${JAVA_EXTRA:-}
BUILD=${BUILD:-auto}
KEEP=${KEEP:-0}
PORT_OFFSET=300
HTTP_PORT=$((8080 + PORT_OFFSET))
MANAGEMENT_PORT=$((9990 + PORT_OFFSET))
PROXY_PORT=18380
SMTP_PORT=2825
BASE=http://127.0.0.1:$HTTP_PORT
WILDFLY_HOME=$ROOT/target/wildfly-39.0.1.Final
WAR=$ROOT/target/skillform.war
PAID="'PAID', 'REFUNDED', 'PARTIALLY_REFUNDED', 'DISPUTED'"   # statuses of an order that was paid
RUN=$(od -An -N4 -tx4 /dev/urandom | tr -d ' \n' | cut -c1-7)

WORK=$(mktemp -d "${TMPDIR:-/tmp}/skillform-chaos.XXXXXX")
DB_HOST=127.0.0.1
DB_PORT=13606
DB_USER=skillform
DB_PASSWORD=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
DB_NAME=skillform
DB_SOCKET=$WORK/mariadb.sock
SERVER_BASE=$WORK/server
# Our own processes only, by the ids we started them with (lib.sh's SERVER_PID / DB_PID are whoever listens on a port).
JVM_PID= PROXY_PID= BUYERS_PID= MARIADB_PID=

stop_server() {
    [ -n "$JVM_PID" ] || return 0
    kill "-$1" "$JVM_PID" 2>/dev/null || true
    for _ in $(seq 120); do kill -0 "$JVM_PID" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$JVM_PID" 2>/dev/null && kill -KILL "$JVM_PID" 2>/dev/null
    JVM_PID=
}

# Stops what this script started (by the ids it recorded), then removes the work directory unless it is to be kept.
cleanup() {
    local status=$?
    set +e
    [ -z "$BUYERS_PID" ] || kill "$BUYERS_PID" 2>/dev/null
    [ -z "$PROXY_PID" ] || kill "$PROXY_PID" 2>/dev/null
    stop_server TERM
    if [ -n "$MARIADB_PID" ] && kill "$MARIADB_PID" 2>/dev/null; then
        for _ in $(seq 60); do kill -0 "$MARIADB_PID" 2>/dev/null || break; sleep 0.5; done
    fi
    if [ "$KEEP" = 1 ] || [ "$status" -ne 0 ]; then
        echo "work directory kept: $WORK (server log: $SERVER_BASE/log/server.log)" >&2
    else
        rm -rf "$WORK"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

BENCH_NEEDS_WRK=0
# sql, log, get, trial_balance and the MariaDB client: shared with the other bench scripts.
. "$HERE/lib.sh"
utc_now() { date -u '+%Y-%m-%d %H:%M:%S.%6N'; }
seconds_between() { sql -e "SELECT ROUND(TIMESTAMPDIFF(MICROSECOND, '$1', '$2') / 1e6, 1)"; }
fail() { echo "chaos: $*" >&2; exit 1; }

for port in "$HTTP_PORT" "$MANAGEMENT_PORT" "$DB_PORT" "$PROXY_PORT" "$SMTP_PORT"; do
    [ -z "$(ss -ltnH "sport = :$port")" ] || fail "port $port is in use (another chaos run?)"
done

# --- the server and the database ---------------------------------------------------------------------------------
# The dev run's WAR: it carries the dev mail catcher (the shipped WAR has no SMTP server), so receipts go somewhere.
# (unzip's own match, not a pipe into grep -q: under pipefail the early exit of grep fails the pipe.)
dev_war() { [ -f "$WAR" ] && unzip -l "$WAR" 'WEB-INF/classes/io/skillform/mail/DevMailCatcher.class' >/dev/null 2>&1; }
if [ "$BUILD" = 1 ] || { [ "$BUILD" = auto ] && { ! dev_war || [ ! -f "$WILDFLY_HOME/standalone/configuration/skillform.xml" ]; }; }; then
    log "building the dev run's WAR (mvn -o -Pdev package, without its database)…"
    (cd "$ROOT" && mvn -B -o -q -Pdev -Ddev.db.external=true package) >&2
fi
dev_war && [ -f "$WILDFLY_HOME/standalone/configuration/skillform.xml" ] || fail "no dev-run $WAR or configured server; build first (BUILD=1)"

if ! command -v mariadbd >/dev/null; then
    log "installing Debian's mariadb-server…"
    apt-get install -y -qq mariadb-server >/dev/null || { apt-get update -qq && apt-get install -y -qq mariadb-server >/dev/null; }
fi
log "work directory $WORK; starting the database on $DB_HOST:$DB_PORT…"
mariadb-install-db --no-defaults --datadir="$WORK/mariadb" --auth-root-authentication-method=socket \
    --auth-root-socket-user="$(id -un)" --user="$(id -un)" --skip-test-db > "$WORK/mariadb-install.log" 2>&1
mariadbd --no-defaults --datadir="$WORK/mariadb" --port="$DB_PORT" --bind-address=127.0.0.1 --socket="$DB_SOCKET" \
    --pid-file="$WORK/mariadb.pid" --user="$(id -un)" --skip-name-resolve --character-set-server=utf8mb4 \
    --collation-server=utf8mb4_unicode_ci --max-connections=300 --log-error="$WORK/mariadb.err" > /dev/null 2>&1 &
MARIADB_PID=$!
root_sql() { mysql --no-defaults -S "$DB_SOCKET" -uroot "$@"; }
for _ in $(seq 120); do root_sql -e "SELECT 1" >/dev/null 2>&1 && break; kill -0 "$MARIADB_PID" 2>/dev/null || break; sleep 0.5; done
root_sql -e "SELECT 1" >/dev/null 2>&1 || fail "the database did not start: $(tail -5 "$WORK/mariadb.err")"
root_sql <<SQL
CREATE DATABASE skillform CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER 'skillform'@'127.0.0.1' IDENTIFIED BY '$DB_PASSWORD';
GRANT ALL ON skillform.* TO 'skillform'@'127.0.0.1';
SQL

mkdir -p "$SERVER_BASE/deployments"
cp -r "$WILDFLY_HOME/standalone/configuration" "$SERVER_BASE/configuration"
cp "$WAR" "$SERVER_BASE/deployments/skillform.war"
SERVER_PROPS=(
    -Dskillform.base-url="$BASE" -Dskillform.demo-data=true -Dskillform.storage.dir="$WORK/storage"
    -Dskillform.dev-mail=true -Dskillform.smtp.port="$SMTP_PORT"
    -Dskillform.payments.gateway=dev -Dskillform.dev-gateway.enabled=true
    -Dskillform.dev-gateway.webhook-url="http://127.0.0.1:$PROXY_PORT/webhooks/dev-gateway"
    -Dskillform.dev-gateway.duplicate-rate="$GATEWAY_DUPLICATE_RATE"
    -Dskillform.reconcile.interval-seconds="$RECONCILE_INTERVAL" -Dskillform.reconcile.pending-after-seconds="$PENDING_AFTER"
    -Dskillform.ledger.trial-balance-interval-seconds="$TRIAL_BALANCE_INTERVAL"
    # Thousands of checkouts from one address in minutes: far above what a real storefront's address may send.
    -Dskillform.api.rate-limit.address-per-minute=1000000 -Dskillform.api.rate-limit.token-per-minute=1000000
)
# Starts WildFly on the same base directory (its data, the broker's journal and the deployment survive a kill) and
# waits (at most 5 minutes) until the API answers; sets JVM_PID.
start_server() {
    local life=$1
    rm -f "$WORK/server.pid"
    LAUNCH_JBOSS_IN_BACKGROUND=1 JBOSS_PIDFILE="$WORK/server.pid" \
        JAVA_OPTS="-Xms256m -Xmx$JAVA_XMX -XX:MaxMetaspaceSize=512m -Djava.net.preferIPv4Stack=true -Djava.awt.headless=true $JAVA_EXTRA" \
        SKILLFORM_DB_URL="jdbc:mysql://$DB_HOST:$DB_PORT/$DB_NAME?useSSL=false&allowPublicKeyRetrieval=true" \
        SKILLFORM_DB_USER="$DB_USER" SKILLFORM_DB_PASSWORD="$DB_PASSWORD" \
        "$WILDFLY_HOME/bin/standalone.sh" -c skillform.xml -Djboss.server.base.dir="$SERVER_BASE" \
        -Djboss.socket.binding.port-offset="$PORT_OFFSET" -b 127.0.0.1 -bmanagement 127.0.0.1 "${SERVER_PROPS[@]}" \
        > "$WORK/server-$life.out" 2>&1 &
    for _ in $(seq 600); do
        [ -n "$JVM_PID" ] || JVM_PID=$(cat "$WORK/server.pid" 2>/dev/null || true)
        [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/api/v1/stores/demo/products?limit=1")" = 200 ] && return 0
        if [ -n "$JVM_PID" ] && ! kill -0 "$JVM_PID" 2>/dev/null; then break; fi
        sleep 0.5
    done
    fail "the server did not come up: $(tail -5 "$SERVER_BASE/log/server.log" 2>/dev/null)"
}

python3 "$HERE/chaos-proxy.py" --port "$PROXY_PORT" --target "$BASE/webhooks/dev-gateway" --seed "$SEED" \
    --reject "$WEBHOOK_REJECT" --lose "$WEBHOOK_LOSE" --drop "$WEBHOOK_DROP" --duplicate "$WEBHOOK_DUPLICATE" \
    --copies "$WEBHOOK_COPIES" --delay "$WEBHOOK_DELAY" --delay-ms "$WEBHOOK_DELAY_MS" 2> "$WORK/proxy.err" &
PROXY_PID=$!
log "starting the server on $BASE (schema and demo data on first start)…"
boot_start=$(ms_now)
start_server 1
log "server up in $(( ($(ms_now) - boot_start) / 1000 )) s"

# --- buyers, and the crash in the middle ---------------------------------------------------------------------------
psp_paid() { sql -e "SELECT COUNT(*) FROM dev_gateway_session WHERE payment_status = 'paid'"; }
kill_count=$(awk -v n="$ORDERS" -v f="$KILL_AT" 'BEGIN { printf "%d", n * f }')
log "run $RUN: $ORDERS buyers on $THREADS threads; the kill comes after $kill_count payments at the PSP…"
load_start=$(utc_now)
python3 "$HERE/chaos-buyers.py" --base "$BASE" --orders "$ORDERS" --threads "$THREADS" --run "$RUN" --seed "$SEED" \
    --decline "$DECLINE_RATE" --abandon "$ABANDON_RATE" --step-deadline "$STEP_DEADLINE" --out "$WORK/buyers.tsv" \
    > "$WORK/buyers.json" 2> "$WORK/buyers.err" &
BUYERS_PID=$!
# Bounded by the buyers: they end (they give up on a step after STEP_DEADLINE), and so does this wait.
while [ "$(psp_paid)" -lt "$kill_count" ]; do
    kill -0 "$BUYERS_PID" 2>/dev/null || fail "the buyers stopped before $kill_count payments: $(tail -3 "$WORK/buyers.err")"
    sleep 0.5
done
lease_held() { sql -e "SELECT COUNT(*) FROM job_lease WHERE name = 'reconciliation' AND holder IS NOT NULL AND leased_until > UTC_TIMESTAMP(6)"; }
in_pass=0
if [ "$KILL_DURING" = pass ]; then
    # The worst moment: a reconciliation pass has the lease (at most an interval and a pass away).
    for _ in $(seq $(( (RECONCILE_INTERVAL + 60) * 10 ))); do
        [ "$(lease_held)" = 1 ] && { in_pass=1; break; }
        sleep 0.1
    done
    [ "$in_pass" = 1 ] || log "no reconciliation pass began within $((RECONCILE_INTERVAL + 60)) s; killing anyway"
else
    in_pass=$(lease_held)
fi
kill -KILL "$JVM_PID"
kill_at=$(utc_now)
killed_pid=$JVM_PID
for _ in $(seq 60); do kill -0 "$killed_pid" 2>/dev/null || break; sleep 0.5; done
JVM_PID=
read -r at_kill_psp at_kill_here <<< "$(sql -e "SELECT (SELECT COUNT(*) FROM dev_gateway_session WHERE payment_status = 'paid'),
                                                     (SELECT COUNT(*) FROM customer_order WHERE status IN ($PAID))")"
lease_at_kill=$(sql -e "SELECT CONCAT(COALESCE(holder, 'free'), ' until ', leased_until) FROM job_lease WHERE name = 'reconciliation'")
log "killed the server (pid $killed_pid, SIGKILL) at $kill_at: $at_kill_psp paid at the PSP, $at_kill_here paid here; reconciliation lease: $lease_at_kill"
sleep "$DOWN_SECONDS"
start_server 2
ready_at=$(utc_now)
log "server up again at $ready_at ($(seconds_between "$kill_at" "$ready_at") s after the kill)"

wait "$BUYERS_PID" || fail "the buyers failed: $(tail -3 "$WORK/buyers.err")"
BUYERS_PID=
load_end=$(utc_now)
log "buyers done: $(cat "$WORK/buyers.json")"

# --- healing -------------------------------------------------------------------------------------------------------
# Bounded by HEAL_TIMEOUT after the restart.
outstanding() {
    sql -e "SELECT (SELECT COUNT(*) FROM dev_gateway_session s JOIN customer_order o ON o.id = CAST(s.order_ref AS UNSIGNED)
                    WHERE s.payment_status = 'paid' AND o.status NOT IN ($PAID)),
                   (SELECT COUNT(*) FROM payment_event WHERE status = 'RECEIVED'),
                   (SELECT COUNT(*) FROM outbound_mail WHERE status = 'PENDING')"
}
healed=0
while :; do
    read -r unpaid unsettled unsent <<< "$(outstanding)"
    if [ "$unpaid" = 0 ] && [ "$unsettled" = 0 ] && [ "$unsent" = 0 ]; then healed=1; break; fi
    [ "$(sql -e "SELECT UTC_TIMESTAMP(6) > '$ready_at' + INTERVAL $HEAL_TIMEOUT SECOND")" = 0 ] || break
    log "waiting: $unpaid orders paid at the PSP and not here, $unsettled events unapplied, $unsent mails unsent"
    sleep 5
done
healed_at=$(utc_now)
log "$( [ "$healed" = 1 ] && echo healed || echo "NOT healed after $HEAL_TIMEOUT s") at $healed_at; waiting for a trial balance run…"
# The app's own trial balance, started after healing (every TRIAL_BALANCE_INTERVAL s).
for _ in $(seq $((TRIAL_BALANCE_INTERVAL * 3))); do
    [ "$(sql -e "SELECT COUNT(*) FROM trial_balance_run WHERE started_at > '$healed_at'")" = 0 ] || break
    sleep 1
done
app_trial=$(sql -e "SELECT CONCAT(problems, ' problems in ', transactions, ' transactions, ', postings, ' postings')
                    FROM trial_balance_run WHERE started_at > '$healed_at' ORDER BY id LIMIT 1")
app_trial_problems=$(sql -e "SELECT problems FROM trial_balance_run WHERE started_at > '$healed_at' ORDER BY id LIMIT 1")
trial_balance > "$WORK/trial.txt"
sql_trial_problems=$(awk '$1 != "total" && $1 != "counts" { n += $2 } END { print n + 0 }' "$WORK/trial.txt")
proxy_stats=$(curl -s "http://127.0.0.1:$PROXY_PORT/stats")

# --- the checks ----------------------------------------------------------------------------------------------------
# The PSP's truth: sessions paid (dev_gateway_session), when (the checkout.session.completed event's time). Orders of
# this run: buyer addresses chaos-<run>-<n>@example.test. Indexed temporary tables, one connection.
sql > "$WORK/figures.txt" <<SQL
CREATE TEMPORARY TABLE c_ord (id BIGINT NOT NULL PRIMARY KEY, email VARCHAR(254) NOT NULL, INDEX (email))
  SELECT id, buyer_email AS email, status, paid_at, status IN ($PAID) AS paid FROM customer_order
  WHERE buyer_email LIKE 'chaos-$RUN-%';
CREATE TEMPORARY TABLE c_completed (session_id VARCHAR(64) NOT NULL PRIMARY KEY)
  SELECT JSON_VALUE(payload, '$.data.object.id') AS session_id, MIN(created_at) AS at FROM dev_gateway_event
  WHERE type = 'checkout.session.completed' GROUP BY 1;
CREATE TEMPORARY TABLE c_psp (order_id BIGINT NOT NULL PRIMARY KEY)
  SELECT CAST(s.order_ref AS UNSIGNED) AS order_id, COUNT(*) AS sessions, MIN(e.at) AS at
  FROM dev_gateway_session s LEFT JOIN c_completed e ON e.session_id = s.id WHERE s.payment_status = 'paid' GROUP BY 1;
CREATE TEMPORARY TABLE c_paid_moves (order_id BIGINT NOT NULL PRIMARY KEY)
  SELECT t.order_id, COUNT(*) AS n, MIN(t.cause LIKE 'reconciliation%') AS by_reconciliation
  FROM order_transition t JOIN c_ord o ON o.id = t.order_id WHERE t.to_status = 'PAID' GROUP BY t.order_id;
CREATE TEMPORARY TABLE c_captures (order_id BIGINT NOT NULL PRIMARY KEY)
  SELECT t.order_id, SUM(t.kind = 'SALE') AS sales, SUM(t.kind = 'PSP_FEE') AS psp_fees
  FROM ledger_transaction t JOIN c_ord o ON o.id = t.order_id GROUP BY t.order_id;
CREATE TEMPORARY TABLE c_events (id BIGINT NOT NULL PRIMARY KEY, order_id BIGINT NULL, INDEX (order_id))
  SELECT id, CAST(JSON_VALUE(payload, '$.data.object.metadata.order_id') AS UNSIGNED) AS order_id, type, source, status,
         outcome, received_at, processed_at FROM payment_event WHERE provider = 'DEV' AND received_at >= '$load_start';
CREATE TEMPORARY TABLE c_applied (order_id BIGINT NOT NULL PRIMARY KEY)
  SELECT order_id, COUNT(*) AS n FROM c_events WHERE outcome LIKE 'paid%' GROUP BY order_id;
CREATE TEMPORARY TABLE c_mails (email VARCHAR(254) NOT NULL PRIMARY KEY)
  SELECT m.recipient AS email, COUNT(*) AS n, SUM(m.status = 'SENT') AS sent FROM outbound_mail m
  WHERE m.recipient LIKE 'chaos-$RUN-%' GROUP BY m.recipient;
CREATE TEMPORARY TABLE c_doubled (order_id BIGINT NOT NULL PRIMARY KEY)
  SELECT order_id FROM c_paid_moves WHERE n > 1 UNION SELECT order_id FROM c_captures WHERE sales > 1
  UNION SELECT order_id FROM c_applied WHERE n > 1 UNION SELECT order_id FROM c_psp WHERE sessions > 1;
SELECT 'placed', COUNT(*) FROM c_ord
UNION ALL SELECT 'orders_per_buyer_over_1', COUNT(*) FROM (SELECT email FROM c_ord GROUP BY email HAVING COUNT(*) > 1) x
UNION ALL SELECT 'psp_paid', COUNT(*) FROM c_psp p JOIN c_ord o ON o.id = p.order_id
UNION ALL SELECT 'psp_paid_twice', COUNT(*) FROM c_psp p JOIN c_ord o ON o.id = p.order_id WHERE p.sessions > 1
UNION ALL SELECT 'paid_here', COUNT(*) FROM c_ord WHERE paid
UNION ALL SELECT 'lost', COUNT(*) FROM c_psp p JOIN c_ord o ON o.id = p.order_id WHERE NOT o.paid
UNION ALL SELECT 'pending_with_money', COUNT(*) FROM c_psp p JOIN c_ord o ON o.id = p.order_id WHERE o.status = 'PENDING'
UNION ALL SELECT 'lost_as_failed_or_expired', COUNT(*) FROM c_psp p JOIN c_ord o ON o.id = p.order_id WHERE o.status IN ('FAILED', 'EXPIRED')
UNION ALL SELECT 'paid_without_psp', COUNT(*) FROM c_ord o WHERE o.paid AND NOT EXISTS (SELECT 1 FROM c_psp p WHERE p.order_id = o.id)
UNION ALL SELECT 'doubled', COUNT(*) FROM c_doubled
UNION ALL SELECT 'paid_moves_not_1', COUNT(*) FROM c_ord o LEFT JOIN c_paid_moves m ON m.order_id = o.id WHERE o.paid AND COALESCE(m.n, 0) <> 1
UNION ALL SELECT 'paid_by_reconciliation', COUNT(*) FROM c_paid_moves WHERE by_reconciliation
UNION ALL SELECT 'captures_not_1', COUNT(*) FROM c_ord o LEFT JOIN c_captures c ON c.order_id = o.id WHERE o.paid AND COALESCE(c.sales, 0) <> 1
UNION ALL SELECT 'captures_min', COALESCE(MIN(COALESCE(c.sales, 0)), 0) FROM c_ord o LEFT JOIN c_captures c ON c.order_id = o.id WHERE o.paid
UNION ALL SELECT 'captures_max', COALESCE(MAX(COALESCE(c.sales, 0)), 0) FROM c_ord o LEFT JOIN c_captures c ON c.order_id = o.id WHERE o.paid
UNION ALL SELECT 'captures_unpaid', COUNT(*) FROM c_ord o JOIN c_captures c ON c.order_id = o.id WHERE NOT o.paid AND c.sales > 0
UNION ALL SELECT 'psp_fees_over_1', COUNT(*) FROM c_captures WHERE psp_fees > 1
UNION ALL SELECT 'unbalanced', COUNT(*) FROM (
    SELECT p.transaction_id FROM ledger_posting p JOIN ledger_account a ON a.id = p.account_id
    GROUP BY p.transaction_id, a.currency HAVING SUM(p.amount_minor) <> 0
    UNION SELECT t.id FROM ledger_transaction t WHERE (SELECT COUNT(*) FROM ledger_posting p WHERE p.transaction_id = t.id) < 2) x
UNION ALL SELECT 'transactions', COUNT(*) FROM ledger_transaction
UNION ALL SELECT 'receipts_missing', COUNT(*) FROM c_ord o WHERE o.paid AND NOT EXISTS (SELECT 1 FROM order_receipt r WHERE r.order_id = o.id)
UNION ALL SELECT 'receipts_unpaid', COUNT(*) FROM c_ord o JOIN order_receipt r ON r.order_id = o.id WHERE NOT o.paid
UNION ALL SELECT 'receipt_mails_not_1', COUNT(*) FROM c_ord o LEFT JOIN c_mails m ON m.email = o.email WHERE o.paid AND COALESCE(m.n, 0) <> 1
UNION ALL SELECT 'receipt_mails_unsent', COUNT(*) FROM c_mails WHERE sent < n
UNION ALL SELECT 'events', COUNT(*) FROM c_events
UNION ALL SELECT 'events_by_reconciliation', COUNT(*) FROM c_events WHERE source = 'RECONCILIATION'
UNION ALL SELECT 'events_applied_twice', COUNT(*) FROM c_applied WHERE n > 1
UNION ALL SELECT 'events_unsettled', COUNT(*) FROM payment_event WHERE status = 'RECEIVED'
UNION ALL SELECT 'events_late_ignored', COUNT(*) FROM c_events WHERE outcome LIKE 'ignored: order already%'
UNION ALL SELECT 'events_duplicate_paid', COUNT(*) FROM c_events WHERE outcome LIKE 'already paid%'
UNION ALL SELECT 'paid_before_kill', COUNT(*) FROM c_psp p JOIN c_ord o ON o.id = p.order_id WHERE p.at <= '$kill_at'
UNION ALL SELECT 'heal_s', COALESCE(ROUND(TIMESTAMPDIFF(MICROSECOND, '$kill_at', MAX(o.paid_at)) / 1e6, 1), 0)
    FROM c_psp p JOIN c_ord o ON o.id = p.order_id WHERE p.at <= '$kill_at' AND o.paid_at > '$kill_at'
UNION ALL SELECT 'healed_after_kill', COUNT(*) FROM c_psp p JOIN c_ord o ON o.id = p.order_id
    WHERE p.at <= '$kill_at' AND o.paid_at > '$kill_at'
UNION ALL SELECT 'last_paid_s', ROUND(TIMESTAMPDIFF(MICROSECOND, '$kill_at', MAX(paid_at)) / 1e6, 1) FROM c_ord
UNION ALL SELECT 'reconciliation_passes', COUNT(*) FROM reconciliation_run WHERE started_at >= '$load_start'
UNION ALL SELECT 'reconciliation_completed', COALESCE(SUM(orders_completed), 0) FROM reconciliation_run WHERE started_at >= '$load_start'
UNION ALL SELECT 'reconciliation_longest_s', COALESCE(ROUND(MAX(TIMESTAMPDIFF(MICROSECOND, started_at, finished_at)) / 1e6, 1), 0)
    FROM reconciliation_run WHERE started_at >= '$load_start'
UNION ALL SELECT 'first_pass_after_restart', COALESCE(ROUND(TIMESTAMPDIFF(MICROSECOND, '$ready_at', MIN(started_at)) / 1e6, 1), 'none')
    FROM reconciliation_run WHERE started_at >= '$ready_at'
UNION ALL SELECT 'reconciliation_problems', COUNT(*) FROM reconciliation_run WHERE started_at >= '$load_start' AND problems IS NOT NULL;
SQL
sed -i 's/\t/=/' "$WORK/figures.txt"
f() { get "$1" "$(cat "$WORK/figures.txt")"; }
# Seconds from the PSP's payment to the order paid here: p50 p99 max, for the orders paid at the PSP before the kill
# whose order was paid after it (healed), and for those paid at the PSP after the restart.
lags() {
    percentiles "SELECT TIMESTAMPDIFF(MICROSECOND, e.created_at, o.paid_at) / 1e6 FROM customer_order o
            JOIN dev_gateway_event e ON e.type = 'checkout.session.completed' AND JSON_VALUE(e.payload, '$.data.object.id') = o.psp_session_id
            WHERE o.buyer_email LIKE 'chaos-$RUN-%' AND o.paid_at IS NOT NULL AND $1"
}
# p50 p99 max of the seconds a query lists, one per row.
percentiles() {
    sql -e "$1" | python3 -c '
import sys
v = sorted(float(x) for x in sys.stdin if x.strip())
pick = lambda q: v[min(len(v) - 1, int(q * len(v)))] if v else float("nan")
print(f"{len(v)} orders: p50 {pick(.5):.1f} s, p99 {pick(.99):.1f} s, max {pick(1):.1f} s")'
}
lag_before=$(lags "e.created_at <= '$kill_at'")
lag_after=$(lags "e.created_at >= '$ready_at'")
# Receipts come after the payment they follow (the mail queue has fewer sessions than the payments queue).
lag_receipt=$(percentiles "SELECT TIMESTAMPDIFF(MICROSECOND, o.paid_at, m.sent_at) / 1e6 FROM customer_order o
    JOIN order_receipt r ON r.order_id = o.id JOIN outbound_mail m ON m.id = r.first_mail
    WHERE o.buyer_email LIKE 'chaos-$RUN-%' AND m.sent_at IS NOT NULL")
buyers() { python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); print(" ".join(f"{k}={d[k]}" for k in sorted(d)))' "$WORK/buyers.json"; }
proxy() { python3 -c 'import json, sys; d = json.loads(sys.argv[1]); print(" ".join(f"{k}={v}" for k, v in d.items()))' "$proxy_stats"; }
paths=$(cut -f5 "$WORK/buyers.tsv" | sort | uniq -c | awk '{ printf "%s%s %s", (NR > 1 ? ", " : ""), $1, $2 }')
down_s=$(seconds_between "$kill_at" "$ready_at")
heal_s=$(f heal_s)
heal_after_restart=$(awk -v h="$heal_s" -v d="$down_s" 'BEGIN { v = h - d; printf "%.1f", v < 0 ? 0 : v }')
[ "$healed" = 1 ] || heal_after_restart="not healed"

failures=0
check() {  # name, value, wanted (a number, or "<=N")
    local ok
    if [[ "$3" == "<="* ]]; then
        ok=$(awk -v v="$2" -v m="${3#<=}" 'BEGIN { print (v ~ /^[0-9.]+$/ && v + 0 <= m + 0) ? 1 : 0 }')
    else
        ok=$([ "$2" = "$3" ] && echo 1 || echo 0)
    fi
    [ "$ok" = 1 ] || failures=$((failures + 1))
    printf '  %-58s %12s   %s\n' "$1" "$2" "$([ "$ok" = 1 ] && echo ok || echo "FAIL (want $3)")"
}
echo
echo "chaos run $RUN, seed $SEED: $ORDERS buyers on $THREADS threads against $BASE; reconciliation every $RECONCILE_INTERVAL s"
echo "for orders pending over $PENDING_AFTER s; server killed (SIGKILL) after $at_kill_psp payments at the PSP"
echo
echo "load"
echo "  buyers' paths: $paths"
echo "  buyers' answers: $(buyers)"
echo "  from the first checkout to the last buyer done: $(seconds_between "$load_start" "$load_end") s"
echo "webhooks (proxy): $(proxy)"
echo "  (deliveries = gateway attempts reaching the proxy; reject/lose/drop/duplicate/delay/pass = faults chosen;"
echo "   late_copies = extra copies of duplicated deliveries; forward_errors = copies the app did not answer, e.g. down)"
echo "crash"
echo "  killed at $kill_at $([ "$in_pass" = 1 ] && echo "during a reconciliation pass" || echo "between reconciliation passes");"
echo "  lease then: $lease_at_kill"
echo "  $at_kill_psp paid at the PSP, $at_kill_here paid here at the kill; server answering again after $down_s s"
echo "  first reconciliation pass $(f first_pass_after_restart) s after the restart; $(f reconciliation_passes) passes in the run"
echo "  (longest $(f reconciliation_longest_s) s), $(f reconciliation_completed) orders completed by them, $(f reconciliation_problems) with problems"
echo
echo "invariants"
check "orders placed (of $ORDERS buyers)" "$(f placed)" "$ORDERS"
check "buyers with more than one order" "$(f orders_per_buyer_over_1)" 0
printf '  %-58s %12s\n' "orders paid at the PSP (dev_gateway_session)" "$(f psp_paid)"
printf '  %-58s %12s\n' "orders paid here" "$(f paid_here)"
check "lost: paid at the PSP, not paid here" "$(f lost)" 0
check "  of which left pending with the money taken" "$(f pending_with_money)" 0
check "  of which failed or expired with the money taken" "$(f lost_as_failed_or_expired)" 0
check "paid here without a payment at the PSP" "$(f paid_without_psp)" 0
check "doubled: paid, captured, applied or charged more than once" "$(f doubled)" 0
check "paid orders without exactly one PAID transition" "$(f paid_moves_not_1)" 0
check "paid orders without exactly one capture transaction" "$(f captures_not_1)" 0
printf '  %-58s %12s\n' "captures per paid order (min-max)" "$(f captures_min)-$(f captures_max)"
check "capture transactions of orders not paid" "$(f captures_unpaid)" 0
check "orders with more than one PSP fee transaction" "$(f psp_fees_over_1)" 0
check "charged twice at the PSP (two paid sessions)" "$(f psp_paid_twice)" 0
check "unbalanced ledger transactions (of $(f transactions))" "$(f unbalanced)" 0
check "trial balance after healing (the app's run): problems" "${app_trial_problems:-not run}" 0
check "trial balance queries here (bench/lib.sh): problems" "$sql_trial_problems" 0
check "paid orders without a receipt (order_receipt)" "$(f receipts_missing)" 0
check "receipts of orders not paid" "$(f receipts_unpaid)" 0
check "paid orders without exactly one receipt mail" "$(f receipt_mails_not_1)" 0
check "receipt mails not sent" "$(f receipt_mails_unsent)" 0
check "payment events applied twice (two 'paid' outcomes)" "$(f events_applied_twice)" 0
check "payment events left unapplied" "$(f events_unsettled)" 0
check "healing after the restart, s (kill → last order paid: $heal_s s)" "$heal_after_restart" "<=$HEAL_TARGET"
echo
echo "healing and delays"
echo "  $(f paid_before_kill) orders paid at the PSP before the kill; $(f healed_after_kill) of them were paid here only after it"
echo "  the PSP's payment → paid here, paid at the PSP before the kill: $lag_before"
echo "  the PSP's payment → paid here, paid at the PSP after the restart: $lag_after"
echo "  order paid here → its receipt mail sent: $lag_receipt"
echo "  $(f paid_by_reconciliation) orders paid by reconciliation, the rest by a webhook; last order paid $(f last_paid_s) s after the kill"
echo "  events stored: $(f events) ($(f events_by_reconciliation) found by reconciliation); late payment_failed/expired ignored"
echo "  on paid orders: $(f events_late_ignored); duplicates recognised as already paid: $(f events_duplicate_paid)"
echo "  app trial balance: ${app_trial:-none after healing}"
echo
if [ "$failures" -gt 0 ]; then
    echo "FAILED: $failures invariant(s) broken (work directory $WORK)"
    exit 1
fi
echo "PASSED: 0 lost, 0 doubled, healed $heal_after_restart s after the restart"
