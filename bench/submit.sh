#!/usr/bin/env bash
# Submit-and-assess load benchmark over real HTTP: throughput (closed loop) and p50/p99 latency at a
# fixed rate (open loop, default half the throughput).
# Usage: bench/submit.sh [submissions=20000] [clients=32] [rate]      (needs JAVA_HOME pointing to a JDK 21+)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
cp=$(bench/classpath.sh)
exec "${JAVA_HOME:?set JAVA_HOME to a JDK 21+}/bin/java" -Xmx2g -cp "$cp" org.gatehouse.bench.SubmitBenchmark "$@"
