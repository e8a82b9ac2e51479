#!/usr/bin/env bash
# Download throughput of a 1 GiB file over loopback, the app next to nginx, measured side by side in one run:
#   app    = GET /download/<token>, the buyer's link (DownloadServlet: a token lookup, one use claimed, a
#            download_event row, then the file streamed from local storage in 256 KiB slices)
#   nginx  = the same bytes from nginx with sendfile (the ceiling for this machine: no copy through user space)
# with 1 and with PARALLEL clients (curl, each one whole file), alternating app 1, nginx 1, app N, nginx N, ROUNDS
# times; each cell reports the median (and best) aggregate MB/s = bytes of all clients / wall time of the phase
# (MB = 10^6 bytes). Every answer must be a 200 with all 1073741824 bytes. Target: app/nginx >= 0.70.
# Meanwhile jstat samples the server JVM's heap every HEAP_MS: streaming must keep it flat (garbage per slice at
# most, never the file), so the table shows used heap before, during the app phases and after.
#
# Data: a random 1 GiB file in the app's storage (key files/be0c…01, reused when it has the right size) and rows
# that let a link serve it: a product_file of the first product, a grant on the first order, and a fresh link per
# run (limit 1000000 uses, expires in a day). The file row is marked removed the moment it is added: existing
# grants keep working (Downloads never looks at removed_at) but the product's pages and future buyers don't see it.
#
# Usage: start the app (mvn -Pdev wildfly:run), then: bench/downloads.sh [base-url]
# Env: BASE (http://localhost:8080), ROUNDS (2), PARALLEL (16), NGINX_PORT (8089), HEAP_MS (250), PAUSE (2 s
#      between phases), STORAGE_DIR (the running JVM's -Dskillform.storage.dir, else .skillform-dev/storage),
#      SERVER_PID, DB_HOST (127.0.0.1), DB_PORT (3307), DB_USER (skillform), DB_PASSWORD (skillform), DB_NAME (skillform).
set -euo pipefail

BASE=${1:-${BASE:-http://localhost:8080}}
ROUNDS=${ROUNDS:-2}
PARALLEL=${PARALLEL:-16}
NGINX_PORT=${NGINX_PORT:-8089}
HEAP_MS=${HEAP_MS:-250}
PAUSE=${PAUSE:-2}
DB_HOST=${DB_HOST:-127.0.0.1}
DB_PORT=${DB_PORT:-3307}
DB_USER=${DB_USER:-skillform}
DB_PASSWORD=${DB_PASSWORD:-skillform}
DB_NAME=${DB_NAME:-skillform}
SIZE=1073741824
KEY=files/be0c0000000000000000000000000001
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/downloads-bench.XXXXXX")
CURLS=()
cleanup() {
    [ ${#CURLS[@]} -eq 0 ] || kill "${CURLS[@]}" 2>/dev/null || true
    [ -z "${JSTAT_PID:-}" ] || kill "$JSTAT_PID" 2>/dev/null || true
    [ -z "${NGINX_PID:-}" ] || { kill "$NGINX_PID" 2>/dev/null; wait "$NGINX_PID" 2>/dev/null; } || true
    rm -rf "$WORK"
}
trap cleanup EXIT

# sql, log, cpu_snapshot/cpu_delta, SERVER_PID (the JVM on the base URL's port), the MariaDB client.
. "$HERE/lib.sh"
if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
    apt-get install -y -qq nginx >/dev/null || { apt-get update -qq && apt-get install -y -qq nginx >/dev/null; }
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

status=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/" || true)
[ "$status" = 200 ] || { echo "$BASE/ answers $status; start the app first (mvn -B -o -Pdev wildfly:run)" >&2; exit 1; }
[ -n "$SERVER_PID" ] || log "no process found listening on port $port: no heap or server CPU figures"
# The folder the running server reads, so the bench never writes where the app does not look.
jvm_dir=$( [ -z "$SERVER_PID" ] || tr '\0' '\n' < "/proc/$SERVER_PID/cmdline" | sed -n 's/^-Dskillform.storage.dir=//p' | head -1)
STORAGE_DIR=${STORAGE_DIR:-${jvm_dir:-$HERE/../.skillform-dev/storage}}
ID=${KEY#*/}
FILE=$STORAGE_DIR/${KEY%%/*}/${ID:0:2}/$ID

if [ "$(stat -c %s "$FILE" 2>/dev/null || echo 0)" != "$SIZE" ]; then
    log "writing 1 GiB of random bytes to $FILE…"
    mkdir -p "$(dirname "$FILE")"
    head -c "$SIZE" /dev/urandom > "$FILE.partial" && mv "$FILE.partial" "$FILE"
fi
# Hashed every run: the row needs it (the ETag) and reading it puts the file in the page cache for both servers.
log "sha256 of $FILE…"
SHA=$(sha256sum "$FILE" | cut -c1-64)

TOKEN=$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=' | cut -c1-43)
HASH=$(printf %s "$TOKEN" | sha256sum | cut -c1-64)
LINK_ID=$(sql <<SQL
SET @now = UTC_TIMESTAMP(6);
SELECT COALESCE((SELECT product_id FROM product_file WHERE storage_key = '$KEY'),
                (SELECT id FROM product ORDER BY id LIMIT 1)) INTO @product;
INSERT INTO product_file (product_id, storage_key, file_name, content_type, size_bytes, sha256, added_at, removed_at)
  VALUES (@product, '$KEY', 'bench-1gib.bin', 'application/octet-stream', $SIZE, '$SHA', @now, @now)
  ON DUPLICATE KEY UPDATE size_bytes = VALUES(size_bytes), sha256 = VALUES(sha256);
SELECT id INTO @file FROM product_file WHERE storage_key = '$KEY';
SELECT id, store_id, buyer_email INTO @order, @store, @email FROM customer_order ORDER BY id LIMIT 1;
INSERT INTO download_grant (order_id, store_id, product_id, product_file_id, buyer_email, download_limit,
                            extra_downloads, link_lifetime_hours, granted_at)
  VALUES (@order, @store, @product, @file, @email, 100, 999900, 720, @now)
  ON DUPLICATE KEY UPDATE revoked_at = NULL, revoked_reason = NULL, downloads_used = 0;
SELECT id INTO @grant FROM download_grant WHERE order_id = @order AND product_file_id = @file;
INSERT INTO download_link (grant_id, token_hash, issued_for, issued_at, expires_at)
  VALUES (@grant, '$HASH', 'LIBRARY', @now, @now + INTERVAL 1 DAY);
SELECT LAST_INSERT_ID();
SQL
)
APP_URL=$BASE/download/$TOKEN

# nginx as this user with everything it writes in WORK; it serves a symlink, not the whole storage folder.
mkdir -p "$WORK/nginx" "$WORK/www"
ln -s "$FILE" "$WORK/www/bench-1gib.bin"
NGINX_URL=http://127.0.0.1:$NGINX_PORT/bench-1gib.bin
cat > "$WORK/nginx/nginx.conf" <<CONF
$( [ "$(id -u)" != 0 ] || echo "user $(id -un) $(id -gn);" )
worker_processes auto;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 256; }
http {
    sendfile on;
    tcp_nopush on;
    access_log off;
    default_type application/octet-stream;
    client_body_temp_path $WORK/nginx/body; proxy_temp_path $WORK/nginx/proxy; fastcgi_temp_path $WORK/nginx/fastcgi;
    uwsgi_temp_path $WORK/nginx/uwsgi; scgi_temp_path $WORK/nginx/scgi;
    server { listen 127.0.0.1:$NGINX_PORT; root $WORK/www; }
}
CONF
"$NGINX" -p "$WORK/nginx" -e "$WORK/nginx/error.log" -c "$WORK/nginx/nginx.conf" &
NGINX_PID=$!
for _ in $(seq 50); do curl -sf -o /dev/null -I "$NGINX_URL" && break; sleep 0.1; done
kill -0 "$NGINX_PID" 2>/dev/null || { echo "nginx did not start:" >&2; cat "$WORK/nginx/error.log" >&2; exit 1; }

# One whole download from each, hashed: both serve exactly the stored bytes (and the JIT has seen the app's loop).
for who in app nginx; do
    url=$APP_URL; [ "$who" = app ] || url=$NGINX_URL
    sum=$(curl -s -D "$WORK/$who.head" "$url" | sha256sum | cut -c1-64) || true
    got=$(awk 'NR == 1 { print $2 }' "$WORK/$who.head")
    [ "$got" = 200 ] && [ "$sum" = "$SHA" ] || { echo "$who: $url answers $got, sha256 $sum, want 200 and $SHA" >&2; exit 1; }
done
log "both serve sha256 $SHA; link $LINK_ID, server pid ${SERVER_PID:-?}, nginx pid $NGINX_PID"

# The heap sampler: jstat reads the JVM's perf counters (cheap, unlike a jcmd per sample); each line gets the time.
if [ -n "$SERVER_PID" ]; then
    mkfifo "$WORK/heap.fifo"
    while IFS= read -r line; do echo "$EPOCHREALTIME $line"; done < "$WORK/heap.fifo" > "$WORK/heap.txt" &
    jstat -gc "$SERVER_PID" "$HEAP_MS" > "$WORK/heap.fifo" &
    JSTAT_PID=$!
fi
touch "$WORK/heap.txt"

nginx_jiffies() { local t=0 p; for p in $NGINX_PID $(pgrep -P "$NGINX_PID"); do t=$((t + $(proc_jiffies "$p"))); done; echo $t; }
# cpu_snapshot with the nginx processes' jiffies in the server's place for nginx phases.
snap() { local s; s="$(cpu_snapshot) $(nginx_jiffies)"; awk -v w="$1" '{ print $1, $2, (w == "nginx" ? $5 : $3), $4 }' <<< "$s"; }

# One phase: CLIENTS curls at once; appends "who clients round MB/s bad server_cores other_cores t0 t1" to results.
phase() {
    local who=$1 n=$2 round=$3 url=$APP_URL dir="$WORK/$1.$2.$3" t0 t1 s0 s1 cpu i
    [ "$who" = app ] || url=$NGINX_URL
    mkdir -p "$dir"; CURLS=()
    s0=$(snap "$who"); t0=$EPOCHREALTIME
    for ((i = 1; i <= n; i++)); do
        curl -s --max-time 600 -o /dev/null -w '%{size_download} %{time_total} %{http_code}\n' "$url" > "$dir/$i" &
        CURLS+=($!)
    done
    wait "${CURLS[@]}" || true   # a failed curl still writes its line, checked below
    t1=$EPOCHREALTIME; s1=$(snap "$who"); CURLS=()
    cpu=$(cpu_delta "$s0" "$s1" 0)
    cat "$dir"/* | awk -v who="$who" -v n="$n" -v r="$round" -v size="$SIZE" -v t0="$t0" -v t1="$t1" \
        -v sc="$(get server_cores "$cpu")" -v oc="$(get other_cores "$cpu")" '
        { bytes += $1; if ($1 != size || $3 != 200) bad++; lines++ }
        END { printf "%s %d %d %.0f %d %s %s %s %s\n", who, n, r, bytes / 1e6 / (t1 - t0), bad + n - lines, sc, oc, t0, t1 }' \
        | tee -a "$WORK/results" | awk '{ printf "  %-5s %2d client(s): %6s MB/s, %d bad, server %s cores\n", $1, $2, $4, $5, $6 }' >&2
}

sleep 3   # heap "before": the server idle
for ((r = 1; r <= ROUNDS; r++)); do
    log "round $r of $ROUNDS…"
    for n in 1 "$PARALLEL"; do
        for who in app nginx; do phase "$who" "$n" "$r"; sleep "$PAUSE"; done
    done
done
sleep 3   # heap "after"
T_FIRST=$(awk 'NR == 1 { print $8 }' "$WORK/results"); T_LAST=$(awk 'END { print $9 }' "$WORK/results")
[ -z "${JSTAT_PID:-}" ] || { kill "$JSTAT_PID" 2>/dev/null; wait "$JSTAT_PID" 2>/dev/null || true; JSTAT_PID=; }

# Heap over time windows "t0 t1 …": "used MB min–max | old gen MB max | young GCs" (used = survivors + eden + old).
heap() {
    awk -v w="$*" 'BEGIN { n = split(w, t, " ") }
        $2 == "S0C" { for (i = 2; i <= NF; i++) c[$i] = i; next }
        { for (j = 1; j < n; j += 2) if ($1 + 0 >= t[j] + 0 && $1 + 0 <= t[j + 1] + 0) {
              u = ($c["S0U"] + $c["S1U"] + $c["EU"] + $c["OU"]) / 1024; o = $c["OU"] / 1024
              if (!k++ || u < lo) lo = u
              if (u > hi) hi = u
              if (o > old) old = o
              if (!(j in y0)) y0[j] = $c["YGC"]
              y1[j] = $c["YGC"] } }
        END { for (j in y0) g += y1[j] - y0[j]
              if (k) printf "%.0f–%.0f | %.0f | %d (%d samples)", lo, hi, old, g, k; else printf "- | - | -" }' "$WORK/heap.txt"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) + 0 }'; }
col() { awk -v w="$1" -v n="$2" -v k="$3" '$1 == w && $2 == n { print $k }' "$WORK/results"; }

events=$(sql -e "SELECT COUNT(*) FROM download_event WHERE link_id = $LINK_ID")
used=$(sql -e "SELECT g.downloads_used FROM download_grant g JOIN download_link l ON l.grant_id = g.id WHERE l.id = $LINK_ID")
app_downloads=$(( 1 + ROUNDS * (1 + PARALLEL) ))
echo
echo "1 GiB over loopback, $ROUNDS round(s), $(nproc) CPUs; MB/s = 10^6 bytes/s, median (best) of the rounds; cores = median"
echo
echo "| clients | app MB/s | nginx MB/s | app/nginx (target ≥ 0.70) | app JVM cores | nginx cores | other cores app / nginx | bad answers app / nginx |"
echo "|---|---|---|---|---|---|---|---|"
for n in 1 "$PARALLEL"; do
    am=$(col app "$n" 4 | median); nm=$(col nginx "$n" 4 | median)
    printf '| %s | %s (%s) | %s (%s) | %s | %s | %s | %s / %s | %s / %s |\n' "$n" \
        "$am" "$(col app "$n" 4 | sort -n | tail -1)" "$nm" "$(col nginx "$n" 4 | sort -n | tail -1)" \
        "$(awk -v a="$am" -v b="$nm" 'BEGIN { r = b > 0 ? a / b : 0; printf "%.3f %s", r, (r >= 0.70 ? "OK" : "BELOW") }')" \
        "$(col app "$n" 6 | median)" "$(col nginx "$n" 6 | median)" "$(col app "$n" 7 | median)" "$(col nginx "$n" 7 | median)" \
        "$(col app "$n" 5 | awk '{ s += $1 } END { print s + 0 }')" "$(col nginx "$n" 5 | awk '{ s += $1 } END { print s + 0 }')"
done
echo
echo "| server JVM heap (jstat every $HEAP_MS ms) | used MB min–max | old gen MB max | young GCs |"
echo "|---|---|---|---|"
echo "| before (idle 3 s) | $(heap "$(awk -v t="$T_FIRST" 'BEGIN { printf "%.6f", t - 3 }')" "$T_FIRST") |"
for n in 1 "$PARALLEL"; do
    echo "| during app, $n client(s), all rounds | $(heap "$(awk -v n="$n" '$1 == "app" && $2 == n { printf "%s %s ", $8, $9 }' "$WORK/results")") |"
done
echo "| after (idle 3 s) | $(heap "$T_LAST" "$(awk -v t="$T_LAST" 'BEGIN { printf "%.6f", t + 3 }')") |"
echo
echo "download_event rows for link $LINK_ID: $events, downloads_used $used, app downloads $app_downloads (1 warm-up)" \
    "$( [ "$events" = "$app_downloads" ] && [ "$used" = "$app_downloads" ] && echo OK || echo FAIL)"
