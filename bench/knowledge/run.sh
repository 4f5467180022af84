#!/usr/bin/env bash
# Knowledge suggestion benchmark: 50,000 entries+answers, p95 in process, over HTTP and for the PostgreSQL baseline.
# Prints the table and writes target/knowledge-benchmark.md. Takes a few minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
# Assertions off, as the server runs in production (java -jar): surefire turns them on, and Lucene's assertions check
# a whole postings block is sorted on every skip (an IntStream per advance), a third of the matcher's time.
# Extra Maven arguments are passed on, e.g. -Dbench.jfr=target/in-process.jfr for a profile of the in-process part.
./mvnw -B -q test -Dspotless.check.skip=true -Dtest=KnowledgeBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dsurefire.includes='**/KnowledgeBenchmark.java' -DenableAssertions=false "$@"
cat target/knowledge-benchmark.md
