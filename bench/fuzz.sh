#!/usr/bin/env bash
# Fuzzes one Jazzer target for MINUTES (default 5): bench/fuzz.sh CLASS METHOD [MINUTES]
# e.g. bench/fuzz.sh CodeFileFuzzTest icdOrder 5. New findings are written next to the seed corpus as reproducers.
set -euo pipefail
cd "$(dirname "$0")/.."
CLASS=${1:?test class, e.g. CodeFileFuzzTest}
METHOD=${2:?test method, e.g. icdOrder}
MINUTES=${3:-5}
JAZZER_FUZZ=1 mvn -B -ntp -pl app -am test -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtest="org.coverageengine.fuzz.${CLASS}#${METHOD}" -Djazzer.max_duration="${MINUTES}m" \
  -Djazzer.internal.basedir="$PWD/app"
