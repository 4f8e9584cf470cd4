#!/usr/bin/env bash
# Cold import time and retained heap of the full ICD-10-CM order, HCPCS and RVU files (one fresh JVM).
set -euo pipefail
cd "$(dirname "$0")/.."
CP=$(bench/classpath.sh)
exec java -cp "$CP" -Dcpe.shared.dir="${CPE_SHARED_DIR:-../shared}" org.coverageengine.bench.ImportFootprint
