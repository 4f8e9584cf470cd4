#!/usr/bin/env bash
# NCCI at full size in one JVM: generate a synthetic 1M-row PTP file, import it (rows/s, heap), FHIR path with vs without.
set -euo pipefail
cd "$(dirname "$0")/.."
CP=$(bench/classpath.sh)
exec java -Xmx1g -cp "$CP" -Dcpe.shared.dir="${CPE_SHARED_DIR:-../shared}" org.coverageengine.bench.NcciBenchmark "$@"
