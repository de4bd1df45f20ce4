#!/usr/bin/env bash
# Starts our server (-Xmx512m, response cache off) on bench/data/index with extra server options, runs wrk over
# the query mix once per connection count given, in order, and prints one line per run. For comparing server
# settings in turn on the same machine, e.g. the number of search threads:
#   for t in 0 4 0 4; do bench/scripts/server-runs.sh "1 1 16 16" 20 --search-threads $t; done
set -euo pipefail
cd "$(dirname "$0")/../.."
conns=$1; seconds=$2; shift 2
PORT=${PORT:-7090}
java -Xmx512m -XX:+UseParallelGC -jar server/target/zhenxing-server.jar --index bench/data/index --port "$PORT" --rate-limit 0 \
  --cache-entries 0 "$@" > /dev/null 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
until curl -sf "http://localhost:$PORT/api/search?q=%E6%B2%88%E9%98%B3" > /dev/null; do sleep 0.05; done
for c in $conns; do
  wrk -t "$([ "$c" = 1 ] && echo 1 || echo 2)" -c "$c" -d "${seconds}s" --timeout 10s -s bench/scripts/query-mix.lua \
    "http://localhost:$PORT" -- bench/data/query-paths.txt | tail -1 | python3 -c "import json, sys
d = json.load(sys.stdin)
print('options: $* | %s connection(s): %.0f req/s, p50 %.2f ms, p99 %.1f ms, errors %d' % ('$c', d['rps'], d['p50Ms'], d['p99Ms'], d['errors']))"
done
