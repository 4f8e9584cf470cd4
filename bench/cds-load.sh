#!/usr/bin/env bash
# CDS Hooks order-sign beside $submit, in one run: starts the server jar on a loopback port, warms both endpoints up,
# then sends the same 1- and 5-line code mixes as $submit and as order-sign at RATE req/s for SECONDS each over
# CONNECTIONS keep-alive connections (defaults 200, 20, 16), alternating, and prints throughput and latency.
#   bench/cds-load.sh [RATE] [SECONDS] [CONNECTIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
RATE=${1:-200}
SECONDS_EACH=${2:-20}
CONNECTIONS=${3:-16}
PORT=${PORT:-18081}
CP=${CP:-$(bench/classpath.sh)}
java ${SERVER_JAVA_OPTS:--Xmx1g} -jar app/target/coverage-policy-engine.jar serve --port "$PORT" > target/cds-load-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 200); do curl -s -o /dev/null "http://127.0.0.1:$PORT/fhir/metadata" && break; sleep 0.1; done
harness() {
  java -XX:+UseSerialGC -Xmx256m -cp "$CP" -Dcpe.shared.dir="${CPE_SHARED_DIR:-../shared}" -Dcpe.load.target="$1" \
    org.coverageengine.bench.LoadHarness "http://127.0.0.1:$PORT/fhir" "$2" "$3" "$4" "$5"
}
for LINES in 1 5; do harness submit 150 8 "$LINES" 4 > /dev/null; harness order-sign 150 8 "$LINES" 4 > /dev/null; done
for LINES in 1 5; do
  harness submit "$RATE" "$SECONDS_EACH" "$LINES" "$CONNECTIONS"
  harness order-sign "$RATE" "$SECONDS_EACH" "$LINES" "$CONNECTIONS"
done
