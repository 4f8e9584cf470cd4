#!/usr/bin/env bash
# The ceiling of recording on this host: bench/record.sh run from a throw-away worktree with bench/record-ceiling.patch
# applied (a diagnostic loader that drops rows, so it is never in the code), for four servers in turn, ROUNDS times:
# recording off, today's H2 record, the journal only (the loader counts each batch loaded without touching H2:
# durable recording with nothing searchable, the least any design keeping "no answer without a record" can cost),
# and the determination rows only (no line, no audit record). Arguments and WARM_* / SATURATED_SECONDS as for
# bench/record.sh; results in docs/performance.md ("The ceiling on this host").
#   bench/record-ceiling.sh [RATE] [SECONDS] [CONNECTIONS] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
# RATE, SECONDS and CONNECTIONS go to bench/record.sh as given (its defaults when absent); each of its runs is one round.
ROUNDS=${4:-2}
PARENT=$(mktemp -d)
TREE="$PARENT/ceiling"
git worktree add --detach "$TREE" HEAD > /dev/null
trap 'git worktree remove --force "$TREE"; rm -rf "$PARENT"' EXIT
git -C "$TREE" apply "$PWD/bench/record-ceiling.patch"
for round in $(seq 1 "$ROUNDS"); do
  for variant in off h2 journal-only determination-only; do
    case $variant in
      off) store=off flag="" ;;
      h2) store=h2 flag="" ;;
      journal-only) store=h2 flag="-Dcpe.diag.loadNothing=true" ;;
      determination-only) store=h2 flag="-Dcpe.diag.determinationOnly=true" ;;
    esac
    STORES=$store SERVER_JAVA_OPTS="-Xmx1g $flag" "$TREE/bench/record.sh" "${1:-3000}" "${2:-15}" "${3:-16}" 1 \
      | grep throughput | sed -E "s/^[a-z0-9]+ +/round $round $variant: /"
  done
done
