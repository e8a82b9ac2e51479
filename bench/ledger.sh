#!/usr/bin/env bash
# Ledger reads as history grows, measured side by side in one run on one server:
#   small  = the ledger as it is, topped up to SMALL postings (all stores and the platform together) if it has fewer
#   large  = the same after loading up to LARGE postings
# At each size:
#   me         = GET /api/v1/me with the same token: token check and JSON, no ledger (the floor for "balance")
#   balance    = GET /api/v1/me/balance with the demo creator's API token (the store's accounts by key)
#   dashboard  = GET /dashboard/earnings as the signed-in demo creator (summary, 30-day chart, first page of the last
#                90 days' lines)
#   paced      = balance and dashboard again at half the rate each just sustained (PACED=1): the p99 at normal
#                load rather than with every core saturated (on a small machine 4 connections saturate it)
#   csv        = GET /dashboard/earnings.csv, the whole history, once with curl (streamed in keyset pages)
#   trial      = the trial balance's queries (TrialBalanceChecks) run with the mysql client in one consistent
#                snapshot, timed one by one; their findings are also the integrity check of the load (want 0 each)
#   plans      = ANALYZE of the dashboard's and the export's queries (EarningsReport): access path, key, rows examined
# Targets (the issue): balance p99 < 20 ms, dashboard p99 < 200 ms, both flat from SMALL to LARGE.
#
# Loading: synthetic SALE transactions of the demo store in USD, posted_at spread over the last LOAD_DAYS days
# (ascending with the posting id, so every account's running balance follows both), each with three postings as the
# Journal writes them: Dr PSP_CLEARING (platform) gross, Cr FEE_REVENUE (platform) fee = round(5 % of gross) + 30,
# Cr CREATOR_PENDING (store) gross - fee. In batches of BATCH transactions, each one database transaction that locks
# the store's and then the platform's USD accounts (the Journal's lock order), inserts transactions and postings
# (balance_after_minor = the locked balance + the running sum by posting id; multi-row INSERT … VALUES built in SQL,
# see load_sales), adds to the accounts' balances and posting counts and to the store's earnings_day rows. Ledger
# rows are immutable: the loaded history stays (keys bench:<run>:<n>:sale), and a second run starts where the first
# left off (its "small" is then the current size). Before measuring, each phase waits for InnoDB to settle.
#
# Usage: start the app (mvn -Pdev wildfly:run, demo data), then: bench/ledger.sh [base-url]
# Env: BASE_URL (http://localhost:8080), SMALL (10000 postings), LARGE (1000000 postings), DURATION (15s),
#      CONNECTIONS (4), THREADS (2), PACED (1), SETTLE_TIMEOUT (300 s: the longest wait for InnoDB after a load),
#      BATCH (20000 transactions per load transaction), LOAD_DAYS (1095), STORE (demo), TOKEN (sfk_demo_creator),
#      EMAIL (creator@demo.skillform.test), PASSWORD (demo-creator-2026), SERVER_PID / DB_PID (found from the
#      listening ports; for CPU figures), DB_HOST (127.0.0.1), DB_PORT (3307), DB_USER (skillform), DB_PASSWORD (skillform),
#      DB_NAME (skillform).
set -euo pipefail

BASE=${1:-${BASE_URL:-http://localhost:8080}}
SMALL=${SMALL:-10000}
LARGE=${LARGE:-1000000}
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-4}
THREADS=${THREADS:-2}
PACED=${PACED:-1}
SETTLE_TIMEOUT=${SETTLE_TIMEOUT:-300}
BATCH=${BATCH:-20000}
LOAD_DAYS=${LOAD_DAYS:-1095}
STORE=${STORE:-demo}
TOKEN=${TOKEN:-sfk_demo_creator}
EMAIL=${EMAIL:-creator@demo.skillform.test}
PASSWORD=${PASSWORD:-demo-creator-2026}
DB_HOST=${DB_HOST:-127.0.0.1}
DB_PORT=${DB_PORT:-3307}
DB_USER=${DB_USER:-skillform}
DB_PASSWORD=${DB_PASSWORD:-skillform}
DB_NAME=${DB_NAME:-skillform}
ME=/api/v1/me
BALANCE=/api/v1/me/balance
DASHBOARD=/dashboard/earnings
CSV=/dashboard/earnings.csv
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ledger-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
RUN=$(od -An -N4 -tx4 /dev/urandom | tr -d ' \n' | cut -c1-7)

# sql, log, get, measure (wrk with CPU accounting), login, settle, wrk and the MariaDB client: shared with the other
# bench scripts.
. "$HERE/lib.sh"
field() { get "$2" "$(cat "$WORK/$1")"; }   # a key of a phase's result file

status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$BASE$BALANCE")
[ "$status" = 200 ] || { echo "$BASE$BALANCE answers $status with token $TOKEN; is the app running with demo data?" >&2; exit 1; }
STORE_ID=$(sql -e "SELECT id FROM store WHERE handle = '$STORE'")
[ -n "$STORE_ID" ] || { echo "no store '$STORE'" >&2; exit 1; }

postings() { sql -e "SELECT COUNT(*) FROM ledger_posting"; }

NEXT_SALE=1
# Adds sales until the ledger has at least TARGET postings; sets LOAD_S (seconds) and LOADED (postings added).
load_to() {
    local target=$1 have need first done_=0 count start
    have=$(postings)
    need=$(( (target - have + 2) / 3 ))
    LOAD_S=0; LOADED=0
    [ "$need" -gt 0 ] || return 0
    first=$NEXT_SALE; start=$(ms_now)
    while [ "$done_" -lt "$need" ]; do
        count=$(( need - done_ < BATCH ? need - done_ : BATCH ))
        load_sales $((first + done_)) "$count" "$first" "$need"
        done_=$((done_ + count))
        log "  $done_ / $need transactions loaded"
    done
    LOAD_S=$(awk -v ms=$(( $(ms_now) - start )) 'BEGIN { printf "%.1f", ms / 1000 }')
    LOADED=$((need * 3))
    NEXT_SALE=$((first + need))
}

# Checks beyond the trial balance: every running balance of the loaded accounts follows from the one before; the
# day totals count the store's lines (the dashboard's line count); the API shows the pending account's balance.
extra_checks() {
    local chain lines_day lines_store api_pending pending
    chain=$(sql -e "SELECT COUNT(*) FROM (SELECT balance_after_minor - amount_minor
                        - COALESCE(LAG(balance_after_minor) OVER (PARTITION BY account_id ORDER BY id), 0) AS d
                    FROM ledger_posting WHERE account_id IN (SELECT id FROM ledger_account
                        WHERE currency = 'USD' AND (store_id = $STORE_ID OR kind IN ('PSP_CLEARING', 'FEE_REVENUE')))) x
                    WHERE d <> 0")
    lines_day=$(sql -e "SELECT COALESCE(SUM(line_count), 0) FROM earnings_day WHERE store_id = $STORE_ID")
    lines_store=$(sql -e "SELECT COUNT(*) FROM ledger_posting WHERE store_id = $STORE_ID")
    pending=$(sql -e "SELECT -balance_minor FROM ledger_account WHERE store_id = $STORE_ID AND currency = 'USD' AND kind = 'CREATOR_PENDING'")
    api_pending=$(curl -s -H "Authorization: Bearer $TOKEN" "$BASE$BALANCE" | python3 -c '
import json, sys
print(next((b["pending"] for b in json.load(sys.stdin)["balances"] if b["currency"] == "USD"), "none"))')
    echo "running balances broken: $chain $( [ "$chain" = 0 ] && echo OK || echo FAIL)"
    echo "store lines $lines_store, day totals count $lines_day $( [ "$lines_store" = "$lines_day" ] && echo OK || echo FAIL)"
    echo "API pending $api_pending, account $pending $( [ "$api_pending" = "$pending" ] && echo OK || echo FAIL)"
    echo "store_lines=$lines_store" > "$WORK/store_lines"
}

# The dashboard's and the export's queries with this store and today's ranges, through ANALYZE (they run).
plans() {
    local today from90 from30 tomorrow count last mid
    today=$(date -u +%F); from90=$(date -u -d "$today - 89 days" +%F); from30=$(date -u -d "$today - 29 days" +%F)
    tomorrow=$(date -u -d "$today + 1 day" +%F)
    count=$(sql -e "SELECT COALESCE(SUM(line_count), 0) FROM earnings_day WHERE store_id = $STORE_ID AND earned_on BETWEEN '$from90' AND '$today'")
    last=$(( count > 25 ? count - 25 : 0 ))
    mid=$(sql -e "SELECT CONCAT(\"'\", posted_at, \"' \", id) FROM ledger_posting WHERE store_id = $STORE_ID
                  ORDER BY posted_at, id LIMIT 1 OFFSET $(( $(get store_lines "$(cat "$WORK/store_lines")") / 2 ))")
    local lines="SELECT p.id, p.posted_at, t.kind, t.memo, t.order_id, a.kind, a.currency, p.amount_minor, p.balance_after_minor FROM ledger_posting p JOIN ledger_transaction t ON t.id = p.transaction_id JOIN ledger_account a ON a.id = p.account_id WHERE p.store_id = $STORE_ID"
    local queries=(
        "accounts|SELECT id, balance_minor, postings, updated_at FROM ledger_account WHERE store_id = $STORE_ID ORDER BY currency, kind"
        "totals|SELECT currency, SUM(gross_minor), SUM(refunds_minor), SUM(fees_minor), SUM(net_minor), SUM(sales) FROM earnings_day WHERE store_id = $STORE_ID GROUP BY currency"
        "daily 30d|SELECT earned_on, net_minor FROM earnings_day WHERE store_id = $STORE_ID AND currency = 'USD' AND earned_on BETWEEN '$from30' AND '$today'"
        "lineCount 90d|SELECT SUM(line_count) FROM earnings_day WHERE store_id = $STORE_ID AND earned_on BETWEEN '$from90' AND '$today'"
        "lines page 1|$lines AND p.posted_at >= '$from90' AND p.posted_at < '$tomorrow' ORDER BY p.posted_at DESC, p.id DESC LIMIT 25 OFFSET 0"
        "lines last page (offset $last)|$lines AND p.posted_at >= '$from90' AND p.posted_at < '$tomorrow' ORDER BY p.posted_at DESC, p.id DESC LIMIT 25 OFFSET $last"
        "  same, ids first (alternative)|SELECT p.id, p.posted_at, t.kind, t.memo, t.order_id, a.kind, a.currency, p.amount_minor, p.balance_after_minor FROM (SELECT id FROM ledger_posting WHERE store_id = $STORE_ID AND posted_at >= '$from90' AND posted_at < '$tomorrow' ORDER BY posted_at DESC, id DESC LIMIT 25 OFFSET $last) k JOIN ledger_posting p ON p.id = k.id JOIN ledger_transaction t ON t.id = p.transaction_id JOIN ledger_account a ON a.id = p.account_id ORDER BY p.posted_at DESC, p.id DESC"
        "csv first page|$lines AND p.posted_at >= '2000-01-01' AND p.posted_at < '$tomorrow' ORDER BY p.posted_at, p.id LIMIT 1000"
        "csv page after the middle|$lines AND p.posted_at >= '2000-01-01' AND p.posted_at < '$tomorrow' AND (p.posted_at > ${mid% *} OR (p.posted_at = ${mid% *} AND p.id > ${mid##* })) ORDER BY p.posted_at, p.id LIMIT 1000"
    )
    for query in "${queries[@]}"; do
        printf '  %-34s %s\n' "${query%%|*}:" "$(sql -r -e "ANALYZE FORMAT=JSON ${query#*|}" | python3 "$HERE/ledger-plan.py")"
    done
}

# CSV export of the whole history: prints key=value lines status, first_byte_s, seconds, bytes, lines (data rows).
export_csv() {
    local out="$WORK/export.csv" timing
    timing=$(curl -s -o "$out" -H "Cookie: JSESSIONID=$SESSION" -w '%{http_code} %{time_starttransfer} %{time_total} %{size_download}' "$BASE$CSV")
    read -r code first total bytes <<< "$timing"
    printf 'status=%s\nfirst_byte_s=%.2f\nseconds=%.2f\nbytes=%s\nlines=%s\n' "$code" "$first" "$total" "$bytes" "$(( $(wc -l < "$out") - 1 ))"
    rm -f "$out"
}

# One size: warm-up, balance and dashboard under wrk, CSV export, trial balance, extra checks, plans.
phase() {
    local name=$1
    settle
    echo "settle_s=$SETTLE_S" > "$WORK/$name.settle"; echo "from=$SETTLE_FROM" >> "$WORK/$name.settle"
    log "$name: $(postings) postings; InnoDB settled in $SETTLE_S s (dirty pages/total, history: $SETTLE_FROM); warming up…"
    SESSION=$(login "$EMAIL" "$PASSWORD" "$DASHBOARD" Earnings)
    wrk -t1 -c2 -d5s -H "Authorization: Bearer $TOKEN" "$BASE$BALANCE" >/dev/null
    wrk -t1 -c2 -d5s -H "Cookie: JSESSIONID=$SESSION" "$BASE$DASHBOARD" >/dev/null
    log "$name: me ($CONNECTIONS connections, $DURATION)…"
    measure "$BASE$ME" -H "Authorization: Bearer $TOKEN" > "$WORK/$name.me"
    log "$name: balance…"
    measure "$BASE$BALANCE" -H "Authorization: Bearer $TOKEN" > "$WORK/$name.balance"
    log "$name: dashboard…"
    measure "$BASE$DASHBOARD" -H "Cookie: JSESSIONID=$SESSION" > "$WORK/$name.dashboard"
    if [ "$PACED" = 1 ]; then
        local rate
        rate=$(( $(field "$name.balance" rps) / 2 )); [ "$rate" -ge 1 ] || rate=1
        log "$name: balance paced at $rate/s…"
        { RATE=$rate CONNECTIONS=$CONNECTIONS measure "$BASE$BALANCE" -H "Authorization: Bearer $TOKEN" -s "$HERE/fixed-rate.lua"
          echo "rate=$rate"; } > "$WORK/$name.balance_paced"
        rate=$(( $(field "$name.dashboard" rps) / 2 )); [ "$rate" -ge 1 ] || rate=1
        log "$name: dashboard paced at $rate/s…"
        { RATE=$rate CONNECTIONS=$CONNECTIONS measure "$BASE$DASHBOARD" -H "Cookie: JSESSIONID=$SESSION" -s "$HERE/fixed-rate.lua"
          echo "rate=$rate"; } > "$WORK/$name.dashboard_paced"
    fi
    log "$name: CSV export…"
    export_csv > "$WORK/$name.csv"
    log "$name: trial balance…"
    trial_balance > "$WORK/$name.trial"
    extra_checks > "$WORK/$name.checks"
    cp "$WORK/store_lines" "$WORK/$name.store_lines"
    log "$name: plans…"
    plans > "$WORK/$name.plans"
    sql -e "SELECT COUNT(*) FROM ledger_posting" > "$WORK/$name.postings"
}

log "run $RUN: store $STORE ($STORE_ID), server pid ${SERVER_PID:-?}, database pid ${DB_PID:-?}"
log "small: loading up to $SMALL postings…"
load_to "$SMALL"; small_load_s=$LOAD_S; small_loaded=$LOADED
phase small
log "large: loading up to $LARGE postings…"
load_to "$LARGE"; large_load_s=$LOAD_S; large_loaded=$LOADED
phase large

# Report.
small_n=$(cat "$WORK/small.postings"); large_n=$(cat "$WORK/large.postings")
trial_ms() { awk -v k="$2" '$1 == k { print $3 }' "$WORK/$1.trial"; }
row() {  # label, small value, large value
    printf '%-34s %14s %14s %9s\n' "$1" "$2" "$3" "$(awk -v a="$2" -v b="$3" 'BEGIN { if (a + 0 > 0 && b != "") printf "%.2f", b / a; else print "-" }')"
}
echo
echo "run $RUN against $BASE, $CONNECTIONS connections, $THREADS wrk threads, $DURATION per measurement, $(nproc) CPUs"
printf '%-34s %14s %14s %9s\n' "" "small" "large" "large/small"
row "ledger postings (all)" "$small_n" "$large_n"
row "store lines (its postings)" "$(field small.store_lines store_lines)" "$(field large.store_lines store_lines)"
row "postings loaded before the phase" "$small_loaded" "$large_loaded"
row "load time s" "$small_load_s" "$large_load_s"
row "InnoDB settle wait s" "$(field small.settle settle_s)" "$(field large.settle settle_s)"
row "load postings/s" "$(awk -v n="$small_loaded" -v s="$small_load_s" 'BEGIN { print (s > 0 ? int(n / s) : "-") }')" \
    "$(awk -v n="$large_loaded" -v s="$large_load_s" 'BEGIN { print (s > 0 ? int(n / s) : "-") }')"
endpoints=(me balance dashboard)
[ "$PACED" = 1 ] && endpoints+=(balance_paced dashboard_paced)
for e in "${endpoints[@]}"; do
    target=""
    case $e in balance*) target=" (target < 20)" ;; dashboard*) target=" (target < 200)" ;; esac
    if [[ $e == *_paced ]]; then
        row "$e: rate asked /s" "$(field small.$e rate)" "$(field large.$e rate)"
    fi
    row "$e req/s" "$(field small.$e rps)" "$(field large.$e rps)"
    row "$e p50 ms" "$(field small.$e p50)" "$(field large.$e p50)"
    row "$e p90 ms" "$(field small.$e p90)" "$(field large.$e p90)"
    row "$e p99 ms$target" "$(field small.$e p99)" "$(field large.$e p99)"
    row "$e requests / non-2xx+errors" "$(field small.$e requests)/$(( $(field small.$e non2xx) + $(field small.$e errors) ))" \
        "$(field large.$e requests)/$(( $(field large.$e non2xx) + $(field large.$e errors) ))"
    row "$e server CPU ms/request" "$(field small.$e server_ms)" "$(field large.$e server_ms)"
    row "$e db CPU ms/request" "$(field small.$e db_ms)" "$(field large.$e db_ms)"
    row "$e other cores busy" "$(field small.$e other_cores)" "$(field large.$e other_cores)"
done
row "csv export s (first byte s)" "$(field small.csv seconds) ($(field small.csv first_byte_s))" "$(field large.csv seconds) ($(field large.csv first_byte_s))"
row "csv bytes" "$(field small.csv bytes)" "$(field large.csv bytes)"
row "csv data lines (status)" "$(field small.csv lines) ($(field small.csv status))" "$(field large.csv lines) ($(field large.csv status))"
row "trial balance ms (all queries)" "$(trial_ms small total)" "$(trial_ms large total)"
for c in sums legs balances last_after available zero_sum day_totals counts; do
    row "  $c ms" "$(trial_ms small $c)" "$(trial_ms large $c)"
done
echo
for p in small large; do
    echo "$p: trial balance findings (want 0 each): $(awk '$1 != "total" && $1 != "counts" { printf "%s %s%s ", $1, $2, ($2 == 0 ? "" : " FAIL") }' "$WORK/$p.trial")"
    echo "$p: $(awk '$1 == "counts" { print "transactions/postings/accounts " $2 }' "$WORK/$p.trial")"
    sed "s/^/$p: /" "$WORK/$p.checks"
done
echo
for p in small large; do
    echo "$p: query plans (ANALYZE: time | table:access/key est=optimizer rows read=rows examined)"
    cat "$WORK/$p.plans"
done
