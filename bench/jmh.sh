#!/bin/sh
# Runs the JMH benchmarks of src/test/java/org/gatehouse/bench (assessments per second per core).
# Usage: bench/jmh.sh [JMH options, e.g. AssessorBenchmark -p policyId=us-global-2026-draft]
# Needs JAVA_HOME set to a JDK 21+ (the machine's default java may be older).
set -eu
cd "$(dirname "$0")/.."
: "${JAVA_HOME:?set JAVA_HOME to a JDK 21 or newer}"
./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
exec "$JAVA_HOME/bin/java" -cp "target/test-classes:target/classes:$(cat target/bench.cp)" org.openjdk.jmh.Main "$@"
