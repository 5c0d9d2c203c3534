#!/usr/bin/env bash
# Shipment report latency over real HTTP: one client reporting one shipment at a time (p50/p99), then several
# clients at once against different licences.
# Usage: bench/shipments.sh [shipments=5000] [clients=8] [licences=200]      (needs JAVA_HOME pointing to a JDK 21+)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
cp=$(bench/classpath.sh)
exec "${JAVA_HOME:?set JAVA_HOME to a JDK 21+}/bin/java" -Xmx2g -cp "$cp" org.gatehouse.bench.ShipmentBenchmark "$@"
