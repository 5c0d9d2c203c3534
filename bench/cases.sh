#!/usr/bin/env bash
# The officer's queue with 100,000 open cases: median and p99 of the first page sorted by urgency, over HTTP.
# Usage: bench/cases.sh [cases=100000] [requests=1000]      (needs JAVA_HOME pointing to a JDK 21+)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
cp=$(bench/classpath.sh)
exec "${JAVA_HOME:?set JAVA_HOME to a JDK 21+}/bin/java" -Xmx2g -cp "$cp" org.gatehouse.bench.CaseQueueBenchmark "$@"
