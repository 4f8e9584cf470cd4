#!/usr/bin/env bash
# Runs the JMH benchmarks. Examples:
#   bench/jmh.sh                                   # everything (about 10 minutes)
#   bench/jmh.sh DeterminationBenchmark            # domain throughput, 1/5/50 lines
#   bench/jmh.sh DeterminationBenchmark -p tableScale=1,10,100 -p lines=5,50   # growth with table size
#   bench/jmh.sh FhirPathBenchmark                 # full FHIR path vs the HAPI floor
#   bench/jmh.sh ImportBenchmark                   # import of the full code files
#   bench/jmh.sh RuleLanguageBenchmark             # the richer rules beside the 0509 request shapes, per line
#   (bench/rule-ratio.sh: the same as ratios of scores taken close together, on a host whose speed drifts)
set -euo pipefail
cd "$(dirname "$0")/.."
CP=$(bench/classpath.sh)
exec java -cp "$CP" -Dcpe.shared.dir="${CPE_SHARED_DIR:-../shared}" org.openjdk.jmh.Main "$@"
