#!/usr/bin/env bash
# Early-warning benchmark: bench/incidents/run.sh   (see bench/incidents/README.md)
#
# Builds the jar, starts the app with the demo data on its own ports and a fresh data directory, seeds 1,000,000 past
# signals, measures the webhook intake alone and the full path through matching and grouping, then 200 signals/s
# paced with alerts, writes bench/incidents/results/<date>.txt and stops the app. Exit 0 when both targets are met,
# 3 when one is missed, anything else when the run itself failed.
set -euo pipefail
cd "$(dirname "$0")/../.."

http_port=${BENCH_HTTP_PORT:-8087}
db_port=${BENCH_DB_PORT:-15439}
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
rm -rf target/bench/incidents-classes
"$javac" --release 21 -cp "$classpath" -d target/bench/incidents-classes $(find bench/incidents/src -name '*.java')

stamp=$(date +%Y-%m-%d-%H%M%S)
run_dir=target/bench/incidents-$stamp
mkdir -p "$run_dir" bench/incidents/results
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
"$java" ${BENCH_JAVA_OPTS:-} -jar "$jar" --server.port="$http_port" --binhyen.db.port="$db_port" \
  --binhyen.db.data-directory="$run_dir/pg" --binhyen.crypto.master-key-file="$run_dir/master.key" \
  --binhyen.demo.enabled=true --logging.level.vn.binhyen.security=ERROR \
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
"$java" -cp "target/bench/incidents-classes:$classpath" vn.binhyen.bench.incidents.EarlyWarningBench \
  --base-url="http://localhost:$http_port" --db-port="$db_port" --app-pid="$app_pid" \
  --past-signals="${BENCH_PAST_SIGNALS:-1000000}" --burst="${BENCH_BURST:-4000}" \
  --rate="${BENCH_RATE:-200}" --seconds="${BENCH_SECONDS:-30}" \
  --commit="$(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD 2>/dev/null || echo '+changes')" \
  --out="bench/incidents/results/$stamp.txt"
status=$?
set -e
exit $status
