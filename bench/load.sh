#!/usr/bin/env bash
# HTTP under load: starts the server jar on a loopback port, sends a bounded open-loop load of 1-, 5- and 50-line
# requests at RATE req/s for SECONDS each over CONNECTIONS keep-alive connections (defaults 500, 30 and 16), prints
# throughput and latency (measured from each request's due time), stops the server.
# Recording is off unless STORE=FOLDER or STORE=jdbc:postgresql://... is set (bench/record.sh compares the two).
#   bench/load.sh [RATE] [SECONDS] [CONNECTIONS] [SIZES]
set -euo pipefail
cd "$(dirname "$0")/.."
RATE=${1:-500}
SECONDS_EACH=${2:-30}
CONNECTIONS=${3:-16}
SIZES=${4:-1 5 50}
PORT=${PORT:-18080}
CP=$(bench/classpath.sh)
java ${SERVER_JAVA_OPTS:--Xmx1g} -Xlog:gc:file=target/load-server-gc.log -jar app/target/coverage-policy-engine.jar serve --port "$PORT" --store "${STORE:-none}" > target/load-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$PORT/fhir/metadata" && break; sleep 0.1; done
# Warm the server up on every size first (JIT), 10 s at a moderate rate; the harness warms up again before each size.
for LINES in 1 5 50; do
  java -XX:+UseSerialGC -Xmx256m -cp "$CP" -Dcpe.shared.dir="${CPE_SHARED_DIR:-../shared}" org.coverageengine.bench.LoadHarness \
    "http://127.0.0.1:$PORT/fhir" 150 10 "$LINES" 4 > /dev/null
done
for LINES in $SIZES; do
  # The harness is one thread on non-blocking sockets; a small serial-GC heap keeps its own footprint low.
  java -XX:+UseSerialGC -Xmx256m -cp "$CP" -Dcpe.shared.dir="${CPE_SHARED_DIR:-../shared}" org.coverageengine.bench.LoadHarness \
    "http://127.0.0.1:$PORT/fhir" "$RATE" "$SECONDS_EACH" "$LINES" "$CONNECTIONS"
done
