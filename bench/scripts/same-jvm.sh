#!/usr/bin/env bash
# Our server and an in-process loop of the same searches in one JVM, measured in turn (20 s each, 3 times,
# after WARMUP seconds (default 90) of wrk):
# wrk at CONNS connections (default 1) against the server, then the loop on as many threads. Shows whether HTTP searches are slower
# because of the JVM (JIT, GC: both would be slow) or because of the serving path (only wrk's figures slow).
# Needs bench/data/index (bench/run.sh) and wrk.
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${PORT:-7090}
CONNS=${CONNS:-1}
work=$(mktemp -d)
cp -al bench/data/index "$work/index"
find "$work/index" \( -name write.lock -o -name index.lock \) -delete
java ${SERVER_JVM:-@bench/scripts/server.jvm} -cp bench/target/zhenxing-bench.jar cn.zhenxing.bench.SameJvmBench bench/data/index "$work/index" \
  bench/query-mix.jsonl "$PORT" "$work" > "$work/log" 2>&1 &
JVM=$!
trap 'kill $JVM 2>/dev/null || true; rm -rf "$work"' EXIT
until [ -f "$work/ready" ]; do sleep 0.2; done
# Warm the JIT first (see WARMUP in bench/run.sh): cold rounds measure the compiler, not the two paths.
wrk -t "$([ "$CONNS" = 1 ] && echo 1 || echo 2)" -c "$CONNS" -d "${WARMUP:-90}s" \
  -s bench/scripts/query-mix.lua "http://localhost:$PORT" -- bench/data/query-paths.txt > /dev/null
for round in 1 2 3; do
  echo "wrk, $CONNS connection(s): $(wrk -t "$([ "$CONNS" = 1 ] && echo 1 || echo 2)" -c "$CONNS" -d 20s \
    -s bench/scripts/query-mix.lua "http://localhost:$PORT" -- bench/data/query-paths.txt | tail -1)"
  rm -f "$work/done"; echo "20 $CONNS" > "$work/go"
  until [ -f "$work/done" ]; do sleep 0.2; done
  grep "in-process, same JVM" "$work/log" | tail -1
done
