#!/usr/bin/env bash
# ours/raw at 1 connection, measured as PAIRS (default 4) alternating pairs instead of once: each pair starts
# our server as bench/run.sh does (README command, -Xmx512m, response cache off) and runs wrk for WARMUP
# seconds (default 90) then SECONDS_PER_RUN (default 30) measured, then RawLuceneBench's 1-thread loop in a fresh JVM
# with the same warm-up and length. One line per pair, then the median ratio: one run's ratio moves with the
# machine and with each JVM's JIT, so a median over pairs is the figure to quote.
# Needs bench/data/index (bench/run.sh) and wrk.
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${PORT:-7092}
WARM=${WARMUP:-90}
MEASURE=${SECONDS_PER_RUN:-30}
log=$(mktemp)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -f "$log" "$log.raw.json"' EXIT
ratios=()
for i in $(seq "${PAIRS:-4}"); do
  java ${SERVER_JVM:-@bench/scripts/server.jvm} -XX:SharedArchiveFile=server/target/zhenxing-server.jsa -jar server/target/zhenxing-server.jar \
    --index bench/data/index --port "$PORT" --rate-limit 0 --cache-entries 0 > /dev/null 2>&1 &
  server=$!
  until curl -sf "http://localhost:$PORT/health" > /dev/null; do sleep 0.1; done
  wrk -t1 -c1 -d"${WARM}s" -s bench/scripts/query-mix.lua "http://localhost:$PORT" -- bench/data/query-paths.txt > /dev/null
  ours=$(wrk -t1 -c1 -d"${MEASURE}s" --timeout 10s -s bench/scripts/query-mix.lua "http://localhost:$PORT" \
    -- bench/data/query-paths.txt | tail -1)
  kill $server; wait $server 2>/dev/null || true
  java ${SERVER_JVM:-@bench/scripts/server.jvm} -cp bench/target/zhenxing-bench.jar cn.zhenxing.bench.RawLuceneBench bench/data/index \
    bench/query-mix.jsonl "$log.raw.json" "$MEASURE" "$WARM" > "$log" 2>&1 &
  raw=$!
  until grep -q '^raw-lucene' "$log"; do sleep 1; done # its 1-thread run comes first; the 16-thread one is not needed
  kill $raw; wait $raw 2>/dev/null || true
  line=$(python3 - "$i" "$ours" "$(grep -m1 '^raw-lucene' "$log" | sed 's/^raw-lucene //')" <<'PY'
import json, sys
a, b = json.loads(sys.argv[2]), json.loads(sys.argv[3])
print(f"{a['p50Ms'] / b['p50Ms']:.3f} pair {sys.argv[1]}: ours p50 {a['p50Ms']:.2f} ms p99 {a['p99Ms']:.1f} ms "
      f"{a['rps']:.0f} req/s, errors {a['errors']} | raw p50 {b['p50Ms']:.2f} ms p99 {b['p99Ms']:.1f} ms {b['rps']:.0f} req/s")
PY
)
  ratios+=("${line%% *}")
  echo "${line#* } | ours/raw p50 ${line%% *}"
done
printf '%s\n' "${ratios[@]}" | sort -n | awk '{r[NR]=$1} END {m = NR % 2 ? r[(NR+1)/2] : (r[NR/2] + r[NR/2+1]) / 2;
  printf "median ours/raw p50 over %d pairs: %.2f (range %.2f-%.2f)\n", NR, m, r[1], r[NR]}'
