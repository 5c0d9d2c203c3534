#!/usr/bin/env bash
# Server time of the web UI's pages (median and p90 of sequential requests over loopback, slowest first), with the
# given number of submitted applications in the database.
# Usage: bench/pages.sh [applications=2000] [requests=50]      (needs JAVA_HOME pointing to a JDK 21+)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
cp=$(bench/classpath.sh)
exec "${JAVA_HOME:?set JAVA_HOME to a JDK 21+}/bin/java" -Xmx2g -cp "$cp" org.gatehouse.bench.PageBenchmark "$@"
