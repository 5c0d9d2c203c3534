#!/usr/bin/env bash
# Runs the JMH benchmarks of src/test/java/org/gatehouse/bench (assessments per second per core).
# Usage: bench/jmh.sh [JMH options, e.g. AssessorBenchmark -p policyId=us-global-2026-draft]
# Needs JAVA_HOME set to a JDK 21+ (the machine's default java may be older).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
cp=$(bench/classpath.sh)
exec "${JAVA_HOME:?set JAVA_HOME to a JDK 21+}/bin/java" -cp "$cp" org.openjdk.jmh.Main "$@"
