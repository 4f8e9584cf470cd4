#!/usr/bin/env bash
# HTTP under load: starts the server jar on a loopback port, sends a bounded open-loop load of 1-, 5- and 50-line
# requests at RATE req/s for SECONDS each (defaults 500 and 30), prints throughput and latency, stops the server.
set -euo pipefail
cd "$(dirname "$0")/.."
RATE=${1:-500}
SECONDS_EACH=${2:-30}
PORT=${PORT:-18080}
CP=$(bench/classpath.sh)
java -Xmx1g -jar app/target/coverage-policy-engine.jar serve --port "$PORT" > target/load-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$PORT/fhir/metadata" && break; sleep 0.1; done
for LINES in 1 5 50; do
  java -cp "$CP" -Dcpe.shared.dir="${CPE_SHARED_DIR:-../shared}" org.coverageengine.bench.LoadHarness \
    "http://127.0.0.1:$PORT/fhir" "$RATE" "$SECONDS_EACH" "$LINES"
done
