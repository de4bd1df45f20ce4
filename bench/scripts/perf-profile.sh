#!/usr/bin/env bash
# Where the server's CPU goes per request, searched over HTTP: the server runs with a perf map of its JIT code
# (written when it exits), warms up for WARMUP seconds (default 90) at CONNS connections (default 1), then
# Linux perf samples it for SECONDS_PER_RUN (default 20) while wrk keeps the same load. Prints the CPU per request,
# the share of it spent inside ParagraphSearcher.search (the part the in-process loop of RawLuceneBench also
# pays) and the hottest methods. Needs bench/data/index (bench/run.sh), wrk and perf (Debian: linux-perf).
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${PORT:-7091}
CONNS=${CONNS:-1}
SECONDS_MEASURED=${SECONDS_PER_RUN:-20}
THREADS=$([ "$CONNS" = 1 ] && echo 1 || echo 2)
work=$(mktemp -d)
cp -al bench/data/index "$work/index"
find "$work/index" \( -name write.lock -o -name index.lock \) -delete
java ${SERVER_JVM:-@bench/scripts/server.jvm} -XX:+UnlockDiagnosticVMOptions -XX:+DumpPerfMapAtExit -XX:+PreserveFramePointer \
  -jar server/target/zhenxing-server.jar --index "$work/index" --port "$PORT" --rate-limit 0 --cache-entries 0 \
  > "$work/server.log" 2>&1 &
JVM=$!
trap 'kill $JVM 2>/dev/null || true; rm -rf "$work"' EXIT
until curl -sf "http://localhost:$PORT/health" > /dev/null; do sleep 0.2; done
wrk -t "$THREADS" -c "$CONNS" -d "${WARMUP:-90}s" -s bench/scripts/query-mix.lua "http://localhost:$PORT" \
  -- bench/data/query-paths.txt > /dev/null
wrk -t "$THREADS" -c "$CONNS" -d "$((SECONDS_MEASURED + 4))s" -s bench/scripts/query-mix.lua \
  "http://localhost:$PORT" -- bench/data/query-paths.txt > "$work/wrk.json" &
WRK=$!
sleep 2
perf record -q -e cpu-clock -F 1999 -g -p "$JVM" -o "$work/perf.data" -- sleep "$SECONDS_MEASURED" 2> /dev/null
wait $WRK
kill $JVM
wait $JVM 2>/dev/null || true # the perf map is written as the JVM exits
rps=$(tail -1 "$work/wrk.json" | python3 -c 'import json,sys; print(json.load(sys.stdin)["rps"])')
samples=$(perf report -i "$work/perf.data" --no-children --sort comm -g none -q -F sample 2>/dev/null \
  | awk '{s+=$1} END {print s}')
search=$(perf report -i "$work/perf.data" --children --sort sym -g none -q 2>/dev/null \
  | awk '/ParagraphSearcher\.search\(/ && !found {print $1; found = 1}')
python3 - "$rps" "$samples" "$search" "$SECONDS_MEASURED" <<'PY'
import sys
rps, samples, search, seconds = float(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3].rstrip('%')), float(sys.argv[4])
cpu_ms = samples / 1999 / (rps * seconds) * 1000
print(f"wrk {rps:.0f} req/s; server CPU {cpu_ms:.2f} ms a request, {search:.1f}% of it inside ParagraphSearcher.search "
      f"({cpu_ms * search / 100:.2f} ms), the rest (HTTP, JSON, logging, GC, JIT) {cpu_ms * (100 - search) / 100:.2f} ms")
PY
echo "hottest methods (self time):"
perf report -i "$work/perf.data" --no-children --sort sym -g none -q 2>/dev/null | awk 'NR <= 15' | cut -c1-160
