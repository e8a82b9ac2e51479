#!/usr/bin/env bash
# API v1 lists (keyset cursors, ETags) as data grows, measured side by side in one run on one server:
#   orders     = GET /api/v1/orders?limit=100: the first page vs. a deep page (DEEP of the way down the list, its
#                cursor built from the row there: URL-safe Base64 without padding of "o1:<created_at µs>:<id>"),
#                alternating in ROUNDS rounds of wrk; the table shows medians and deep/first (keyset: want ≈ 1)
#   ledger     = the same for GET /api/v1/ledger/lines?limit=100 (cursor "l1:<posted_at µs>:<id>")
#   customers  = the same for GET /api/v1/customers?limit=100 (grouped by buyer e-mail; cursor "u1:<email>")
#   etag       = GET /api/v1/stores/<STORE>/products?limit=100 (public) plain vs. with If-None-Match: <its ETag>
#                (304): requests/s and bytes per response (headers included, from wrk's byte count)
#   sql        = the orders page's queries straight in the mysql client, timed REPS times each in one session
#                (median): first page and keyset deep page as the API runs them (OR form), the row-value form
#                (created_at, id) < (…), the dashboard's OFFSET form (CreatorOrdersPage → Orders.ofStoreOwner:
#                store_id IN (SELECT … owner_id)) at offset 0 and at the deep offset, the same OFFSET with
#                store_id = <id> (index order), the items of a page as EclipseLink's batch read fetches them (IN list)
#                and the customers page (first, deep); then ANALYZE (rows examined) of each, EXPLAIN of customers
#   walk       = every page of each list once with curl (one request at a time, keep-alive off): pages/s, total
#                time, and the integrity check: items seen = rows in the database, no duplicates (the seeded orders
#                come in pairs with the same created_at, so ties must be broken by id)
#   queries    = SQL statements per list request, counted in MariaDB's general log (switched on for one request at a
#                time, QUERY_LOG=1; the dev database only), with the statements listed
# Each wrk measurement also reports CPU (lib.sh): server/db CPU ms per request and other_cores — how much of the
# machine other processes took meanwhile (it is shared; compare ratios within a run, not absolute numbers across runs).
#
# Seeding (idempotent, SQL; rows are recognisable and a rerun only adds what is missing, never deletes):
#   products   PRODUCTS published products "bench-product-NNN" in the store (slug unique per store)
#   orders     ORDERS orders with reference "BENCH" + 17 digits (CHAR(22), unique), one order_item each (a bench
#              product), USD, status by n % 100: 85 PAID, 5 REFUNDED, 3 PARTIALLY_REFUNDED, 4 EXPIRED, 3 FAILED (never
#              PENDING: reconciliation would chase those), paid_at = created_at + 40 s when paid, created_at from
#              2024-01-01 every 10 minutes per pair of orders, buyer "buyerNNNNNN@bench.skillform.test" with n % BUYERS
#              (so BUYERS distinct customers); in batches of BATCH, one transaction each
#   ledger     sale transactions (keys "bench:api:<n>:sale") until the bench's postings reach LEDGER_POSTINGS (3 per
#              sale, 1 of them the store's line), balanced and with running balances as the Journal writes them
#              (the same load as bench/ledger.sh); LEDGER_POSTINGS=0 skips the ledger list
#
# Usage: start the app with the API rate limits raised (600/min per token and 300/min per address would turn wrk's
# requests into 429s — the script checks and stops), e.g.
#   SKILLFORM_API_RATE_LIMIT_TOKEN_PER_MINUTE=100000000 SKILLFORM_API_RATE_LIMIT_ADDRESS_PER_MINUTE=100000000 \
#     mvn -B -o -Pdev wildfly:run
# then: bench/api-lists.sh [base-url]
# Env: BASE_URL (http://localhost:8080), ORDERS (200000), LEDGER_POSTINGS (200000), BUYERS (50000), PRODUCTS (100),
#      BATCH (20000), DEEP (0.95: where the deep page starts, as a fraction of the list), LISTS ("orders ledger
#      customers"), ROUNDS (3), DURATION (15s), CONNECTIONS (4), THREADS (2), REPS (5: SQL timings), WALK (1),
#      QUERY_LOG (1), STORE (demo), TOKEN (sfk_demo_creator), SERVER_PID / DB_PID (found from the listening ports),
#      DB_HOST (127.0.0.1), DB_PORT (3307), DB_USER (skillform), DB_PASSWORD (skillform), DB_NAME (skillform).
set -euo pipefail

BASE=${1:-${BASE_URL:-http://localhost:8080}}
ORDERS=${ORDERS:-200000}
LEDGER_POSTINGS=${LEDGER_POSTINGS:-200000}
BUYERS=${BUYERS:-50000}
PRODUCTS=${PRODUCTS:-100}
BATCH=${BATCH:-20000}
DEEP=${DEEP:-0.95}
LISTS=${LISTS:-orders ledger customers}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-4}
THREADS=${THREADS:-2}
REPS=${REPS:-5}
WALK=${WALK:-1}
QUERY_LOG=${QUERY_LOG:-1}
STORE=${STORE:-demo}
TOKEN=${TOKEN:-sfk_demo_creator}
DB_HOST=${DB_HOST:-127.0.0.1}
DB_PORT=${DB_PORT:-3307}
DB_USER=${DB_USER:-skillform}
DB_PASSWORD=${DB_PASSWORD:-skillform}
DB_NAME=${DB_NAME:-skillform}
LIMIT=100
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/api-lists-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
[ "$LEDGER_POSTINGS" -gt 0 ] || LISTS=${LISTS//ledger/}

# sql, log, get, measure (wrk with CPU accounting), wrk and the MariaDB client: shared with the other bench scripts.
. "$HERE/lib.sh"
# load_sales (lib.sh): the sales spread over the last three years, keyed bench:api:<n>:sale.
LOAD_DAYS=1095 RUN=api
secs_since() { awk -v ms=$(( $(ms_now) - $1 )) 'BEGIN { printf "%.1f", ms / 1000 }'; }
b64url() { printf '%s' "$1" | base64 -w0 | tr '+/' '-_' | tr -d '='; }
AUTH=(-H "Authorization: Bearer $TOKEN")

declare -A PATHS=([orders]=/api/v1/orders [ledger]=/api/v1/ledger/lines [customers]=/api/v1/customers)
# The key each item of a list starts with (to count items and find duplicates in a walk).
declare -A FIRST_KEY=([orders]='{"order_id":"[^"]*"' [ledger]='{"id":[0-9]*' [customers]='{"email":"[^"]*"')
PRODUCTS_PATH=/api/v1/stores/$STORE/products?limit=$LIMIT

# --- checks ---------------------------------------------------------------------------------------------------------
for path in /api/v1/orders "/api/v1/stores/$STORE/products"; do
    status=$(curl -s -o /dev/null -w '%{http_code}' "${AUTH[@]}" "$BASE$path")
    [ "$status" = 200 ] || { echo "$BASE$path answers $status with token $TOKEN; is the app running with demo data?" >&2; exit 1; }
done
STORE_ID=$(sql -e "SELECT id FROM store WHERE handle = '$STORE'")
OWNER_ID=$(sql -e "SELECT owner_id FROM store WHERE handle = '$STORE'")
[ -n "$STORE_ID" ] || { echo "no store '$STORE'" >&2; exit 1; }
# The rate limits (per token and per address, per minute): a short burst beyond them must stay 200.
burst=$( (wrk -t1 -c4 -d2s "${AUTH[@]}" "$BASE/api/v1/orders?limit=1"; wrk -t1 -c4 -d2s "$BASE$PRODUCTS_PATH") | awk '/Non-2xx/ { n += $5 } END { print n + 0 }')
if [ "$burst" -gt 0 ]; then
    echo "the API's rate limits answer ($burst non-2xx in a 2 s burst): restart the app with" >&2
    echo "  SKILLFORM_API_RATE_LIMIT_TOKEN_PER_MINUTE=100000000 SKILLFORM_API_RATE_LIMIT_ADDRESS_PER_MINUTE=100000000" >&2
    exit 1
fi

# --- seeding --------------------------------------------------------------------------------------------------------
seed_products() {
    sql <<SQL
INSERT IGNORE INTO product (store_id, slug, title, description, description_html, price_minor, price_currency, pricing,
                            status, created_at, published_at, version)
  SELECT $STORE_ID, CONCAT('bench-product-', LPAD(seq, 3, '0')), CONCAT('Bench product ', seq, ': a guide to something useful'),
         'A product made by bench/api-lists.sh.', '<p>A product made by bench/api-lists.sh.</p>',
         500 + seq * 7919 % 9500, 'USD', 'FIXED', 'PUBLISHED',
         TIMESTAMP'2024-01-01 00:00:00' + INTERVAL seq HOUR, TIMESTAMP'2024-01-01 00:00:00' + INTERVAL seq HOUR, 0
  FROM seq_1_to_$PRODUCTS;
SQL
}

# Orders numbered FIRST…LAST (n) with their items, in one transaction.
seed_orders() {
    local first=$1 last=$2
    sql <<SQL
START TRANSACTION;
INSERT INTO customer_order (reference, store_id, buyer_email, status, amount_minor, currency, refunded_minor, gateway,
                            psp_session_id, psp_payment_intent, session_attempts, created_at, updated_at, paid_at, version)
  SELECT CONCAT('BENCH', LPAD(n, 17, '0')), $STORE_ID, CONCAT('buyer', LPAD(n % $BUYERS, 6, '0'), '@bench.skillform.test'),
         status, amount, 'USD',
         CASE status WHEN 'REFUNDED' THEN amount WHEN 'PARTIALLY_REFUNDED' THEN amount DIV 2 ELSE 0 END,
         'DEV', CONCAT('bench_cs_', n), IF(paid, CONCAT('bench_pi_', n), NULL), 1,
         created, created + INTERVAL IF(paid, 40, 1800) SECOND, IF(paid, created + INTERVAL 40 SECOND, NULL), 0
  FROM (SELECT n, 500 + n * 7919 % 9500 AS amount,
               CASE WHEN n % 100 < 85 THEN 'PAID' WHEN n % 100 < 90 THEN 'REFUNDED'
                    WHEN n % 100 < 93 THEN 'PARTIALLY_REFUNDED' WHEN n % 100 < 97 THEN 'EXPIRED' ELSE 'FAILED' END AS status,
               n % 100 < 93 AS paid,
               TIMESTAMP'2024-01-01 00:00:00' + INTERVAL (n DIV 2) * 600000000 + (n DIV 2) * 7919 % 1000000 MICROSECOND AS created
        FROM (SELECT $first - 1 + CAST(seq AS SIGNED) AS n FROM seq_1_to_$((last - first + 1))) s) o;
INSERT INTO order_item (order_id, product_id, title, amount_minor, currency)
  SELECT o.id, p.id, p.title, o.amount_minor, 'USD'
  FROM customer_order o
  JOIN (SELECT id, title, ROW_NUMBER() OVER (ORDER BY id) - 1 AS k FROM product
        WHERE store_id = $STORE_ID AND slug LIKE 'bench-product-%') p
    ON p.k = CAST(SUBSTRING(o.reference, 6) AS UNSIGNED) % $PRODUCTS
  WHERE o.reference BETWEEN CONCAT('BENCH', LPAD($first, 17, '0')) AND CONCAT('BENCH', LPAD($last, 17, '0'));
COMMIT;
SQL
}

log "store $STORE ($STORE_ID), server pid ${SERVER_PID:-?}, database pid ${DB_PID:-?}"
start=$(ms_now)
seed_products
SEED_PRODUCTS_S=$(secs_since "$start")
have=$(sql -e "SELECT COALESCE(MAX(CAST(SUBSTRING(reference, 6) AS UNSIGNED)), 0) FROM customer_order
               WHERE reference BETWEEN 'BENCH00000000000000000' AND 'BENCH99999999999999999'")
SEEDED_ORDERS=$((ORDERS > have ? ORDERS - have : 0))
start=$(ms_now)
for ((first = have + 1; first <= ORDERS; first += BATCH)); do
    last=$((first + BATCH - 1 < ORDERS ? first + BATCH - 1 : ORDERS))
    seed_orders "$first" "$last"
    log "  orders $last / $ORDERS seeded"
done
SEED_ORDERS_S=$(secs_since "$start")
SEEDED_SALES=0; SEED_LEDGER_S=0
if [[ " $LISTS " == *" ledger "* ]]; then
    have=$(sql -e "SELECT COUNT(*) FROM ledger_transaction WHERE idempotency_key LIKE 'bench:api:%'")
    need=$(( (LEDGER_POSTINGS + 2) / 3 - have ))
    start=$(ms_now)
    if [ "$need" -gt 0 ]; then
        SEEDED_SALES=$need
        for ((done_ = 0; done_ < need; done_ += BATCH)); do
            count=$((need - done_ < BATCH ? need - done_ : BATCH))
            load_sales $((have + 1 + done_)) "$count" $((have + 1)) "$need"
            log "  sales $((done_ + count)) / $need loaded (3 postings each)"
        done
    fi
    SEED_LEDGER_S=$(secs_since "$start")
fi
# Fresh statistics for the optimizer after a load (cheap at this size).
sql -e "ANALYZE TABLE customer_order, order_item, product, ledger_posting, ledger_transaction" >/dev/null

# --- what each list holds, and its deep cursor ----------------------------------------------------------------------
# Rows the API should list (all of them, newest first) and the cursor that starts the deep page: the position of the
# row just above it (the last row of the page before), as the API's own cursor names it.
declare -A TOTAL DEEP_CURSOR DEEP_AT
TOTAL[orders]=$(sql -e "SELECT COUNT(*) FROM customer_order WHERE store_id = $STORE_ID")
TOTAL[ledger]=$(sql -e "SELECT COUNT(*) FROM ledger_posting WHERE store_id = $STORE_ID AND posted_at < UTC_DATE() + INTERVAL 1 DAY")
TOTAL[customers]=$(sql -e "SELECT COUNT(DISTINCT buyer_email) FROM customer_order WHERE store_id = $STORE_ID AND paid_at IS NOT NULL")
micros="TIMESTAMPDIFF(MICROSECOND, TIMESTAMP'1970-01-01 00:00:00', %s)"
for list in $LISTS; do
    DEEP_AT[$list]=$(awk -v n="${TOTAL[$list]}" -v d="$DEEP" 'BEGIN { o = int(n * d); if (o >= n) o = n - 1; print (o > 0 ? o : 1) }')
    offset=$((DEEP_AT[$list] - 1))
    case $list in
        orders) position=$(sql -e "SELECT CONCAT('o1:', $(printf "$micros" created_at), ':', id) FROM customer_order
                                   WHERE store_id = $STORE_ID ORDER BY created_at DESC, id DESC LIMIT 1 OFFSET $offset") ;;
        ledger) position=$(sql -e "SELECT CONCAT('l1:', $(printf "$micros" posted_at), ':', id) FROM ledger_posting
                                   WHERE store_id = $STORE_ID AND posted_at < UTC_DATE() + INTERVAL 1 DAY
                                   ORDER BY posted_at DESC, id DESC LIMIT 1 OFFSET $offset") ;;
        customers) position=$(sql -e "SELECT CONCAT('u1:', buyer_email) FROM (SELECT DISTINCT buyer_email FROM customer_order
                                      WHERE store_id = $STORE_ID AND paid_at IS NOT NULL) e ORDER BY buyer_email LIMIT 1 OFFSET $offset") ;;
    esac
    DEEP_CURSOR[$list]=$(b64url "$position")
    # The deep page must be a full page.
    n=$(curl -s "${AUTH[@]}" "$BASE${PATHS[$list]}?limit=$LIMIT&cursor=${DEEP_CURSOR[$list]}" | grep -o "${FIRST_KEY[$list]}" | wc -l)
    [ "$n" = "$LIMIT" ] || log "  $list: the deep page has $n items, not $LIMIT (position $position)"
done

echo
echo "settings: $BASE, store $STORE ($STORE_ID), $CONNECTIONS connections, $THREADS wrk threads, $DURATION per measurement,"
echo "  $ROUNDS rounds (variants alternate; medians), limit=$LIMIT, deep page at $DEEP of each list, SQL timings x$REPS, $(nproc) CPUs"
echo "seeded now: $SEEDED_ORDERS orders in ${SEED_ORDERS_S} s, $SEEDED_SALES sales ($((SEEDED_SALES * 3)) postings) in ${SEED_LEDGER_S} s, products (insert ignore) in ${SEED_PRODUCTS_S} s"
for list in $LISTS; do echo "  $list: ${TOTAL[$list]} items, deep page after item ${DEEP_AT[$list]}"; done
echo

# --- walks ----------------------------------------------------------------------------------------------------------
# Every page of a list, one request at a time: key=value pages, items, duplicates, seconds (wall), server_s (sum of
# curl's time_total), pages_per_s, bad (non-200 answers).
walk() {
    local list=$1 cursor="" pages=0 bad=0 out="$WORK/walk.$1" start timing url
    : > "$out.items"; : > "$out.times"
    start=$(ms_now)
    while :; do
        url="$BASE${PATHS[$list]}?limit=$LIMIT${cursor:+&cursor=$cursor}"
        timing=$(curl -s -o "$out.body" -w '%{http_code} %{time_total}' "${AUTH[@]}" "$url")
        pages=$((pages + 1))
        [ "${timing% *}" = 200 ] || { bad=$((bad + 1)); break; }
        echo "${timing#* }" >> "$out.times"
        grep -o "${FIRST_KEY[$list]}" "$out.body" >> "$out.items" || true
        cursor=$(grep -o '"next":"[^"]*"' "$out.body" | tail -1 | sed 's/"next":"//; s/"$//') || true
        [ -n "$cursor" ] || break
    done
    local seconds
    seconds=$(secs_since "$start")
    printf 'pages=%d\nitems=%d\nduplicates=%d\nseconds=%s\nbad=%d\n' "$pages" "$(wc -l < "$out.items")" \
        "$(sort "$out.items" | uniq -d | wc -l)" "$seconds" "$bad"
    sort -g "$out.times" | awk -v p="$pages" -v s="$seconds" '{ t += $1; a[NR] = $1 } END {
        printf "server_s=%.1f\npages_per_s=%.1f\npage_p50_ms=%.1f\npage_max_ms=%.1f\n", t, p / s, 1000 * a[int((NR + 1) / 2)], 1000 * a[NR] }'
}
if [ "$WALK" = 1 ]; then
    for list in $LISTS; do
        log "walk: every page of $list (${TOTAL[$list]} items)…"
        walk "$list" > "$WORK/$list.walk"
    done
fi

# --- queries per request ---------------------------------------------------------------------------------------------
# Statements the app sends for one request (general log on for its duration; the mysql client's own lines left out).
# Prints "count" then the statements, shortened. Three tries, the smallest count (a background job may add some).
queries_per_request() {
    local url=$1 best="" try out
    local saved
    saved=$(sql -e "SELECT @@GLOBAL.log_output, @@GLOBAL.general_log")
    for try in 1 2 3; do
        sql -e "SET GLOBAL log_output = 'TABLE'; TRUNCATE TABLE mysql.general_log; SET GLOBAL general_log = 1"
        curl -s -o /dev/null "${AUTH[@]}" "$url"
        sql -e "SET GLOBAL general_log = 0"
        out=$(sql -e "SELECT REPLACE(LEFT(CONVERT(argument USING utf8mb4), 150), '\n', ' ') FROM mysql.general_log
                      WHERE command_type IN ('Query', 'Execute') AND argument NOT LIKE '%general_log%'
                        AND argument NOT LIKE 'select @@version_comment%' ORDER BY event_time")
        if [ -z "$best" ] || [ "$(wc -l <<< "$out")" -lt "$(wc -l <<< "$best")" ]; then best=$out; fi
    done
    sql -e "SET GLOBAL log_output = '${saved%%$'\t'*}', general_log = ${saved##*$'\t'}"
    echo "$(grep -c . <<< "$best") statements, $(grep -ci '^select' <<< "$best") of them SELECT"
    sed 's/^/      /' <<< "$best"
}
if [ "$QUERY_LOG" = 1 ]; then
    log "queries per request (general log)…"
    {
        for list in $LISTS; do
            echo "$list first page: $(queries_per_request "$BASE${PATHS[$list]}?limit=$LIMIT")"
            echo "$list deep page: $(queries_per_request "$BASE${PATHS[$list]}?limit=$LIMIT&cursor=${DEEP_CURSOR[$list]}")"
        done
        echo "products (public): $(queries_per_request "$BASE$PRODUCTS_PATH")"
    } > "$WORK/queries"
fi

# --- wrk: first vs deep, plain vs 304 -------------------------------------------------------------------------------
ETAG=$(curl -s -D - -o /dev/null "$BASE$PRODUCTS_PATH" | tr -d '\r' | sed -n 's/^[Ee][Tt][Aa][Gg]: *//p')
[ -n "$ETAG" ] || { echo "no ETag on $BASE$PRODUCTS_PATH" >&2; exit 1; }
ETAG_STATUS=$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $ETAG" "$BASE$PRODUCTS_PATH")
PRODUCT_ITEMS=$(curl -s "$BASE$PRODUCTS_PATH" | grep -o '{"id":[0-9]*' | wc -l)
log "warming up…"
for list in $LISTS; do
    wrk -t1 -c2 -d3s "${AUTH[@]}" "$BASE${PATHS[$list]}?limit=$LIMIT" >/dev/null
    wrk -t1 -c2 -d3s "${AUTH[@]}" "$BASE${PATHS[$list]}?limit=$LIMIT&cursor=${DEEP_CURSOR[$list]}" >/dev/null
done
wrk -t1 -c2 -d3s "$BASE$PRODUCTS_PATH" >/dev/null
for ((round = 1; round <= ROUNDS; round++)); do
    for list in $LISTS; do
        log "round $round/$ROUNDS: $list first page…"
        measure "$BASE${PATHS[$list]}?limit=$LIMIT" "${AUTH[@]}" > "$WORK/$list.first.$round"
        log "round $round/$ROUNDS: $list deep page…"
        measure "$BASE${PATHS[$list]}?limit=$LIMIT&cursor=${DEEP_CURSOR[$list]}" "${AUTH[@]}" > "$WORK/$list.deep.$round"
    done
    log "round $round/$ROUNDS: products plain…"
    measure "$BASE$PRODUCTS_PATH" > "$WORK/etag.plain.$round"
    log "round $round/$ROUNDS: products If-None-Match…"
    measure "$BASE$PRODUCTS_PATH" -H "If-None-Match: $ETAG" > "$WORK/etag.match.$round"
done
median() {  # median of KEY over the rounds of a variant
    for f in "$WORK/$1".[0-9]*; do get "$2" "$(cat "$f")"; done | sort -g | awk '{ a[NR] = $1 } END { if (NR) print a[int((NR + 1) / 2)] }'
}

# --- SQL: keyset vs OFFSET straight in the database ------------------------------------------------------------------
log "SQL: keyset vs offset, $REPS times each…"
ORDER_COLUMNS="id, reference, store_id, buyer_email, buyer_account_id, status, amount_minor, currency, refunded_minor, gateway,
  psp_session_id, psp_payment_intent, payment_url, session_attempts, pending_key, started_by, failure_reason, flag_reason,
  dispute_outcome, created_at, updated_at, paid_at, version"
IFS=$'\t' read -r deep_at deep_id <<< "$(sql -e "SELECT CONCAT('''', created_at, ''''), id FROM customer_order WHERE store_id = $STORE_ID
                                        ORDER BY created_at DESC, id DESC LIMIT 1 OFFSET $((DEEP_AT[orders] - 1))")"
# The deep page's order ids, for its items as EclipseLink's batch read asks for them (eclipselink.batch.type IN).
deep_ids=$(sql -e "SELECT GROUP_CONCAT(id ORDER BY created_at DESC, id DESC) FROM (SELECT id, created_at FROM customer_order
                   WHERE store_id = $STORE_ID ORDER BY created_at DESC, id DESC LIMIT 100 OFFSET ${DEEP_AT[orders]}) x")
sql_queries=(
    "keyset first (API)|SELECT $ORDER_COLUMNS FROM customer_order WHERE store_id = $STORE_ID ORDER BY created_at DESC, id DESC LIMIT 101"
    "keyset deep (API: OR)|SELECT $ORDER_COLUMNS FROM customer_order WHERE store_id = $STORE_ID AND (created_at < $deep_at OR (created_at = $deep_at AND id < $deep_id)) ORDER BY created_at DESC, id DESC LIMIT 101"
    "keyset deep (row value)|SELECT $ORDER_COLUMNS FROM customer_order WHERE store_id = $STORE_ID AND (created_at, id) < ($deep_at, $deep_id) ORDER BY created_at DESC, id DESC LIMIT 101"
    "offset first (dashboard)|SELECT $ORDER_COLUMNS FROM customer_order WHERE store_id IN (SELECT id FROM store WHERE owner_id = $OWNER_ID) ORDER BY created_at DESC, id DESC LIMIT 100 OFFSET 0"
    "offset deep (dashboard)|SELECT $ORDER_COLUMNS FROM customer_order WHERE store_id IN (SELECT id FROM store WHERE owner_id = $OWNER_ID) ORDER BY created_at DESC, id DESC LIMIT 100 OFFSET ${DEEP_AT[orders]}"
    "offset deep (store_id =)|SELECT $ORDER_COLUMNS FROM customer_order WHERE store_id = $STORE_ID ORDER BY created_at DESC, id DESC LIMIT 100 OFFSET ${DEEP_AT[orders]}"
    "items of a page (batch IN)|SELECT ID, product_id, TITLE, currency, amount_minor, order_id FROM order_item WHERE (order_id IN ($deep_ids))"
)
customer_deep=$(sql -e "SELECT buyer_email FROM (SELECT DISTINCT buyer_email FROM customer_order WHERE store_id = $STORE_ID AND paid_at IS NOT NULL) e
                        ORDER BY buyer_email LIMIT 1 OFFSET $((${DEEP_AT[customers]:-1} - 1))")
customers_query="SELECT o.buyer_email, o.currency, COUNT(*), SUM(o.amount_minor - o.refunded_minor), MIN(o.paid_at), MAX(o.paid_at) FROM customer_order o JOIN (SELECT DISTINCT buyer_email FROM customer_order WHERE store_id = $STORE_ID AND paid_at IS NOT NULL AND buyer_email > %s ORDER BY buyer_email LIMIT 101) page ON page.buyer_email = o.buyer_email WHERE o.store_id = $STORE_ID AND o.paid_at IS NOT NULL GROUP BY o.buyer_email, o.currency ORDER BY o.buyer_email, o.currency"
sql_queries+=(
    "customers first (API)|$(printf "$customers_query" "''")"
    "customers deep (API)|$(printf "$customers_query" "'$customer_deep'")"
)
{
    for query in "${sql_queries[@]}"; do
        echo "SET @best = 1e9, @all = '';"
        for ((rep = 1; rep <= REPS; rep++)); do
            echo "SET @t = NOW(6); SELECT COUNT(*) INTO @n FROM (${query#*|}) x;"
            echo "SET @ms = TIMESTAMPDIFF(MICROSECOND, @t, NOW(6)) / 1000, @all = CONCAT_WS(' ', @all, ROUND(@ms, 2));"
        done
        echo "SELECT '${query%%|*}', @n, @all;"
    done
} | sql | while IFS=$'\t' read -r name rows times; do
    printf '%s\t%s\t%s\n' "$name" "$rows" "$(tr ' ' '\n' <<< "$times" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')"
done > "$WORK/sql.times"
for query in "${sql_queries[@]}"; do
    printf '  %-32s %s\n' "${query%%|*}:" "$(sql -r -e "ANALYZE FORMAT=JSON ${query#*|}" | python3 "$HERE/ledger-plan.py")"
done > "$WORK/sql.plans"
explain_customers=$(sql -e "EXPLAIN $(printf "$customers_query" "'$customer_deep'")")

# --- report ---------------------------------------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a + 0 > 0 && b != "") printf "%.2f", b / a; else print "-" }'; }
row() { printf '%-40s %12s %12s %9s\n' "$1" "$2" "$3" "$(ratio "$2" "$3")"; }
echo
echo "== keyset lists: first page vs deep page (wrk, medians of $ROUNDS rounds; ratio = deep/first, want ≈ 1) =="
for list in $LISTS; do
    printf '%-40s %12s %12s %9s\n' "$list (${TOTAL[$list]} items)" "first" "deep" "deep/first"
    for k in rps p50 p90 p99 server_ms db_ms other_cores; do
        label=$k
        case $k in rps) label="requests/s" ;; p50|p90|p99) label="$k ms" ;; server_ms) label="server CPU ms/request" ;;
                   db_ms) label="db CPU ms/request" ;; other_cores) label="other cores busy" ;; esac
        row "  $label" "$(median "$list.first" "$k")" "$(median "$list.deep" "$k")"
    done
    bad_first=0; bad_deep=0
    for f in "$WORK/$list".first.*; do bad_first=$((bad_first + $(get non2xx "$(cat "$f")") + $(get errors "$(cat "$f")"))); done
    for f in "$WORK/$list".deep.*; do bad_deep=$((bad_deep + $(get non2xx "$(cat "$f")") + $(get errors "$(cat "$f")"))); done
    row "  non-2xx + errors (all rounds)" "$bad_first" "$bad_deep"
done
echo
echo "== ETag: $PRODUCTS_PATH ($PRODUCT_ITEMS items), plain 200 vs If-None-Match 304 (ratio = 304/200) =="
printf '%-40s %12s %12s %9s\n' "" "200" "304" "304/200"
row "  responses/s" "$(median etag.plain all_rps)" "$(median etag.match all_rps)"
row "  p50 ms" "$(median etag.plain p50)" "$(median etag.match p50)"
row "  p99 ms" "$(median etag.plain p99)" "$(median etag.match p99)"
row "  bytes/response (headers included)" "$(median etag.plain bytes_per_request)" "$(median etag.match bytes_per_request)"
row "  server CPU ms/response" "$(median etag.plain server_ms)" "$(median etag.match server_ms)"
row "  db CPU ms/response" "$(median etag.plain db_ms)" "$(median etag.match db_ms)"
row "  other cores busy" "$(median etag.plain other_cores)" "$(median etag.match other_cores)"
echo "  status with If-None-Match (curl): $ETAG_STATUS (want 304; wrk counts 3xx as success)"
echo
echo "== orders page straight in MariaDB (median of $REPS, ms; deep = offset ${DEEP_AT[orders]}) =="
awk -F'\t' '{ printf "  %-32s %8s ms  (%s rows)\n", $1, $3, $2; t[$1] = $3 }
    END {
        kf = t["keyset first (API)"]; kd = t["keyset deep (API: OR)"]; kr = t["keyset deep (row value)"]
        of = t["offset first (dashboard)"]; od = t["offset deep (dashboard)"]
        if (kf > 0) printf "  keyset deep/first: %.2f   row-value deep/first: %.2f\n", kd / kf, kr / kf
        if (of > 0) printf "  offset deep/first: %.2f   offset deep / keyset deep: %.1f\n", od / of, (kd > 0 ? od / kd : 0)
        oe = t["offset deep (store_id =)"]
        if (kf > 0 && kd > 0) printf "  offset deep with store_id = (index order) / keyset first: %.1f   / keyset deep: %.1f\n", oe / kf, oe / kd
    }' "$WORK/sql.times"
echo "  plans (ANALYZE: time | table:access/key est=optimizer rows read=rows examined):"
cat "$WORK/sql.plans"
echo "  EXPLAIN customers deep page:"
sed 's/^/    /' <<< "$explain_customers"
if [ "$WALK" = 1 ]; then
    echo
    echo "== full walk with curl, limit=$LIMIT, one request at a time =="
    printf '  %-10s %7s %9s %6s %9s %9s %8s %9s %9s %5s\n' list pages items dups wall_s server_s pages/s p50_ms max_ms bad
    for list in $LISTS; do
        f=$(cat "$WORK/$list.walk")
        printf '  %-10s %7s %9s %6s %9s %9s %8s %9s %9s %5s%s\n' "$list" "$(get pages "$f")" "$(get items "$f")" \
            "$(get duplicates "$f")" "$(get seconds "$f")" "$(get server_s "$f")" "$(get pages_per_s "$f")" \
            "$(get page_p50_ms "$f")" "$(get page_max_ms "$f")" "$(get bad "$f")" \
            "$( [ "$(get items "$f")" = "${TOTAL[$list]}" ] && [ "$(get duplicates "$f")" = 0 ] && echo "  OK" || echo "  FAIL (want ${TOTAL[$list]} items, 0 duplicates)")"
    done
fi
if [ "$QUERY_LOG" = 1 ]; then
    echo
    echo "== SQL statements per request (general log) =="
    cat "$WORK/queries"
fi
