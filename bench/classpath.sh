#!/usr/bin/env bash
# Builds the modules and the app's test classes (where the benchmarks live), then prints the classpath to run them.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -ntp -Pfast -pl app -am package dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >&2
echo "app/target/test-classes:app/target/classes:$(cat app/target/bench-classpath.txt)"
