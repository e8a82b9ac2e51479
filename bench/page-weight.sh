#!/usr/bin/env bash
# Page weight and Largest Contentful Paint in headless Chromium: home, store, product, search, checkout (visitor),
# library (the demo buyer), dashboard (the demo creator), each on a first visit with an empty cache over a throttled
# network (1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip), median of RUNS. Several servers are measured side by
# side, e.g. the same demo data served by two builds:
#   bench/page-weight.sh before=http://127.0.0.1:8530 after=http://127.0.0.1:8480
# Usage: start the app with its demo data (mvn -Pdev wildfly:run), then: bench/page-weight.sh [[label=]base-url ...]
# Env: RUNS (3), VIEWPORT (360x740), DETAILS (true: each page's resources, heaviest first, on stderr).
# Needs Debian's chromium and chromium-driver (installed when missing) and the project's test classes (io.skillform.
# testing.PageWeightBench, Selenium), which Maven builds.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    apt-get install -y chromium chromium-driver >/dev/null
fi
mvn -B -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.skillform.testing.PageWeightBench \
    -Druns="${RUNS:-3}" -Dviewport="${VIEWPORT:-360x740}" -Ddetails="${DETAILS:-true}" \
    -Dexec.args="${*:-http://localhost:8080}"
