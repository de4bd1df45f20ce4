#!/usr/bin/env bash
# Start-up of two or more builds of the server, alternating, over the benchmark index: seconds from `java`
# to the first answered search, launched as the README says (scripts/server.jvm and the build's class-data
# archive). Alternating matters: this machine's speed drifts by a quarter between minutes, so builds
# measured one after the other are not comparable.
#
#   bench/scripts/startup-compare.sh STARTS TARGET_DIR...
#   e.g. git worktree add /tmp/before HEAD~1 && (cd /tmp/before && mvn -q package -DskipTests)
#        bench/scripts/startup-compare.sh 7 /tmp/before/server/target server/target
#
# Prints each start, then the median per build. DATA (bench/data) and PORT (7090) as in run.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."
STARTS=$1; shift
DATA=${DATA:-bench/data}
PORT=${PORT:-7090}
RUNS=$(mktemp)
trap 'rm -f "$RUNS"' EXIT
for ((i = 1; i <= STARTS; i++)); do
  for target in "$@"; do
    start=$(date +%s.%N)
    java ${SERVER_JVM:-@bench/scripts/server.jvm} -XX:SharedArchiveFile="$target/zhenxing-server.jsa" \
      -jar "$target/zhenxing-server.jar" --index "$DATA/index" --port "$PORT" > /dev/null 2>&1 &
    server=$!
    until curl -sf "http://localhost:$PORT/api/search?q=%E6%B2%88%E9%98%B3" > /dev/null; do
      kill -0 $server 2> /dev/null || { echo "the server in $target exited before answering" >&2; exit 1; }
      sleep 0.02
    done
    end=$(date +%s.%N)
    kill $server; wait $server 2> /dev/null || true
    echo "$target $(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.3f", b - a}')" | tee -a "$RUNS"
  done
done
python3 - "$RUNS" "$@" <<'PY'
import sys, statistics
runs = {}
for target, seconds in (line.split() for line in open(sys.argv[1])):
    runs.setdefault(target, []).append(float(seconds))
for target in sys.argv[2:]:
    print(f"{target}: median {statistics.median(runs[target]):.2f} s of {len(runs[target])} starts")
PY
