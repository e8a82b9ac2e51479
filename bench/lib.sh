# Shared by the bench scripts (sourced, after BASE and DB_* are set): the database client, logging, CPU accounting
# and the Debian tools they need.

sql() { MYSQL_PWD=$DB_PASSWORD mysql -h"$DB_HOST" -P"$DB_PORT" -u"$DB_USER" -N -B "$DB_NAME" "$@"; }
log() { printf '%s %s\n' "$(date '+%H:%M:%S')" "$*" >&2; }

# CPU accounting (when the server and database run on this machine): jiffies of the whole machine, the server's JVM
# (the process listening on the base URL's port) and the database, so each phase reports CPU ms per request and
# how much of the machine other processes took (it is shared and noisy).
listener_pid() { ss -ltnpH "sport = :$1" 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1; }
port=${BASE##*:}; port=${port%%/*}; [[ "$port" =~ ^[0-9]+$ ]] || port=80
SERVER_PID=${SERVER_PID:-$(listener_pid "$port")}
DB_PID=${DB_PID:-$(listener_pid "$DB_PORT")}
HZ=$(getconf CLK_TCK)
proc_jiffies() { [ -n "$1" ] && [ -r "/proc/$1/stat" ] && awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat" || echo 0; }
# "total busy server db" jiffies
cpu_snapshot() {
    echo "$(awk '/^cpu / { t = 0; for (i = 2; i <= NF; i++) t += $i; print t, t - $5 - $6 }' /proc/stat) $(proc_jiffies "$SERVER_PID") $(proc_jiffies "$DB_PID")"
}
# Prints server_cores, db_cores, other_cores (everything else: wrk, other users) and server/db CPU ms per unit
# between two snapshots, for COUNT units (requests or events).
cpu_delta() {
    awk -v a="$1" -v b="$2" -v n="$3" -v hz="$HZ" -v cpus="$(nproc)" 'BEGIN {
        split(a, x, " "); split(b, y, " ")
        total = y[1] - x[1]; busy = y[2] - x[2]; srv = y[3] - x[3]; db = y[4] - x[4]
        secs = total / cpus / hz
        printf "server_cores=%.2f\ndb_cores=%.2f\nother_cores=%.2f\n", srv / hz / secs, db / hz / secs, (busy - srv - db) / hz / secs
        printf "server_ms=%.2f\ndb_ms=%.2f\n", (n > 0 ? 1000 * srv / hz / n : 0), (n > 0 ? 1000 * db / hz / n : 0)
    }'
}

get() { sed -n "s/^$1=//p" <<< "$2"; }

# Runs wrk (THREADS, CONNECTIONS, DURATION; extra arguments go to wrk). Prints "key=value" lines: rps (2xx answers
# per second, less a Lua script's filler requests), all_rps, requests, seconds, p50, p90, p99 (ms), non2xx, errors,
# bytes (read, headers included; wrk rounds it to 2 decimals of its unit) and bytes_per_request,
# a Lua script's EVENTS counters, and the CPU figures of cpu_delta.
measure() {
    local url=$1; shift
    local out="$WORK/wrk.$RANDOM.txt" before after result
    before=$(cpu_snapshot)
    WRK_THREADS=$THREADS CONNECTIONS=$CONNECTIONS wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency "$@" "$url" > "$out"
    after=$(cpu_snapshot)
    result=$(awk '
        function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
        function secs(v) { if (v ~ /ms$/) return v / 1000; if (v ~ /m$/) return v * 60; return v + 0 }
        function bytes(v) { if (v ~ /GB$/) return v * 1073741824; if (v ~ /MB$/) return v * 1048576; if (v ~ /KB$/) return v * 1024; return v + 0 }
        / requests in / { sub(",", "", $4); requests = $1; seconds = secs($4); read = bytes($5) }
        $1 == "50%" { p50 = ms($2) } $1 == "90%" { p90 = ms($2) } $1 == "99%" { p99 = ms($2) }
        /Non-2xx/ { bad = $5 }
        /Socket errors/ { gsub(",", ""); errors = $4 + $6 + $8 + $10 }
        /^EVENTS/ { for (i = 2; i <= NF; i++) { split($i, kv, "="); ev[kv[1]] = kv[2] } }
        END {
            good = requests - bad - ev["fillers"]
            printf "requests=%d\nseconds=%.2f\nrps=%.0f\nall_rps=%.0f\np50=%.2f\np90=%.2f\np99=%.2f\nnon2xx=%d\nerrors=%d\n",
                requests, seconds, good / seconds, requests / seconds, p50, p90, p99, bad, errors
            printf "bytes=%.0f\nbytes_per_request=%.0f\n", read, (requests > 0 ? read / requests : 0)
            for (k in ev) printf "%s=%d\n", k, ev[k]
        }' "$out")
    echo "$result"
    # CPU per answer: per 2xx answer, or per answer when none is 2xx (malformed)
    local n
    n=$(get requests "$result"); [ "$(get non2xx "$result")" = "$n" ] || n=$((n - $(get non2xx "$result")))
    cpu_delta "$before" "$after" "$n"
}
# Tools from Debian: wrk (load; not for a script that sets BENCH_NEEDS_WRK=0) and the MariaDB client.
missing=()
[ "${BENCH_NEEDS_WRK:-1}" = 0 ] || command -v wrk >/dev/null || missing+=(wrk)
command -v mysql >/dev/null || missing+=(mariadb-client)
if [ ${#missing[@]} -gt 0 ]; then
    apt-get install -y -qq "${missing[@]}" >/dev/null || { apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null; }
fi

ms_now() { date +%s%N | cut -c1-13; }

# Loads COUNT sale transactions numbered FIRST… of a phase whose sales are numbered PHASE_FIRST… PHASE_FIRST+TOTAL-1
# (their position in the phase places them in time, over the last LOAD_DAYS days) into the ledger of store STORE_ID,
# keyed bench:RUN:<n>:sale, in one database transaction — the rows the Journal would write, written in bulk.
load_sales() {
    local first=$1 count=$2 phase_first=$3 total=$4
    sql <<SQL
SET @store = $STORE_ID, @now = UTC_TIMESTAMP(6), SESSION group_concat_max_len = 1 << 30;
SET @end = @now - INTERVAL 1 MINUTE, @span_us = $LOAD_DAYS * 86400 * 1000000;
INSERT IGNORE INTO ledger_account (store_id, kind, currency, balance_minor, postings, updated_at)
  VALUES (@store, 'CREATOR_PENDING', 'USD', 0, 0, @now), (0, 'PSP_CLEARING', 'USD', 0, 0, @now),
         (0, 'FEE_REVENUE', 'USD', 0, 0, @now);
CREATE TEMPORARY TABLE bench_sale (n BIGINT NOT NULL PRIMARY KEY, idem VARCHAR(120) NOT NULL, gross BIGINT NOT NULL,
                                   fee BIGINT NOT NULL, posted_at DATETIME(6) NOT NULL, tx BIGINT NULL, UNIQUE KEY (idem))
  SELECT n, CONCAT('bench:$RUN:', n, ':sale') AS idem, gross, ROUND(gross * 0.05) + 30 AS fee,
         @end - INTERVAL FLOOR(($phase_first + $total - 1 - n) * (@span_us / $total)) MICROSECOND AS posted_at
  FROM (SELECT $first - 1 + CAST(seq AS SIGNED) AS n, 500 + ($first - 1 + CAST(seq AS SIGNED)) * 7919 % 9500 AS gross
        FROM seq_1_to_$count) s;
CREATE TEMPORARY TABLE bench_leg (rn BIGINT NOT NULL PRIMARY KEY, tx BIGINT NOT NULL, account BIGINT NOT NULL,
                                  store BIGINT NOT NULL, amount BIGINT NOT NULL, posted_at DATETIME(6) NOT NULL);

START TRANSACTION;
-- The Journal's lock order: the store's accounts, then the platform's, each in its unique index's order.
SELECT GROUP_CONCAT(id) INTO @locked_store FROM ledger_account WHERE store_id = @store AND currency = 'USD' FOR UPDATE;
SELECT GROUP_CONCAT(id) INTO @locked_platform FROM ledger_account WHERE store_id = 0 AND currency = 'USD' FOR UPDATE;
SELECT id, balance_minor INTO @creator, @creator_before FROM ledger_account
  WHERE store_id = @store AND currency = 'USD' AND kind = 'CREATOR_PENDING';
SELECT id, balance_minor INTO @clearing, @clearing_before FROM ledger_account
  WHERE store_id = 0 AND currency = 'USD' AND kind = 'PSP_CLEARING';
SELECT id, balance_minor INTO @fees, @fees_before FROM ledger_account
  WHERE store_id = 0 AND currency = 'USD' AND kind = 'FEE_REVENUE';
-- Multi-row INSERT … VALUES built here and executed: MariaDB 11.4.5 refuses INSERT … SELECT from a table into a
-- table with a BEFORE UPDATE trigger (ERROR 1048 "Column … cannot be null"), and the ledger's tables have them.
SELECT CONCAT('INSERT INTO ledger_transaction (idempotency_key, kind, store_id, order_id, memo, posted_at) VALUES ',
              GROUP_CONCAT('(', QUOTE(idem), ', ''SALE'', ', @store, ', NULL, ', QUOTE(CONCAT('Sale, bench $RUN #', n)), ', ',
                           QUOTE(posted_at), ')' ORDER BY n SEPARATOR ','))
  INTO @insert FROM bench_sale;
PREPARE insert_rows FROM @insert; EXECUTE insert_rows; DEALLOCATE PREPARE insert_rows;
UPDATE bench_sale s JOIN ledger_transaction t ON t.idempotency_key = s.idem SET s.tx = t.id;
INSERT INTO bench_leg SELECT n * 3, tx, @clearing, 0, gross, posted_at FROM bench_sale;
INSERT INTO bench_leg SELECT n * 3 + 1, tx, @fees, 0, -fee, posted_at FROM bench_sale;
INSERT INTO bench_leg SELECT n * 3 + 2, tx, @creator, @store, fee - gross, posted_at FROM bench_sale;
-- One statement, in rn order: the ids follow rn, and so do the running balances.
SELECT CONCAT('INSERT INTO ledger_posting (transaction_id, account_id, store_id, amount_minor, balance_after_minor, posted_at) VALUES ',
              GROUP_CONCAT('(', tx, ',', account, ',', store, ',', amount, ',', after, ',', QUOTE(posted_at), ')' ORDER BY rn SEPARATOR ','))
  INTO @insert
  FROM (SELECT rn, tx, account, store, amount, posted_at,
               CASE account WHEN @creator THEN @creator_before WHEN @clearing THEN @clearing_before ELSE @fees_before END
                 + SUM(amount) OVER (PARTITION BY account ORDER BY rn) AS after
        FROM bench_leg) l;
PREPARE insert_rows FROM @insert; EXECUTE insert_rows; DEALLOCATE PREPARE insert_rows;
UPDATE ledger_account a JOIN (SELECT account, SUM(amount) AS amount, COUNT(*) AS n FROM bench_leg GROUP BY account) l
    ON l.account = a.id
  SET a.balance_minor = a.balance_minor + l.amount, a.postings = a.postings + l.n, a.updated_at = @now;
INSERT INTO earnings_day (store_id, currency, earned_on, gross_minor, refunds_minor, fees_minor, net_minor, sales, line_count)
  SELECT @store, 'USD', DATE(posted_at), SUM(gross), 0, SUM(fee), SUM(gross - fee), COUNT(*), COUNT(*)
  FROM bench_sale GROUP BY DATE(posted_at)
  ON DUPLICATE KEY UPDATE gross_minor = gross_minor + VALUES(gross_minor), fees_minor = fees_minor + VALUES(fees_minor),
    net_minor = net_minor + VALUES(net_minor), sales = sales + VALUES(sales), line_count = line_count + VALUES(line_count);
COMMIT;
SQL
}

# The trial balance's queries (TrialBalanceChecks.check, each with its LIMIT 21) in one consistent snapshot:
# prints "name problems ms" per check and "total - ms" with the three counts.
trial_balance() {
    local checks=(
        "sums|SELECT p.transaction_id, a.currency, SUM(p.amount_minor) FROM ledger_posting p JOIN ledger_account a ON a.id = p.account_id GROUP BY p.transaction_id, a.currency HAVING SUM(p.amount_minor) <> 0"
        "legs|SELECT t.id, COUNT(p.id) FROM ledger_transaction t LEFT JOIN ledger_posting p ON p.transaction_id = t.id GROUP BY t.id HAVING COUNT(p.id) < 2"
        "balances|SELECT a.id, a.store_id, a.kind, a.currency, a.balance_minor, a.postings, COALESCE(SUM(p.amount_minor), 0), COUNT(p.id) FROM ledger_account a LEFT JOIN ledger_posting p ON p.account_id = a.id GROUP BY a.id HAVING a.balance_minor <> COALESCE(SUM(p.amount_minor), 0) OR a.postings <> COUNT(p.id)"
        "last_after|SELECT a.id, a.store_id, a.currency, p.balance_after_minor, a.balance_minor FROM ledger_account a JOIN ledger_posting p ON p.id = (SELECT MAX(l.id) FROM ledger_posting l WHERE l.account_id = a.id) WHERE p.balance_after_minor <> a.balance_minor"
        "available|SELECT store_id, currency, balance_minor FROM ledger_account WHERE kind = 'CREATOR_AVAILABLE' AND balance_minor > 0"
        "zero_sum|SELECT currency, SUM(balance_minor) FROM ledger_account GROUP BY currency HAVING SUM(balance_minor) <> 0"
        "day_totals|SELECT d.store_id, d.currency, d.net, -COALESCE(a.balance, 0) FROM (SELECT store_id, currency, SUM(net_minor) AS net FROM earnings_day GROUP BY store_id, currency) d LEFT JOIN (SELECT store_id, currency, SUM(balance_minor) AS balance FROM ledger_account WHERE store_id > 0 GROUP BY store_id, currency) a ON a.store_id = d.store_id AND a.currency = d.currency WHERE d.net <> -COALESCE(a.balance, 0) UNION ALL SELECT a.store_id, a.currency, 0, -SUM(a.balance_minor) FROM ledger_account a WHERE a.store_id > 0 AND NOT EXISTS (SELECT 1 FROM earnings_day d WHERE d.store_id = a.store_id AND d.currency = a.currency) GROUP BY a.store_id, a.currency HAVING SUM(a.balance_minor) <> 0"
    )
    {
        echo "START TRANSACTION WITH CONSISTENT SNAPSHOT; SET @all = NOW(6);"
        for check in "${checks[@]}"; do
            echo "SET @t = NOW(6); SELECT COUNT(*) INTO @n FROM (${check#*|} LIMIT 21) x;"
            echo "SELECT '${check%%|*}', @n, ROUND(TIMESTAMPDIFF(MICROSECOND, @t, NOW(6)) / 1000, 1);"
        done
        echo "SET @t = NOW(6); SELECT (SELECT COUNT(*) FROM ledger_transaction), (SELECT COUNT(*) FROM ledger_posting), (SELECT COUNT(*) FROM ledger_account) INTO @tx, @po, @ac;"
        echo "SELECT 'counts', CONCAT(@tx, '/', @po, '/', @ac), ROUND(TIMESTAMPDIFF(MICROSECOND, @t, NOW(6)) / 1000, 1);"
        echo "SELECT 'total', '-', ROUND(TIMESTAMPDIFF(MICROSECOND, @all, NOW(6)) / 1000, 1); COMMIT;"
    } | sql
}

# Signs in as EMAIL with PASSWORD with the login form (JSF: its ViewState and submit button, as a browser posts them),
# checks that the page at the path given then answers 200 with the text given (not the login form), and prints the
# JSESSIONID it ends with (the session id changes at login).
login() {
    local email=$1 password=$2 check=$3 text=$4 jar="$WORK/cookies.$RANDOM.txt" page form viewstate action submit_name submit_value status body
    rm -f "$jar"
    page=$(curl -s -c "$jar" -b "$jar" "$BASE/login")
    form=$(sed -n '/<form id="login"/,/<\/form>/p' <<< "$page")
    viewstate=$(grep -o 'name="jakarta.faces.ViewState"[^>]*value="[^"]*"' <<< "$form" | head -1 | sed 's/.*value="//; s/"$//')
    action=$(grep -o '<form id="login"[^>]*action="[^"]*"' <<< "$form" | sed 's/.*action="//; s/"$//')
    submit_name=$(grep -o '<input[^>]*type="submit"[^>]*>' <<< "$form" | head -1 | grep -o 'name="[^"]*"' | sed 's/name="//; s/"$//')
    submit_value=$(grep -o '<input[^>]*type="submit"[^>]*>' <<< "$form" | head -1 | grep -o 'value="[^"]*"' | sed 's/value="//; s/"$//')
    [ -n "$viewstate" ] && [ -n "$action" ] && [ -n "$submit_name" ] || { echo "no login form at $BASE/login" >&2; return 1; }
    curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "login=login" --data-urlencode "login:email=$email" \
        --data-urlencode "login:password=$password" --data-urlencode "$submit_name=$submit_value" \
        --data-urlencode "jakarta.faces.ViewState=$viewstate" "${BASE%/}${action#"${BASE%/}"}"
    body=$(curl -s -b "$jar" -w '\n%{http_code}' "$BASE$check")
    status=${body##*$'\n'}
    if [ "$status" != 200 ] || ! grep -q "$text" <<< "$body" || grep -q '<form id="login"' <<< "$body"; then
        echo "login as $email failed: $BASE$check answers $status $(grep -q '<form id="login"' <<< "$body" && echo '(the login form)')" >&2
        return 1
    fi
    awk '$6 == "JSESSIONID" { print $7 }' "$jar" | tail -1
    rm -f "$jar"
}


# Waits (up to SETTLE_TIMEOUT s) until InnoDB has written back what a load left dirty (at most 1 % of the buffer pool)
# and purged its undo: measuring earlier measures the load's aftermath (seen once: dashboard p99 3.4 s right after
# the 1M load, 0.1 s minutes later). Sets SETTLE_S and SETTLE_FROM ("dirty pages/total, history length" at the start).
settle() {
    local start dirty total history
    start=$(ms_now); SETTLE_FROM=""
    while :; do
        read -r dirty total history <<< "$(sql -e "SELECT SUM(IF(VARIABLE_NAME = 'INNODB_BUFFER_POOL_PAGES_DIRTY', VARIABLE_VALUE, 0)),
                SUM(IF(VARIABLE_NAME = 'INNODB_BUFFER_POOL_PAGES_TOTAL', VARIABLE_VALUE, 0)),
                SUM(IF(VARIABLE_NAME = 'INNODB_HISTORY_LIST_LENGTH', VARIABLE_VALUE, 0))
            FROM information_schema.GLOBAL_STATUS")"
        [ -n "$SETTLE_FROM" ] || SETTLE_FROM="$dirty/$total, $history"
        if [ $((dirty * 100)) -le "$total" ] && [ "$history" -lt 1000 ]; then break; fi
        if [ $(( $(ms_now) - start )) -ge $((SETTLE_TIMEOUT * 1000)) ]; then
            log "  InnoDB still busy after $SETTLE_TIMEOUT s ($dirty/$total pages dirty, history $history); measuring anyway"
            break
        fi
        sleep 1
    done
    SETTLE_S=$(awk -v ms=$(( $(ms_now) - start )) 'BEGIN { printf "%.0f", ms / 1000 }')
}
