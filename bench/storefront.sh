#!/usr/bin/env bash
# Storefront speed, measured side by side in one run on one server:
#   trivial  = /robots.txt, a static file behind the same filters (the ceiling for this server and machine)
#   product  = an anonymous product page as visitors get it (served from the public page cache once rendered)
#   miss     = the same page with a unique query string per request, so every request renders it (cache miss)
#   half     = the product page at half of its measured peak rate: the p99 a visitor sees under normal load
# Usage: start the app (mvn -Pdev wildfly:run), then: bench/storefront.sh [base-url]
# Env: PRODUCT (path, default the demo handbook), CONNECTIONS (64), DURATION (15s), THREADS (2).
set -euo pipefail

BASE=${1:-http://localhost:8080}
PRODUCT=${PRODUCT:-/@demo/indie-makers-handbook}
TRIVIAL=/robots.txt
CONNECTIONS=${CONNECTIONS:-64}
DURATION=${DURATION:-15s}
THREADS=${THREADS:-2}
HERE=$(cd "$(dirname "$0")" && pwd)

if ! command -v wrk >/dev/null; then
    apt-get install -y wrk >/dev/null
fi
for path in "$TRIVIAL" "$PRODUCT"; do
    status=$(curl -s -o /dev/null -w '%{http_code}' "$BASE$path")
    [ "$status" = 200 ] || { echo "$BASE$path answers $status; is the app running with demo data?" >&2; exit 1; }
done

# Prints "requests_per_second p99_ms" for one wrk run; extra arguments go to wrk (e.g. a Lua script).
measure() {
    local path=$1; shift
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" "$BASE$path" | awk '
        function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
        /Requests\/sec/ { rps = $2 }
        $1 == "99%" { p99 = ms($2) }
        /Non-2xx/ { bad = $5 }
        END { if (bad > 0) { print "non-2xx responses: " bad > "/dev/stderr"; exit 1 } printf "%.0f %.1f\n", rps, p99 }'
}

echo "warming up…"
wrk -t1 -c8 -d3s "$BASE$TRIVIAL" >/dev/null
wrk -t1 -c8 -d3s "$BASE$PRODUCT" >/dev/null

read -r trivial_rps trivial_p99 < <(measure "$TRIVIAL")
read -r product_rps product_p99 < <(measure "$PRODUCT")
read -r miss_rps miss_p99 < <(PRODUCT=$PRODUCT measure "$PRODUCT" -s "$HERE/unique-query.lua")
half_rate=$((product_rps / 2))
read -r half_rps half_p99 < <(RATE=$half_rate CONNECTIONS=$CONNECTIONS measure "$PRODUCT" -s "$HERE/fixed-rate.lua")

printf '\n%-34s %12s %10s\n' "endpoint ($CONNECTIONS connections, $DURATION)" "requests/s" "p99 ms"
printf '%-34s %12s %10s\n' "trivial $TRIVIAL" "$trivial_rps" "$trivial_p99"
printf '%-34s %12s %10s\n' "product page" "$product_rps" "$product_p99"
printf '%-34s %12s %10s\n' "product page, every request renders" "$miss_rps" "$miss_p99"
printf '%-34s %12s %10s\n' "product page at ~$half_rate/s (half peak)" "$half_rps" "$half_p99"
echo
awk -v p="$product_rps" -v t="$trivial_rps" -v m="$miss_rps" -v h="$half_p99" 'BEGIN {
    printf "product / trivial throughput: %.0f%% (target >= 40%%)\n", 100 * p / t
    printf "rendering / trivial throughput: %.1f%% (no cache)\n", 100 * m / t
    printf "p99 at half peak: %.1f ms (target < 50 ms)\n", h
}'
