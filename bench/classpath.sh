#!/usr/bin/env bash
# Compiles main and test classes and prints the class path that runs benchmarks (sourced by bench/*.sh).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test >&2
echo "target/test-classes:target/classes:$(cat target/bench.cp)"
