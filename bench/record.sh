#!/usr/bin/env bash
# The cost of the determination record: the server jar started in turn with --store none, an H2 data folder and an
# embedded PostgreSQL, each warmed up and driven by the same open-loop harness (1-line requests at RATE req/s for
# SECONDS, CONNECTIONS keep-alive connections), ROUNDS alternating rounds in one run. The warm-up (WARM_RATE req/s for
# WARM_SECONDS) must be long enough for the JIT to finish with the database driver's code too: with 5,000 warm-up
# requests the compiler threads still took a quarter of the CPU of a recorded run, which weighs on it more than on
# the unrecorded one. Each row also prints the server's CPU time per request (user + system, from /proc).
#   bench/record.sh [RATE] [SECONDS] [CONNECTIONS] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
RATE=${1:-3000}
SECONDS_EACH=${2:-15}
CONNECTIONS=${3:-16}
ROUNDS=${4:-2}
WARM_RATE=${WARM_RATE:-2000}
WARM_SECONDS=${WARM_SECONDS:-25}
PORT=${PORT:-18090}
CP=$(bench/classpath.sh)
WORK=$(mktemp -d)
mkfifo "$WORK/pg-in"
java -cp "$CP" org.coverageengine.bench.PostgresForBench < "$WORK/pg-in" > "$WORK/pg-url" 2> "$WORK/pg.log" &
PG=$!
exec 3> "$WORK/pg-in"
trap 'exec 3>&-; wait $PG 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 300); do [ -s "$WORK/pg-url" ] && break; sleep 0.2; done
PG_URL=$(head -1 "$WORK/pg-url")
harness() {
  java -XX:+UseSerialGC -Xmx256m -cp "$CP" org.coverageengine.bench.LoadHarness "http://127.0.0.1:$PORT/fhir" "$@"
}
run() {
  local label=$1 store=$2
  CPE_STORE_USER=postgres java -Xmx1g -jar app/target/coverage-policy-engine.jar serve --port "$PORT" --store "$store" \
    > "$WORK/server-$label.log" 2>&1 &
  local server=$!
  for _ in $(seq 1 300); do curl -s -o /dev/null "http://127.0.0.1:$PORT/fhir/metadata" && break; sleep 0.1; done
  harness "$WARM_RATE" "$WARM_SECONDS" 1 "$CONNECTIONS" > /dev/null
  local before after
  before=$(awk '{print $14 + $15}' "/proc/$server/stat")
  printf '%-10s ' "$label"
  harness "$RATE" "$SECONDS_EACH" 1 "$CONNECTIONS" | tr -d '\n'
  after=$(awk '{print $14 + $15}' "/proc/$server/stat")
  echo ", server CPU $(( (after - before) * 10000 / (RATE * SECONDS_EACH) )) us/request"
  kill $server; wait $server 2>/dev/null || true
}
for round in $(seq 1 "$ROUNDS"); do
  rm -rf "$WORK/h2"
  run "off" none
  run "h2" "$WORK/h2"
  run "postgres" "$PG_URL"
done
