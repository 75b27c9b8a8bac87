#!/usr/bin/env bash
# Scorecard benchmark: starts the packaged Tollgate against a fresh PostgreSQL database, loads 1,000 teams × 4
# environments with 2,000,000 findings and 90 days of snapshots (scorecard-data.sql), then times the overview,
# a team scorecard and imports of 10,000 findings over HTTP.
# Usage: src/test/bench/scorecard-benchmark.sh [repetitions]      (default: 15)
# Needs PostgreSQL on 127.0.0.1:5432 with trust auth for user postgres (as in CI). Results: docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/../../.."
repetitions=${1:-15}
port=18081
database=tollgate_bench_scorecards

./mvnw -q -B -o -DskipTests package test-compile
./mvnw -q -B -o dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test

psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" -c "CREATE DATABASE $database"
password=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$database QUARKUS_DATASOURCE_USERNAME=postgres \
  QUARKUS_DATASOURCE_PASSWORD=postgres PORT=$port TOLLGATE_SECURITY_ADMIN_EMAIL=bench@example.test \
  TOLLGATE_SECURITY_ADMIN_PASSWORD="$password" TOLLGATE_SCORECARD_DAILY=false \
  java -Xmx512m -jar target/quarkus-app/quarkus-run.jar > target/bench-server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null && break; sleep 1; done

started=$(date +%s)
psql -q -h 127.0.0.1 -U postgres -d $database -f src/test/bench/scorecard-data.sql
echo "data loaded in $(( $(date +%s) - started )) s"
echo "server: java -Xmx512m, $(nproc) cores, $(java -version 2>&1 | head -n 1)"
java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" io.tollgate.bench.ScorecardBenchmark \
  "http://127.0.0.1:$port" bench@example.test "$password" "$repetitions"
grep -E "OutOfMemory|ERROR" target/bench-server.log || true
