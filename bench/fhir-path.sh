#!/usr/bin/env bash
# The FHIR path against the HAPI floors, measured in alternation (robust to a host whose speed drifts):
#   bench/fhir-path.sh [rounds] [slice ms] [sizes]     defaults: 150 rounds of 40 ms per variant, sizes 1,5,50
set -euo pipefail
cd "$(dirname "$0")/.."
CP=$(bench/classpath.sh)
exec java -cp "$CP" -Dcpe.shared.dir="${CPE_SHARED_DIR:-../shared}" org.coverageengine.bench.FhirPathComparison "$@"
