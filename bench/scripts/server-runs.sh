#!/usr/bin/env bash
# Starts our server (JVM options of server.jvm or $SERVER_JVM, response cache off) on bench/data/index with extra
# server options, runs wrk over the query mix for WARMUP seconds (default 0) at the first connection count, then
# once per connection count given, in order, and prints one line per run. For comparing server settings in turn
# on the same machine, e.g. the number of search threads, or the collector:
#   for t in 0 4 0 4; do bench/scripts/server-runs.sh "1 1 16 16" 20 --search-threads $t; done
#   for gc in G1 Parallel G1 Parallel; do SERVER_JVM="-Xmx512m -XX:+Use${gc}GC" WARMUP=60 bench/scripts/server-runs.sh 16 20; done
set -euo pipefail
cd "$(dirname "$0")/../.."
conns=$1; seconds=$2; shift 2
PORT=${PORT:-7090}
java ${SERVER_JVM:-@bench/scripts/server.jvm} -jar server/target/zhenxing-server.jar --index bench/data/index --port "$PORT" --rate-limit 0 \
  --cache-entries 0 "$@" > /dev/null 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
until curl -sf "http://localhost:$PORT/api/search?q=%E6%B2%88%E9%98%B3" > /dev/null; do sleep 0.05; done
first=${conns%% *}
if [ "${WARMUP:-0}" != 0 ]; then
  wrk -t "$([ "$first" = 1 ] && echo 1 || echo 2)" -c "$first" -d "${WARMUP}s" -s bench/scripts/query-mix.lua \
    "http://localhost:$PORT" -- bench/data/query-paths.txt > /dev/null
fi
for c in $conns; do
  wrk -t "$([ "$c" = 1 ] && echo 1 || echo 2)" -c "$c" -d "${seconds}s" --timeout 10s -s bench/scripts/query-mix.lua \
    "http://localhost:$PORT" -- bench/data/query-paths.txt | tail -1 | python3 -c "import json, sys
d = json.load(sys.stdin)
print('jvm: ${SERVER_JVM:-server.jvm} options: $* | %s connection(s): %.0f req/s, p50 %.2f ms, p99 %.1f ms, errors %d' % ('$c', d['rps'], d['p50Ms'], d['p99Ms'], d['errors']))"
done
