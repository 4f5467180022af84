#!/usr/bin/env bash
# BinhYen benchmarks. Usage: bench/run.sh inbox   (see bench/README.md)
#
# Builds the jar, starts the app with the demo data on its own ports and a fresh data directory, generates the tips,
# measures, writes bench/results/<bench>-<date>.txt and stops the app. Exit code 0 when every case met its target,
# 3 when a case missed it, anything else when the run itself failed.
set -euo pipefail

cd "$(dirname "$0")/.."
bench=${1:-}
case "$bench" in
  inbox) main=vn.binhyen.bench.InboxBench ;;
  *) echo "usage: bench/run.sh inbox" >&2; exit 2 ;;
esac

http_port=${BENCH_HTTP_PORT:-8083}
db_port=${BENCH_DB_PORT:-15435}
tips=${BENCH_TIPS:-200000}
runs=${BENCH_RUNS:-200}
country_backlog=${BENCH_COUNTRY_BACKLOG:-60000}
if [[ -z "${JAVA_HOME:-}" && -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
javac=${JAVA_HOME:+$JAVA_HOME/bin/}javac
command -v pgbench >/dev/null || { echo "pgbench not found: apt-get install -y postgresql-client" >&2; exit 2; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in "$http_port" "$db_port"; do
  if port_in_use "$port"; then
    echo "port $port is in use: set BENCH_HTTP_PORT / BENCH_DB_PORT" >&2
    exit 2
  fi
done

if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]]; then
  # clean: a migration renamed since the last build would otherwise stay behind in target/classes and run twice.
  echo "building the jar (./mvnw -DskipTests clean package)..."
  ./mvnw -q -B -DskipTests -Dspotless.check.skip=true clean package
fi
jar=$(ls target/binhyen-*.jar | grep -v -- '-plain\|\.original' | head -n 1)
mkdir -p target/bench
classpath_file=target/bench/classpath.txt
if [[ ! -s $classpath_file || pom.xml -nt $classpath_file ]]; then
  ./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=$classpath_file -Dmdep.includeScope=runtime
fi
# The tool's own HTTP client (Apache HttpClient 5, classic): not a dependency of the app.
lib=target/bench/lib
for artifact in org.apache.httpcomponents.client5:httpclient5:5.6.5 \
                org.apache.httpcomponents.core5:httpcore5:5.4.4 \
                org.apache.httpcomponents.core5:httpcore5-h2:5.4.4; do
  IFS=: read -r _ name version <<<"$artifact"
  if [[ ! -s $lib/$name-$version.jar ]]; then
    ./mvnw -q -B dependency:copy -Dartifact="$artifact" -DoutputDirectory="$lib"
  fi
done
classpath="target/classes:$(cat $classpath_file):$lib/*"
rm -rf target/bench/classes
"$javac" --release 21 -cp "$classpath" -d target/bench/classes $(find bench/src -name '*.java')

stamp=$(date +%Y-%m-%d-%H%M%S)
run_dir=target/bench/run-$stamp
mkdir -p "$run_dir" bench/results
app_pid=""

stop_app() {
  if [[ -n "$app_pid" ]] && kill -0 "$app_pid" 2>/dev/null; then
    echo "stopping the app (pid $app_pid)..."
    kill "$app_pid" 2>/dev/null || true
    for _ in $(seq 1 90); do
      kill -0 "$app_pid" 2>/dev/null || break
      sleep 1
    done
    kill -9 "$app_pid" 2>/dev/null || true
  fi
  # The embedded server stops with the JVM; if the JVM had to be killed, stop the server it left behind.
  if [[ -f "$run_dir/pg/postmaster.pid" ]]; then
    pg_pid=$(head -n 1 "$run_dir/pg/postmaster.pid")
    kill "$pg_pid" 2>/dev/null || true
  fi
  if [[ "${BENCH_KEEP_DATA:-0}" != 1 ]]; then
    sleep 1
    rm -rf "$run_dir/pg"
  fi
}
trap stop_app EXIT

echo "starting the app on port $http_port, PostgreSQL on $db_port, data in $run_dir/pg ..."
# BENCH_JAVA_OPTS: extra JVM options for the app, e.g. a flight recording to see where a request's time goes.
# shellcheck disable=SC2086
"$java" ${BENCH_JAVA_OPTS:-} -jar "$jar" \
  --server.port="$http_port" \
  --binhyen.db.port="$db_port" \
  --binhyen.db.data-directory="$run_dir/pg" \
  --binhyen.crypto.master-key-file="$run_dir/master.key" \
  --binhyen.demo.enabled=true \
  >"$run_dir/app.log" 2>&1 &
app_pid=$!

# Ready means the demo data is in: readiness turns UP only after the application runners that seed it.
for i in $(seq 1 240); do
  if curl -sf "http://localhost:$http_port/actuator/health/readiness" >/dev/null 2>&1; then
    break
  fi
  if ! kill -0 "$app_pid" 2>/dev/null || [[ $i == 240 ]]; then
    echo "the app did not start; last lines of $run_dir/app.log:" >&2
    tail -n 40 "$run_dir/app.log" >&2
    exit 1
  fi
  sleep 1
done

out=bench/results/$bench-$stamp.txt
set +e
"$java" -cp "target/bench/classes:$classpath" "$main" \
  --base-url="http://localhost:$http_port" \
  --db-port="$db_port" \
  --tips="$tips" \
  --runs="$runs" \
  --country-backlog="$country_backlog" \
  --work="$run_dir/work" \
  --commit="$(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD 2>/dev/null || echo '+changes')" \
  --out="$out"
status=$?
set -e
exit $status
