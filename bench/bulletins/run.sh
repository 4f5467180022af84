#!/usr/bin/env bash
# Bulletin fan-out benchmark: one bulletin to BENCH_FOLLOWERS (default 1,000,000) simulated followers.
# Usage: bench/bulletins/run.sh      (see bench/bulletins/README.md). Not part of ./mvnw verify.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [[ -z "${JAVA_HOME:-}" && -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
javac=${JAVA_HOME:+$JAVA_HOME/bin/}javac
followers=${BENCH_FOLLOWERS:-1000000}
workers=${BENCH_WORKERS:-4}
batch=${BENCH_BATCH:-64}
http_port=${BENCH_HTTP_PORT:-8089}
db_port=${BENCH_DB_PORT:-15441}

# Other worktrees run benchmarks on this machine too: never start on a port something already listens on (the
# embedded PostgreSQL's port taken by another run's server would put this run, and its migrations, on that database).
for port in "$db_port" "$http_port"; do
  if ss -ltn 2>/dev/null | awk '{print $4}' | grep -qE "[:.]${port}\$"; then
    echo "port $port is in use (another benchmark?); set BENCH_DB_PORT / BENCH_HTTP_PORT to free ports" >&2
    exit 2
  fi
done

if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
  ./mvnw -q -B -DskipTests -Dspotless.check.skip=true compile
fi
mkdir -p target/bench
cp_file=target/bench/classpath.txt
if [[ ! -s $cp_file || pom.xml -nt $cp_file ]]; then
  ./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=$cp_file -Dmdep.includeScope=runtime
fi
classpath="target/classes:$(cat $cp_file)"
rm -rf target/bench/bulletins-classes
"$javac" --release 21 -cp "$classpath" -d target/bench/bulletins-classes $(find bench/bulletins/src -name '*.java')

stamp=$(date +%Y-%m-%d-%H%M%S)
mkdir -p bench/bulletins/results
data_dir=target/bench/bulletins-pg-$stamp
report=bench/bulletins/results/bulletins-$stamp.txt
set +e
# BENCH_JAVA_OPTS: extra JVM options, e.g. -XX:StartFlightRecording=filename=target/bench/bulletins.jfr,settings=profile
"$java" -Xmx256m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError ${BENCH_JAVA_OPTS:-} \
  -cp "target/bench/bulletins-classes:$classpath" \
  -Dbench.followers="$followers" -Dbench.workers="$workers" -Dbench.batch="$batch" -Dbench.report="$report" \
  -Dbinhyen.db.data-directory="$data_dir" -Dbinhyen.db.port="$db_port" -Dserver.port="$http_port" \
  -Dbinhyen.crypto.master-key-file=target/bench/master.key \
  vn.binhyen.bench.BulletinBench
status=$?
set -e
rm -rf "$data_dir"
echo "report: $report (exit $status)"
exit $status
