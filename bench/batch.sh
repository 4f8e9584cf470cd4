#!/usr/bin/env bash
# The batch's cost per line against the domain's on the same generated claims, measured in alternation:
#   bench/batch.sh [rounds]          default 60 rounds of one pass each (20,000 lines) of full batch, compact batch, domain
# JMH gives the same figures one benchmark after the other: bench/jmh.sh 'BatchBenchmark|DeterminationBenchmark' -p lines=5
set -euo pipefail
cd "$(dirname "$0")/.."
CP=$(bench/classpath.sh)
exec java -cp "$CP" -Dcpe.shared.dir="${CPE_SHARED_DIR:-../shared}" org.coverageengine.bench.BatchComparison "$@"
