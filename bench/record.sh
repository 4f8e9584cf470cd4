#!/usr/bin/env bash
# The cost of the determination record: the server jar started in turn with --store none, an H2 data folder and an
# embedded PostgreSQL, each warmed up and driven by the same open-loop harness (1-line requests at RATE req/s for
# SECONDS, CONNECTIONS keep-alive connections), ROUNDS alternating rounds in one run. The warm-up (WARM_RATE req/s for
# WARM_SECONDS) must be long enough for the JIT to finish with the database driver's code too: with 5,000 warm-up
# requests the compiler threads still took a quarter of the CPU of a recorded run, which weighs on it more than on
# the unrecorded one. After it, one window at the measured RATE for SATURATED_SECONDS (default 10; 0 skips it): the
# first window at capacity still compiles the code of the store's saturated path (large loader transactions, page
# splits): measured at 55-62 us of C2 compiler time per request in that window, against 1-3 us in the windows after.
# Each row also prints the server's CPU time per answered request (user + system, from /proc), in total and per
# group of threads: request threads (fhir), the record's loader, garbage collection (GC), the JIT compilers (C1/C2).
# SERVER_JAVA_OPTS sets the server's JVM options (default -Xmx1g); STORES, which stores run (default "off h2 postgres").
#   bench/record.sh [RATE] [SECONDS] [CONNECTIONS] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
RATE=${1:-3000}
SECONDS_EACH=${2:-15}
CONNECTIONS=${3:-16}
ROUNDS=${4:-2}
WARM_RATE=${WARM_RATE:-2000}
WARM_SECONDS=${WARM_SECONDS:-25}
SATURATED_SECONDS=${SATURATED_SECONDS:-10}
SERVER_JAVA_OPTS=${SERVER_JAVA_OPTS:--Xmx1g}
STORES=${STORES:-off h2 postgres}
PORT=${PORT:-18090}
for store in $STORES; do
  case $store in
    off | h2 | postgres) ;;
    *) echo "STORES: unknown store '$store' (off, h2, postgres)" >&2; exit 2 ;;
  esac
done
CP=$(bench/classpath.sh)
WORK=$(mktemp -d)
PG=""
trap 'if [ -n "$PG" ]; then exec 3>&-; wait "$PG" 2>/dev/null || true; fi; rm -rf "$WORK"' EXIT
PG_URL=""
if [[ " $STORES " == *" postgres "* ]]; then
  mkfifo "$WORK/pg-in"
  java -cp "$CP" org.coverageengine.bench.PostgresForBench < "$WORK/pg-in" > "$WORK/pg-url" 2> "$WORK/pg.log" &
  PG=$!
  exec 3> "$WORK/pg-in"
  for _ in $(seq 1 300); do [ -s "$WORK/pg-url" ] && break; sleep 0.2; done
  PG_URL=$(head -1 "$WORK/pg-url")
fi
harness() {
  java -XX:+UseSerialGC -Xmx256m -cp "$CP" org.coverageengine.bench.LoadHarness "http://127.0.0.1:$PORT/fhir" "$@"
}
# CPU ticks of the process ("total", which keeps the time of threads that ended) and of its live threads by group
# ("name ticks" lines, thread names without their numbers).
cpu_ticks() {
  echo "total $(awk '{print $14 + $15}' "/proc/$1/stat")"
  for task in /proc/"$1"/task/*; do
    echo "$(tr ' ' '_' < "$task/comm" 2>/dev/null || echo gone) $(awk '{print $14 + $15}' "$task/stat" 2>/dev/null || echo 0)"
  done | awk '{g = $1; sub(/[-#]?[0-9]+$/, "", g); sub(/[-_][0-9]+$/, "", g); ticks[g] += $2} END {for (g in ticks) print "thread:" g, ticks[g]}'
}
run() {
  local label=$1 store=$2
  # shellcheck disable=SC2086
  CPE_STORE_USER=postgres java $SERVER_JAVA_OPTS -jar app/target/coverage-policy-engine.jar serve --port "$PORT" --store "$store" \
    > "$WORK/server-$label.log" 2>&1 &
  local server=$!
  for _ in $(seq 1 300); do curl -s -o /dev/null "http://127.0.0.1:$PORT/fhir/metadata" && break; sleep 0.1; done
  harness "$WARM_RATE" "$WARM_SECONDS" 1 "$CONNECTIONS" > /dev/null
  if [ "$SATURATED_SECONDS" -gt 0 ]; then harness "$RATE" "$SATURATED_SECONDS" 1 "$CONNECTIONS" > /dev/null; fi
  cpu_ticks "$server" | sort > "$WORK/ticks-before"
  local out completed
  out=$(harness "$RATE" "$SECONDS_EACH" 1 "$CONNECTIONS" | tr -d '\n')
  cpu_ticks "$server" | sort > "$WORK/ticks-after"
  completed=$(echo "$out" | sed -E 's/.*completed ([0-9]+)\/.*/\1/')
  printf '%-10s %s, server CPU per answered request:' "$label" "$out"
  # Thread groups are split out of the process total; what threads that ended during the window used stays in "other".
  join -a 2 -e 0 -o 0,1.2,2.2 "$WORK/ticks-before" "$WORK/ticks-after" | awk -v n="$completed" '
    { d = $3 - $2
      if ($1 == "total") { total = d; next }
      name = substr($1, 8)
      if (name ~ /^fhir/) g = "fhir"; else if (name == "record-loader") g = "loader"; else if (name ~ /^GC_|^G1_/) g = "GC";
      else if (name ~ /Compiler/) g = "JIT"; else g = "rest"
      if (d > 0) part[g] += d }
    END {
      if (n == 0) { print " no request answered"; exit }
      other = total - part["fhir"] - part["loader"] - part["GC"] - part["JIT"]
      printf " total %d us (fhir %d, loader %d, GC %d, JIT %d, other %d)\n", total * 10000 / n, part["fhir"] * 10000 / n,
          part["loader"] * 10000 / n, part["GC"] * 10000 / n, part["JIT"] * 10000 / n, other * 10000 / n }'
  kill $server; wait $server 2>/dev/null || true
}
for round in $(seq 1 "$ROUNDS"); do
  rm -rf "$WORK/h2"
  for store in $STORES; do
    case $store in
      off) run "off" none ;;
      h2) run "h2" "$WORK/h2" ;;
      postgres) run "postgres" "$PG_URL" ;;
    esac
  done
done
