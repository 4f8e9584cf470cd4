#!/usr/bin/env bash
# The cost of checking access tokens: the same jar started in turn without and with --auth-jwks (a local JWKS file,
# RS384 tokens), each warmed up and driven by the same harness at RATE req/s for SECONDS per size over CONNECTIONS
# connections, in ROUNDS alternating rounds (off, on, off, on, ...) in one run. Offer more than the server can take to
# measure capacity. Prints one harness line per server, size and round.
#   bench/load-auth.sh [RATE] [SECONDS] [CONNECTIONS] [SIZES] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
RATE=${1:-3000}
SECONDS_EACH=${2:-15}
CONNECTIONS=${3:-16}
SIZES=${4:-1 5}
ROUNDS=${5:-2}
PORT=${PORT:-18081}
ISSUER=https://auth.bench.example
AUDIENCE=http://127.0.0.1:$PORT/fhir
CP=$(bench/classpath.sh)
mkdir -p target
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
java -cp "$CP" org.coverageengine.bench.BenchTokens "$WORK/jwks.json" "$WORK/token" "$ISSUER" "$AUDIENCE" 7200
harness() {
  java -XX:+UseSerialGC -Xmx256m -cp "$CP" -Dcpe.shared.dir="${CPE_SHARED_DIR:-../shared}" "$@"
}
for ROUND in $(seq 1 "$ROUNDS"); do
  for MODE in off on; do
    ARGS=(serve --port "$PORT")
    TOKEN=()
    if [ "$MODE" = on ]; then
      ARGS+=(--auth-jwks "$WORK/jwks.json" --auth-issuer "$ISSUER" --auth-audience "$AUDIENCE" --auth-token-endpoint "$ISSUER/token")
      TOKEN=(-Dcpe.bench.token-file="$WORK/token")
    fi
    java ${SERVER_JAVA_OPTS:--Xmx1g} -jar app/target/coverage-policy-engine.jar "${ARGS[@]}" > "target/load-auth-$MODE.log" 2>&1 &
    SERVER=$!
    for _ in $(seq 1 200); do curl -s -o /dev/null "http://127.0.0.1:$PORT/fhir/metadata" && break; sleep 0.1; done
    for LINES in $SIZES; do
      harness "${TOKEN[@]}" org.coverageengine.bench.LoadHarness "http://127.0.0.1:$PORT/fhir" 1000 10 "$LINES" 4 > /dev/null
    done
    for LINES in $SIZES; do
      echo -n "auth $MODE, round $ROUND: "
      harness "${TOKEN[@]}" org.coverageengine.bench.LoadHarness "http://127.0.0.1:$PORT/fhir" "$RATE" "$SECONDS_EACH" "$LINES" "$CONNECTIONS"
    done
    kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
  done
done
