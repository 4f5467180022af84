#!/usr/bin/env bash
# Zalo channel benchmark: bench/zalo/run.sh   (see bench/zalo/README.md)
#
# Builds the jar, starts the app with the demo data and the simulator (its limits off) on its own ports and a fresh
# data directory, runs ZaloBench, writes bench/zalo/results/zalo-<date>.txt and stops the app. Exit code 0 when every
# target was met, 3 when one was missed, anything else when the run itself failed. Never part of ./mvnw verify.
set -euo pipefail

cd "$(dirname "$0")/../.."
http_port=${BENCH_HTTP_PORT:-8085}
db_port=${BENCH_DB_PORT:-15437}
seconds=${BENCH_SECONDS:-20}
replies=${BENCH_REPLIES:-3000}
# Extra app arguments, e.g. BENCH_APP_ARGS=--binhyen.zalo.event-poll-interval=PT1H to measure intake alone
if [[ -z "${JAVA_HOME:-}" && -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
javac=${JAVA_HOME:+$JAVA_HOME/bin/}javac
command -v pgbench >/dev/null || { echo "pgbench not found: apt-get install -y postgresql-contrib" >&2; exit 2; }
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in "$http_port" "$db_port"; do
  if port_in_use "$port"; then echo "port $port is in use: set BENCH_HTTP_PORT / BENCH_DB_PORT" >&2; exit 2; fi
done

if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
  echo "building the jar (./mvnw -DskipTests package)..."
  ./mvnw -q -B -DskipTests -Dspotless.check.skip=true package
fi
jar=$(ls target/binhyen-*.jar | grep -v -- '-plain\|\.original' | head -n 1)
mkdir -p target/bench-zalo
classpath_file=target/bench-zalo/classpath.txt
if [[ ! -s $classpath_file || pom.xml -nt $classpath_file ]]; then
  ./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=$classpath_file -Dmdep.includeScope=runtime
fi
classpath="target/classes:$(cat $classpath_file)"
rm -rf target/bench-zalo/classes
"$javac" --release 21 -cp "$classpath" -d target/bench-zalo/classes $(find bench/zalo/src -name '*.java')

stamp=$(date +%Y-%m-%d-%H%M%S)
run_dir=target/bench-zalo/run-$stamp
mkdir -p "$run_dir" bench/zalo/results
master_key=$(head -c 32 /dev/urandom | base64)
app_pid=""
stop_app() {
  if [[ -n "$app_pid" ]] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid" 2>/dev/null || true
    for _ in $(seq 1 90); do kill -0 "$app_pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$app_pid" 2>/dev/null || true
  fi
  if [[ -f "$run_dir/pg/postmaster.pid" ]]; then kill "$(head -n 1 "$run_dir/pg/postmaster.pid")" 2>/dev/null || true; fi
  sleep 1
  rm -rf "$run_dir/pg"
}
trap stop_app EXIT

echo "starting the app on port $http_port, PostgreSQL on $db_port ..."
# BENCH_JAVA_OPTS: JVM options for the app, e.g. -XX:StartFlightRecording=filename=target/bench-zalo/app.jfr
"$java" ${BENCH_JAVA_OPTS:-} -jar "$jar" \
  --server.port="$http_port" \
  --binhyen.db.port="$db_port" \
  --binhyen.db.data-directory="$run_dir/pg" \
  --binhyen.crypto.master-key="$master_key" \
  --binhyen.demo.enabled=true \
  --binhyen.zalo.requests-per-minute=100000000 \
  --binhyen.zalosim.requests-per-minute=100000000 \
  --binhyen.zalo.delivery-workers="${BENCH_DELIVERY_WORKERS:-2}" \
  --binhyen.zalo.delivery-batch="${BENCH_DELIVERY_BATCH:-32}" \
  --logging.level.vn.binhyen.security.zalo=ERROR \
  ${BENCH_APP_ARGS:-} \
  >"$run_dir/app.log" 2>&1 &
app_pid=$!
for i in $(seq 1 240); do
  if curl -sf "http://localhost:$http_port/actuator/health/readiness" >/dev/null 2>&1 \
     && grep -q "Zalo simulator: .* commune pages connected" "$run_dir/app.log"; then break; fi
  if ! kill -0 "$app_pid" 2>/dev/null || [[ $i == 240 ]]; then
    echo "the app did not start; last lines of $run_dir/app.log:" >&2; tail -n 40 "$run_dir/app.log" >&2; exit 1
  fi
  sleep 1
done

set +e
# The load tool's young generation is large enough that it never collects during a 25 s paced phase: its own pauses
# would be counted as late acknowledgements (BENCH_TOOL_JAVA_OPTS adds options, e.g. -Xlog:gc:file=/tmp/tool-gc.log).
"$java" -Xms1g -Xmx2g -Xmn768m ${BENCH_TOOL_JAVA_OPTS:-} -cp "target/bench-zalo/classes:$classpath" vn.binhyen.bench.zalo.ZaloBench \
  --base-url="http://localhost:$http_port" --db-port="$db_port" --master-key="$master_key" \
  --seconds="$seconds" --replies="$replies" --work="$run_dir/work" \
  --delivery-concurrency="$(( ${BENCH_DELIVERY_WORKERS:-2} * ${BENCH_DELIVERY_BATCH:-32} ))" \
  --lua=bench/zalo/webhook.lua --commit="$(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD 2>/dev/null || echo '+changes')" \
  --out="bench/zalo/results/zalo-$stamp.txt"
status=$?
set -e
exit $status
