#!/usr/bin/env bash
# A course as its progress grows, measured side by side in one run on one server: a course of LESSONS lessons
# (MODULES modules) with LEARNERS enrolled learners, at SMALL and then LARGE lesson_progress rows. At each size:
#   player    = GET /learn/<course>/<lesson> as the signed-in demo buyer (enrolled): the player page a learner loads
#   lesson    = GET /api/v1/library/lessons/<lesson> with the library tokens of TOKENS learners in turn (learners.lua):
#               the lesson as a headless player asks for it (records "opened": a write too)
#   progress  = PUT /api/v1/library/lessons/<lesson>/progress {"position_seconds":42} with the same tokens in turn:
#               the player's every-5-seconds write, an upsert of the learner's row
#   funnel    = GET /dashboard/learners?id=<course> as the signed-in demo creator: the counts, the funnel of all
#               LESSONS lessons (from the rollup lesson_completions) and the first 50 learners with their progress
#   learners  = GET /api/v1/products/<course>/learners?limit=50 with the creator's token
# The measured lesson is the one in the middle of the course (open to all: no drip, no prerequisite). Targets (the
# issue): flat from SMALL to LARGE. Then checks: the rollup equals a count of the progress rows, per lesson; the API's
# first learner's completed lessons equal the database's.
#
# Seeding (idempotent; rerun adds only what is missing, never deletes):
#   course     "bench-course" in the demo store, built through the creator API (modules, lessons, one text block
#              each), its curriculum published and the product on sale
#   learners   LEARNERS paid orders (reference "BENCHL" + 16 digits), each with its order item and an enrolment of
#              learnerNNNNNN@bench.skillform.test, enrolled over the last 90 days, active in the last 30; and one
#              enrolment of the demo buyer's account (the player page)
#   tokens     library sessions for the first TOKENS learners (valid 1 day)
#   progress   SMALL: every learner opened and completed the first lesson. LARGE: learner n has a row for each of the
#              first LARGE/LEARNERS lessons, completed up to a point that falls with n % 100 (a funnel that drops),
#              in batches of BATCH learners, one transaction each; the rollup is then recounted from the rows
#
# Usage: start the app with the API rate limits raised (wrk's requests would be 429s; the script stops on any non-2xx):
#   SKILLFORM_API_RATE_LIMIT_TOKEN_PER_MINUTE=100000000 SKILLFORM_API_RATE_LIMIT_ADDRESS_PER_MINUTE=100000000 \
#     mvn -B -o -Pdev wildfly:run
# then: bench/courses.sh [base-url]
# Env: BASE_URL (http://localhost:8080), LESSONS (200), MODULES (20), LEARNERS (10000), SMALL (10000), LARGE (1000000),
#      TOKENS (200), BATCH (1000), DURATION (15s), CONNECTIONS (4), THREADS (2), SETTLE_TIMEOUT (300), STORE (demo),
#      TOKEN (sfk_demo_creator), EMAIL/PASSWORD (the demo creator), BUYER/BUYER_PASSWORD (the demo buyer),
#      SERVER_PID / DB_PID, DB_HOST (127.0.0.1), DB_PORT (3307), DB_USER, DB_PASSWORD, DB_NAME (skillform).
set -euo pipefail

BASE=${1:-${BASE_URL:-http://localhost:8080}}
LESSONS=${LESSONS:-200}
MODULES=${MODULES:-20}
LEARNERS=${LEARNERS:-10000}
SMALL=${SMALL:-10000}
LARGE=${LARGE:-1000000}
TOKENS=${TOKENS:-200}
BATCH=${BATCH:-1000}
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-4}
THREADS=${THREADS:-2}
SETTLE_TIMEOUT=${SETTLE_TIMEOUT:-300}
STORE=${STORE:-demo}
TOKEN=${TOKEN:-sfk_demo_creator}
EMAIL=${EMAIL:-creator@demo.skillform.test}
PASSWORD=${PASSWORD:-demo-creator-2026}
BUYER=${BUYER:-buyer@demo.skillform.test}
BUYER_PASSWORD=${BUYER_PASSWORD:-demo-buyer-2026}
DB_HOST=${DB_HOST:-127.0.0.1}
DB_PORT=${DB_PORT:-3307}
DB_USER=${DB_USER:-skillform}
DB_PASSWORD=${DB_PASSWORD:-skillform}
DB_NAME=${DB_NAME:-skillform}
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/courses-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

. "$HERE/lib.sh"
[ $((LARGE % LEARNERS)) = 0 ] && [ $((LARGE / LEARNERS)) -le "$LESSONS" ] || { echo "LARGE must be LEARNERS × at most LESSONS" >&2; exit 1; }

# POSTs JSON as the creator; prints the id of what it made.
create() {
    local answer
    answer=$(curl -s -w '\n%{http_code}' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d "$2" "$BASE$1")
    [ "${answer##*$'\n'}" = 201 ] || { echo "POST $1 answered ${answer##*$'\n'}: ${answer%$'\n'*}" >&2; exit 1; }
    python3 -c 'import json, sys; print(json.loads(sys.stdin.read())["id"])' <<< "${answer%$'\n'*}"
}

build_course() {
    local product module lesson m l per=$((LESSONS / MODULES))
    product=$(create /api/v1/products '{"slug":"bench-course","title":"Bench course","type":"course","price":1900}')
    for ((m = 1; m <= MODULES; m++)); do
        module=$(create "/api/v1/products/$product/modules" "{\"title\":\"Module $m\"}")
        for ((l = 1; l <= per; l++)); do
            lesson=$(create "/api/v1/products/$product/modules/$module/lessons" "{\"title\":\"Lesson $m.$l\"}")
            create "/api/v1/products/$product/modules/$module/lessons/$lesson/blocks" \
                "{\"type\":\"text\",\"content\":{\"markdown\":\"Lesson $m.$l: **what** to look at, and *why*.\"}}" > /dev/null
        done
        log "  module $m / $MODULES built"
    done
    curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" -X POST "$BASE/api/v1/products/$product/course/publish"
    curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" -X POST "$BASE/api/v1/products/$product/publish"
}

status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/me")
[ "$status" = 200 ] || { echo "$BASE/api/v1/me answers $status with token $TOKEN; is the app running with demo data?" >&2; exit 1; }
STORE_ID=$(sql -e "SELECT id FROM store WHERE handle = '$STORE'")
COURSE=$(sql -e "SELECT id FROM product WHERE store_id = $STORE_ID AND slug = 'bench-course'")
if [ -z "$COURSE" ]; then
    log "building the course ($MODULES modules, $LESSONS lessons) through the creator API"
    start=$(ms_now); build_course; BUILD_S=$(( ($(ms_now) - start) / 1000 ))
    COURSE=$(sql -e "SELECT id FROM product WHERE store_id = $STORE_ID AND slug = 'bench-course'")
else
    BUILD_S=-
fi
[ "$(sql -e "SELECT COUNT(*) FROM course_release WHERE product_id = $COURSE")" -gt 0 ] \
    || curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" -X POST "$BASE/api/v1/products/$COURSE/course/publish"
sql -e "SELECT l.id FROM course_lesson l JOIN course_module m ON m.id = l.module_id WHERE m.product_id = $COURSE
        ORDER BY m.position, l.position" > "$WORK/lessons"
[ "$(wc -l < "$WORK/lessons")" = "$LESSONS" ] || { echo "bench-course has $(wc -l < "$WORK/lessons") lessons, not $LESSONS" >&2; exit 1; }
LESSON=$(sed -n "$((LESSONS / 2))p" "$WORK/lessons")

log "enrolling $LEARNERS learners"
sql <<SQL
CREATE TEMPORARY TABLE bench_learner (n BIGINT NOT NULL PRIMARY KEY, reference CHAR(22) NOT NULL, email VARCHAR(254) NOT NULL,
                                      at DATETIME(6) NOT NULL)
  SELECT CAST(seq AS SIGNED) AS n, CONCAT('BENCHL', LPAD(seq, 16, '0')) AS reference,
         CONCAT('learner', LPAD(seq, 6, '0'), '@bench.skillform.test') AS email,
         UTC_TIMESTAMP(6) - INTERVAL seq * 777 SECOND AS at
  FROM seq_1_to_$LEARNERS;
START TRANSACTION;
INSERT IGNORE INTO customer_order (reference, store_id, buyer_email, status, amount_minor, currency, refunded_minor, gateway,
                                   psp_session_id, psp_payment_intent, session_attempts, created_at, updated_at, paid_at, version)
  SELECT reference, $STORE_ID, email, 'PAID', 1900, 'USD', 0, 'DEV', CONCAT('bench_cs_l', n), CONCAT('bench_pi_l', n), 1,
         at, at, at, 0 FROM bench_learner;
INSERT INTO order_item (order_id, product_id, title, amount_minor, currency)
  SELECT o.id, $COURSE, 'Bench course', 1900, 'USD' FROM bench_learner b JOIN customer_order o ON o.reference = b.reference
  WHERE NOT EXISTS (SELECT 1 FROM order_item i WHERE i.order_id = o.id);
INSERT IGNORE INTO enrolment (product_id, order_id, store_id, learner_email, enrolled_at, last_active_at)
  SELECT $COURSE, o.id, $STORE_ID, b.email, b.at, UTC_TIMESTAMP(6) - INTERVAL b.n * 259 SECOND
  FROM bench_learner b JOIN customer_order o ON o.reference = b.reference;
-- The demo buyer, for the player page: an order and enrolment of their own.
INSERT IGNORE INTO customer_order (reference, store_id, buyer_email, status, amount_minor, currency, refunded_minor, gateway,
                                   psp_session_id, psp_payment_intent, session_attempts, created_at, updated_at, paid_at, version)
  VALUES ('BENCHLBUYER', $STORE_ID, '$BUYER', 'PAID', 1900, 'USD', 0, 'DEV', 'bench_cs_buyer', 'bench_pi_buyer', 1,
          UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), 0);
INSERT INTO order_item (order_id, product_id, title, amount_minor, currency)
  SELECT id, $COURSE, 'Bench course', 1900, 'USD' FROM customer_order o WHERE reference = 'BENCHLBUYER'
  AND NOT EXISTS (SELECT 1 FROM order_item i WHERE i.order_id = o.id);
INSERT IGNORE INTO enrolment (product_id, order_id, store_id, learner_email, learner_account_id, enrolled_at)
  SELECT $COURSE, o.id, $STORE_ID, '$BUYER', a.id, UTC_TIMESTAMP(6) FROM customer_order o JOIN account a ON a.email = '$BUYER'
  WHERE o.reference = 'BENCHLBUYER';
COMMIT;
SQL

# Library tokens ("sfl_" + secret; the database keeps the secret's SHA-256) for the first TOKENS learners.
for ((n = 1; n <= TOKENS; n++)); do
    secret=$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')
    echo "sfl_$secret" >> "$WORK/tokens"
    printf "('%s', 'learner%06d@bench.skillform.test', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) + INTERVAL 1 DAY)\n" \
        "$(printf %s "$secret" | sha256sum | cut -d' ' -f1)" "$n"
done | paste -sd, | sed 's/^/INSERT INTO library_session (token_hash, email, created_at, expires_at) VALUES /' | sql

# Progress: learner n has rows for the first LESSONS_EACH lessons, completed up to lesson LESSONS_EACH - n % 100 ×
# LESSONS_EACH / 100 (at least the first); only rows missing are added. Then the rollup is recounted from the rows.
load_progress() {
    local each=$1 first
    sql -e "CREATE TABLE IF NOT EXISTS bench_lesson (k INT NOT NULL PRIMARY KEY, id BIGINT NOT NULL)"
    sql -e "TRUNCATE bench_lesson"
    awk '{ printf "%s(%d,%s)", (NR > 1 ? "," : "INSERT INTO bench_lesson VALUES "), NR, $1 } END { print "" }' "$WORK/lessons" | sql
    for ((first = 1; first <= LEARNERS; first += BATCH)); do
        sql <<SQL
INSERT IGNORE INTO lesson_progress (enrolment_id, lesson_id, opened_at, completed_at, position_seconds, updated_at)
  SELECT e.id, l.id, e.enrolled_at + INTERVAL l.k HOUR,
         IF(l.k <= GREATEST(1, $each - (b.n % 100) * $each DIV 100), e.enrolled_at + INTERVAL l.k HOUR + INTERVAL 10 MINUTE, NULL),
         0, e.enrolled_at + INTERVAL l.k HOUR
  FROM (SELECT $first - 1 + CAST(seq AS SIGNED) AS n FROM seq_1_to_$BATCH) b
  JOIN customer_order o ON o.reference = CONCAT('BENCHL', LPAD(b.n, 16, '0'))
  JOIN enrolment e ON e.order_id = o.id AND e.product_id = $COURSE
  JOIN bench_lesson l ON l.k <= $each;
SQL
    done
    sql <<SQL
INSERT INTO lesson_completions (lesson_id, product_id, completions)
  SELECT l.id, $COURSE, (SELECT COUNT(*) FROM lesson_progress p WHERE p.lesson_id = l.id AND p.completed_at IS NOT NULL)
  FROM bench_lesson l
  ON DUPLICATE KEY UPDATE completions = VALUES(completions);
DROP TABLE bench_lesson;
ANALYZE TABLE lesson_progress, enrolment;
SQL
}

progress_rows() { sql -e "SELECT COUNT(*) FROM lesson_progress p JOIN enrolment e ON e.id = p.enrolment_id WHERE e.product_id = $COURSE"; }

run() { # name url [wrk args…]: the measurement, kept in $WORK/<phase>.<name>; stops on any non-2xx answer
    local name=$1 url=$2 result; shift 2
    result=$(measure "$url" "$@")
    echo "$result" > "$WORK/$PHASE.$name"
    if [ "$(get non2xx "$result")" != 0 ] || [ "$(get errors "$result")" != 0 ]; then
        echo "$name: $(get non2xx "$result") non-2xx answers, $(get errors "$result") socket errors (rate limits raised? see the header)" >&2
        exit 1
    fi
    log "  $name: $(get rps "$result") req/s, p50 $(get p50 "$result") ms, p99 $(get p99 "$result") ms"
}

phase() {
    PHASE=$1
    settle
    log "$PHASE: $(progress_rows) progress rows (InnoDB settled in $SETTLE_S s)"
    echo "rows=$(progress_rows)" > "$WORK/$PHASE.rows"
    local buyer creator
    buyer=$(login "$BUYER" "$BUYER_PASSWORD" "/learn/$COURSE/$LESSON" "Lesson")
    creator=$(login "$EMAIL" "$PASSWORD" "/dashboard/learners?id=$COURSE" "Where learners are")
    DURATION=3s measure "$BASE/learn/$COURSE/$LESSON" -H "Cookie: JSESSIONID=$buyer" > /dev/null # warm-up
    run player "$BASE/learn/$COURSE/$LESSON" -H "Cookie: JSESSIONID=$buyer"
    TOKENS_FILE="$WORK/tokens" run lesson "$BASE/api/v1/library/lessons/$LESSON" -s "$HERE/learners.lua"
    TOKENS_FILE="$WORK/tokens" METHOD=PUT BODY='{"position_seconds":42}' \
        run progress "$BASE/api/v1/library/lessons/$LESSON/progress" -s "$HERE/learners.lua"
    run funnel "$BASE/dashboard/learners?id=$COURSE" -H "Cookie: JSESSIONID=$creator"
    run learners "$BASE/api/v1/products/$COURSE/learners?limit=50" -H "Authorization: Bearer $TOKEN"
}

log "small: progress to $SMALL rows"
start=$(ms_now); load_progress $((SMALL / LEARNERS)); SMALL_LOAD_S=$(( ($(ms_now) - start) / 1000 ))
phase small
log "large: progress to $LARGE rows"
start=$(ms_now); load_progress $((LARGE / LEARNERS)); LARGE_LOAD_S=$(( ($(ms_now) - start) / 1000 ))
phase large

echo
echo "course $COURSE: $LESSONS lessons in $MODULES modules (built in ${BUILD_S} s), $LEARNERS learners;"
echo "progress rows: small $(get rows "$(cat "$WORK/small.rows")") (loaded in $SMALL_LOAD_S s), large $(get rows "$(cat "$WORK/large.rows")") (loaded in $LARGE_LOAD_S s)"
echo "wrk: $CONNECTIONS connections, $THREADS threads, $DURATION each; server/db CPU ms per request; other = cores other processes took"
printf '%-9s | %8s %8s %8s %7s %5s | %8s %8s %8s %7s %5s | %9s\n' "" "small/s" "p50 ms" "p99 ms" "cpu ms" "other" "large/s" "p50 ms" "p99 ms" "cpu ms" "other" "p99 ratio"
for name in player lesson progress funnel learners; do
    s=$(cat "$WORK/small.$name"); l=$(cat "$WORK/large.$name")
    printf '%-9s | %8s %8s %8s %7.1f %5s | %8s %8s %8s %7.1f %5s | %9s\n' "$name" \
        "$(get rps "$s")" "$(get p50 "$s")" "$(get p99 "$s")" "$(awk -v a="$(get server_ms "$s")" -v b="$(get db_ms "$s")" 'BEGIN { print a + b }')" "$(get other_cores "$s")" \
        "$(get rps "$l")" "$(get p50 "$l")" "$(get p99 "$l")" "$(awk -v a="$(get server_ms "$l")" -v b="$(get db_ms "$l")" 'BEGIN { print a + b }')" "$(get other_cores "$l")" \
        "$(awk -v a="$(get p99 "$s")" -v b="$(get p99 "$l")" 'BEGIN { printf "%.2f", (a > 0 ? b / a : 0) }')"
done

echo
wrong=$(sql -e "SELECT COUNT(*) FROM lesson_completions c WHERE c.product_id = $COURSE AND c.completions <>
                (SELECT COUNT(*) FROM lesson_progress p WHERE p.lesson_id = c.lesson_id AND p.completed_at IS NOT NULL)")
echo "rollup rows that disagree with the progress rows: $wrong $( [ "$wrong" = 0 ] && echo OK || echo FAIL)"
first=$(curl -s -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/products/$COURSE/learners?limit=1" \
    | python3 -c 'import json, sys; r = json.load(sys.stdin)["data"][0]; print(r["enrollment_id"], r["completed_lessons"])')
counted=$(sql -e "SELECT COUNT(*) FROM lesson_progress WHERE enrolment_id = ${first% *} AND completed_at IS NOT NULL")
echo "first learner of the API list: ${first#* } completed lessons, database $counted $( [ "${first#* }" = "$counted" ] && echo OK || echo FAIL)"
