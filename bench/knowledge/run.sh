#!/usr/bin/env bash
# Knowledge suggestion benchmark: 50,000 entries+answers, p95 in process, over HTTP and for the PostgreSQL baseline.
# Prints the table and writes target/knowledge-benchmark.md. Takes a few minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
./mvnw -B -q test -Dspotless.check.skip=true -Dtest=KnowledgeBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dsurefire.includes='**/KnowledgeBenchmark.java'
cat target/knowledge-benchmark.md
