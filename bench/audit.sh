#!/usr/bin/env bash
# Audit log benchmark: append throughput, then `audit verify` time on a chain of N events (default 1,000,000).
# Usage: bench/audit.sh [events]      (needs JAVA_HOME pointing to a JDK 21+)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
cp=$(bench/classpath.sh)
exec "${JAVA_HOME:?set JAVA_HOME to a JDK 21+}/bin/java" -Xmx2g -cp "$cp" org.gatehouse.bench.AuditBenchmark "$@"
