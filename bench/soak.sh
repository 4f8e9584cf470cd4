#!/usr/bin/env bash
# The long soak: MINUTES (default 10) at RATE req/s (default 100) of mixed valid and invalid requests against a real
# HTTP server on loopback, re-importing the pack every RELOAD seconds (default 30; every third import is broken).
set -euo pipefail
cd "$(dirname "$0")/.."
CP=$(bench/classpath.sh)
exec java -Xmx512m -cp "$CP" -Dlogback.configurationFile=app/src/main/resources/logback.xml org.coverageengine.bench.SoakRun "${1:-10}" "${2:-100}" "${3:-30}"
