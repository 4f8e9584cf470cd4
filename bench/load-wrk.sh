#!/usr/bin/env bash
# HTTP under load with wrk (C, from Debian's packages; installed if missing): starts the server jar on a loopback
# port, then for 1-, 5- and 50-line requests runs CONNECTIONS connections (default 10) for SECONDS (default 30), each
# connection pausing between requests so that the total is about RATE req/s (default 500). Prints wrk's throughput,
# latency percentiles and non-2xx count. PIN=1 puts the server on CPU 0 and wrk on CPU 1 (default 0: pinned to one
# core, the server saturates on 5-line requests at about 460 req/s here, so the documented numbers are unpinned).
#   bench/load-wrk.sh [RATE] [SECONDS] [CONNECTIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
RATE=${1:-500}
SECONDS_EACH=${2:-30}
CONNECTIONS=${3:-10}
PORT=${PORT:-18081}
PIN=${PIN:-0}
command -v wrk >/dev/null || { apt-get install -y -q wrk >/dev/null || { echo "wrk is not installed and could not be installed" >&2; exit 1; }; }
CP=$(bench/classpath.sh)
java -cp "$CP" -Dcpe.shared.dir="${CPE_SHARED_DIR:-../shared}" org.coverageengine.bench.BenchmarkRequests target/bench-bodies
SERVER_CPU=() WRK_CPU=()
if [ "$PIN" = 1 ]; then SERVER_CPU=(taskset -c 0); WRK_CPU=(taskset -c 1); fi
"${SERVER_CPU[@]}" java ${SERVER_JAVA_OPTS:--Xmx1g} -jar app/target/coverage-policy-engine.jar serve --port "$PORT" --store "${STORE:-none}" > target/load-wrk-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$PORT/fhir/metadata" && break; sleep 0.1; done
URL="http://127.0.0.1:$PORT/fhir/CoverageEligibilityRequest/\$submit"
INTERVAL_MS=$(( CONNECTIONS * 1000 / RATE ))
for LINES in 1 5 50; do
  # Warm-up (JIT), unpaced, then a paced run whose pause leaves room for the mean latency seen in a calibration run.
  "${WRK_CPU[@]}" wrk -t1 -c4 -d10s -s bench/wrk-submit.lua "$URL" -- target/bench-bodies "$LINES" 0 > /dev/null
  CAL=$("${WRK_CPU[@]}" wrk -t1 -c"$CONNECTIONS" -d5s -s bench/wrk-submit.lua "$URL" -- target/bench-bodies "$LINES" "$INTERVAL_MS" \
    | awk '/^ *Latency/ {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else {sub(/s/,"",v); v=v*1000}; print int(v+0.5)}')
  PAUSE=$(( INTERVAL_MS - CAL )); [ "$PAUSE" -lt 0 ] && PAUSE=0
  echo "== $LINES-line requests: $CONNECTIONS connections, pause $PAUSE ms (interval $INTERVAL_MS ms, mean latency ${CAL} ms), ${SECONDS_EACH} s"
  "${WRK_CPU[@]}" wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency -s bench/wrk-submit.lua "$URL" -- target/bench-bodies "$LINES" "$PAUSE" \
    | grep -E "Latency|50%|90%|99%|Requests/sec|requests in|Non-2xx|Socket errors|Transfer"
done
