#!/usr/bin/env bash
# Two application nodes on one PostgreSQL against a budget of BENCH_BUDGET (default 4,000) requests per minute.
# Usage: bench/bulletins/run-two-nodes.sh      (see bench/bulletins/README.md). Not part of ./mvnw verify.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [[ -z "${JAVA_HOME:-}" && -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
javac=${JAVA_HOME:+$JAVA_HOME/bin/}javac
followers=${BENCH_FOLLOWERS:-22000}
budget=${BENCH_BUDGET:-4000}
workers=${BENCH_WORKERS:-2}
batch=${BENCH_BATCH:-32}
port_a=${BENCH_HTTP_PORT:-8091}
port_b=${BENCH_NODE_B_PORT:-8092}
db_port=${BENCH_DB_PORT:-15442}

# Other worktrees run benchmarks on this machine too: never start on a port something already listens on (the
# embedded PostgreSQL's port taken by another run's server would put this run, and its migrations, on that database).
for port in "$db_port" "$port_a" "$port_b"; do
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
data_dir=target/bench/two-nodes-pg-$stamp
report=bench/bulletins/results/two-nodes-$stamp.txt
load_start=$(uptime)
set +e
"$java" -Xmx384m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError \
  -cp "target/bench/bulletins-classes:$classpath" \
  -Dbench.followers="$followers" -Dbench.budget="$budget" -Dbench.workers="$workers" -Dbench.batch="$batch" \
  -Dbench.report="$report" -Dbench.node-b-port="$port_b" -Dbench.node-b-log="target/bench/two-nodes-node-b-$stamp.log" \
  -Dbinhyen.db.data-directory="$data_dir" -Dbinhyen.db.port="$db_port" -Dserver.port="$port_a" \
  -Dbinhyen.crypto.master-key-file=target/bench/master.key \
  vn.binhyen.bench.TwoNodeBench
status=$?
set -e
load_end=$(uptime)
if [[ -f $report ]]; then
  printf 'uptime at start: %s\nuptime at end:   %s\n' "$load_start" "$load_end" >> "$report"
fi
rm -rf "$data_dir"
echo "uptime at start: $load_start"
echo "uptime at end:   $load_end"
echo "report: $report (exit $status)"
exit $status
