#!/usr/bin/env bash
# Import benchmark: starts the packaged Tollgate with a 512 MB heap against a fresh PostgreSQL database, then
# uploads generated SARIF reports over HTTP and prints the time to committed rows: first import, re-import, and a
# full scan without the last 1% of the results (which fixes those findings).
# Usage: src/test/bench/import-benchmark.sh [result counts...]      (default: 100000)
# BENCH_WARMUP: pairs of 100,000-result uploads before the timed ones (default 3); BENCH_PAUSE: seconds between
# uploads (default 2); BENCH_HEAP: the server's heap (default 512m). Uploads go through curl, as in CI.
# Needs PostgreSQL on 127.0.0.1 with trust auth for user postgres (as in CI), on port 5432 or BENCH_PGPORT (to compare
# database settings on a second server). Results: docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/../../.."
counts=("${@:-100000}")
port=18080
database=tollgate_bench
heap=${BENCH_HEAP:-512m}
pgport=${BENCH_PGPORT:-5432}

./mvnw -q -B -DskipTests package test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test

psql -q -h 127.0.0.1 -p "$pgport" -U postgres -d postgres -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" -c "CREATE DATABASE $database"
password=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:$pgport/$database QUARKUS_DATASOURCE_USERNAME=postgres \
  QUARKUS_DATASOURCE_PASSWORD=postgres PORT=$port TOLLGATE_SECURITY_ADMIN_EMAIL=bench@example.test \
  TOLLGATE_SECURITY_ADMIN_PASSWORD="$password" TOLLGATE_MAX_REPORT_BYTES=4294967296 \
  java -Xmx"$heap" -jar target/quarkus-app/quarkus-run.jar > target/bench-server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null && break; sleep 1; done

# The shared machine's speed changes over a session: this query's time puts the figures in context.
reference() {
  psql -h 127.0.0.1 -p "$pgport" -U postgres -d postgres -c '\timing on' -c 'SELECT count(*) FROM generate_series(1, 5000000)' |
    sed -n 's/^Time: \([0-9.]*\) ms.*/\1 ms/p'
}
echo "server: java -Xmx$heap, $(nproc) cores, $(java -version 2>&1 | head -n 1)"
echo "database: port $pgport, shared_buffers $(psql -h 127.0.0.1 -p "$pgport" -U postgres -d postgres -Atc 'SHOW shared_buffers')"
echo "machine reference before (psql, SELECT count(*) FROM generate_series(1, 5000000)): $(reference)"
java -Xmx1g -Dbench.warmup="${BENCH_WARMUP:-3}" -Dbench.pause="${BENCH_PAUSE:-2}" -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" io.tollgate.bench.ImportBenchmark \
  "http://127.0.0.1:$port" bench@example.test "$password" "${counts[@]}"
echo "machine reference after: $(reference)"
grep -E "OutOfMemory|ERROR" target/bench-server.log || true
