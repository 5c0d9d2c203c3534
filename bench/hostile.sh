#!/usr/bin/env bash
# Hostile load: malformed and refused requests of every kind at a server on a fresh embedded database; fails on any
# 5xx answer, any stored row or audit event, or an audit chain that does not verify afterwards.
# Usage: bench/hostile.sh [requests=12000] [clients=16]      (needs JAVA_HOME pointing to a JDK 21+)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
cp=$(bench/classpath.sh)
exec "${JAVA_HOME:?set JAVA_HOME to a JDK 21+}/bin/java" -Xmx2g -cp "$cp" org.gatehouse.bench.HostileLoad "$@"
