#!/usr/bin/env bash
# Insights benchmark: bench/insights/run.sh   (see bench/insights/README.md)
#
# Builds the jar, starts the app with the demo data and the national unit list (3,321 communes) on its own ports and a
# fresh data directory, generates tips and messages with generate_series, rebuilds the rollups through the admin
# page, measures the province dashboard beside GROUP BY over the raw tables, writes bench/insights/results/<date>.txt
# and stops the app. Exit 0 when both targets are met, 3 when one is missed, anything else when the run failed.
set -euo pipefail
cd "$(dirname "$0")/../.."

http_port=${BENCH_HTTP_PORT:-8089}
db_port=${BENCH_DB_PORT:-15441}
if [[ -z "${JAVA_HOME:-}" && -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
javac=${JAVA_HOME:+$JAVA_HOME/bin/}javac

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in "$http_port" "$db_port"; do
  if port_in_use "$port"; then echo "port $port is in use: set BENCH_HTTP_PORT / BENCH_DB_PORT" >&2; exit 2; fi
done

if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
  echo "building the jar (./mvnw -DskipTests package)..."
  ./mvnw -q -B -DskipTests -Dspotless.check.skip=true package
fi
jar=$(ls target/binhyen-*.jar | grep -v -- '-plain\|\.original' | head -n 1)
mkdir -p target/bench
classpath_file=target/bench/classpath.txt
if [[ ! -s $classpath_file || pom.xml -nt $classpath_file ]]; then
  ./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=$classpath_file -Dmdep.includeScope=runtime
fi
classpath="target/classes:$(cat $classpath_file)"
rm -rf target/bench/insights-classes
"$javac" --release 21 -cp "$classpath" -d target/bench/insights-classes $(find bench/insights/src -name '*.java')

stamp=$(date +%Y-%m-%d-%H%M%S)
# BENCH_DATA_DIR: a run directory kept by an earlier run (BENCH_KEEP_DATA=1 or BENCH_GENERATE_ONLY=1); the tool then
# only adds what is missing (tips and messages are counted first), so a long generation need not be repeated.
run_dir=${BENCH_DATA_DIR:-target/bench/insights-$stamp}
if [[ -n "${BENCH_DATA_DIR:-}" || "${BENCH_GENERATE_ONLY:-0}" == 1 ]]; then export BENCH_KEEP_DATA=1; fi
mkdir -p "$run_dir" bench/insights/results
# The app runs from its own copy of the jar, so that building the next one meanwhile cannot change it under it.
cp "$jar" "$run_dir/app.jar"
app_pid=""
stop_app() {
  if [[ -n "$app_pid" ]] && kill -0 "$app_pid" 2>/dev/null; then
    echo "stopping the app (pid $app_pid)..."
    kill "$app_pid" 2>/dev/null || true
    for _ in $(seq 1 90); do kill -0 "$app_pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$app_pid" 2>/dev/null || true
  fi
  if [[ -f "$run_dir/pg/postmaster.pid" ]]; then kill "$(head -n 1 "$run_dir/pg/postmaster.pid")" 2>/dev/null || true; fi
  if [[ "${BENCH_KEEP_DATA:-0}" != 1 ]]; then sleep 1; rm -rf "$run_dir/pg"; fi
}
trap stop_app EXIT

echo "starting the app on port $http_port, PostgreSQL on $db_port, data in $run_dir/pg ..."
"$java" -jar "$run_dir/app.jar" --server.port="$http_port" --binhyen.db.port="$db_port" \
  --binhyen.db.data-directory="$run_dir/pg" --binhyen.crypto.master-key-file="$run_dir/master.key" \
  --binhyen.demo.enabled=true --logging.level.vn.binhyen.security=ERROR \
  --binhyen.directory.import-file="${BENCH_UNITS_FILE:-../shared/data/vn-units/vn-units-2026-07-25.json}" \
  >"$run_dir/app.log" 2>&1 &
app_pid=$!
for i in $(seq 1 300); do
  if curl -sf "http://localhost:$http_port/actuator/health/readiness" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$app_pid" 2>/dev/null || [[ $i == 300 ]]; then
    echo "the app did not start; last lines of $run_dir/app.log:" >&2; tail -n 40 "$run_dir/app.log" >&2; exit 1
  fi
  sleep 1
done

set +e
"$java" -cp "target/bench/insights-classes:$classpath" vn.binhyen.bench.insights.InsightsBench \
  --base-url="http://localhost:$http_port" --db-port="$db_port" \
  --tips="${BENCH_TIPS:-10000000}" --messages="${BENCH_MESSAGES:-50000000}" \
  --generate-minutes="${BENCH_GENERATE_MINUTES:-45}" --generate-only="${BENCH_GENERATE_ONLY:-0}" --runs="${BENCH_RUNS:-100}" --raw-runs="${BENCH_RAW_RUNS:-10}" \
  --commit="$(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD 2>/dev/null || echo '+changes')" \
  --out="bench/insights/results/$stamp.txt"
status=$?
set -e
exit $status
