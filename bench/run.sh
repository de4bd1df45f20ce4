#!/usr/bin/env bash
# The whole benchmark in one run, on one machine: data, indexing, start-up, queries over HTTP (wrk) and
# in-process, embedded Solr, and 64 connections of load. Results land in bench/results/ and REPORT.md.
# Needs: ../shared/corpus (or CORPUS=dir), wrk (apt-get install wrk), ~3 GiB of disk, ~30 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=${CORPUS:-../shared/corpus}
COPIES=${COPIES:-4}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-30}
# Every engine searches the mix this long, at the measured concurrency, before each measured run. Shorter
# measures the JIT compiler as much as the engine: after a start our server's C2 compiler spent 60-100 s of
# CPU under load (1M paragraphs, 2 cores), a third of a core that searches did not get. Each result records
# the JIT seconds of its measured window, so a report shows whether it was steady.
WARMUP=${WARMUP:-90}
PORT=${PORT:-7090}
DATA=bench/data
OUT=bench/results
mkdir -p "$DATA" "$OUT"

echo "== build"
mvn -q -B -Pbench package -DskipTests
BENCH="bench/target/zhenxing-bench.jar"

echo "== machine"
printf '{"cores": %s, "memoryGiB": %s, "java": "%s"}\n' "$(nproc)" \
  "$(awk '/MemTotal/ {printf "%.0f", $2/1048576}' /proc/meminfo)" \
  "$(java -version 2>&1 | head -1 | sed 's/"/\\"/g')" > "$OUT/machine.json"

echo "== data: the shared corpus $COPIES times under new ids"
[ -f "$DATA/corpus.jsonl" ] || java -cp "$BENCH" cn.zhenxing.bench.PrepareData "$CORPUS" "$COPIES" "$DATA/corpus.jsonl"
java -cp "$BENCH" cn.zhenxing.bench.QueryPaths bench/query-mix.jsonl "$DATA/query-paths.txt"

echo "== analysis ceiling: SmartChineseAnalyzer, one thread"
java -cp "$BENCH" cn.zhenxing.bench.AnalysisRate "$DATA/corpus.jsonl" 20 1 > "$OUT/analysis.json"
cat "$OUT/analysis.json"
# The ceiling assumes the cores scale: the same analysis on all of them at once says whether they do.
java -cp "$BENCH" cn.zhenxing.bench.AnalysisRate "$DATA/corpus.jsonl" 20 "$(nproc)" > "$OUT/analysis-all-cores.json"
cat "$OUT/analysis-all-cores.json"

echo "== indexing with the bulk CLI"
rm -rf "$DATA/index"
start=$(date +%s.%N)
java -Xmx3g -jar indexer/target/zhenxing-indexer.jar --input "$DATA/corpus.jsonl" --index "$DATA/index" | tee "$OUT/indexing.log" | grep -v '^\s*skipped'
end=$(date +%s.%N)
python3 - "$OUT/indexing.log" "$start" "$end" "$DATA/index" > "$OUT/indexing.json" <<'PY'
import re, sys, json, subprocess
log = open(sys.argv[1]).read()
m = re.search(r"Done in ([\d.]+) s: ([\d,]+) articles, ([\d,]+) paragraphs, ([\d,]+) characters \(([\d,]+) paragraphs/s, ([\d,]+) chars/s\)", log)
n = lambda s: float(s.replace(",", ""))
size = subprocess.run(["du", "-sh", sys.argv[4]], capture_output=True, text=True).stdout.split()[0]
print(json.dumps({"buildSeconds": n(m.group(1)), "articles": n(m.group(2)), "paragraphs": n(m.group(3)),
  "characters": n(m.group(4)), "paragraphsPerSecond": n(m.group(5)), "charsPerSecond": n(m.group(6)),
  "threads": int(re.search(r"with (\d+) thread", log).group(1)),
  "wallSeconds": float(sys.argv[3]) - float(sys.argv[2]), "indexSize": size}))
PY
cat "$OUT/indexing.json"

echo "== paragraphs for Solr"
java -cp "$BENCH" cn.zhenxing.bench.ExportParagraphs "$DATA/index" "$DATA/paragraphs.jsonl"

# The README's command: the class-data archive the build writes (see StartupTraining) is mapped at start, and the
# heap and collector of scripts/server.jvm (the parallel collector served 16 connections about a fifth faster than
# G1: README, "Garbage collector"). SERVER_JVM="-Xmx512m -XX:+UseG1GC" replaces that file, here and in scripts/.
ARCHIVE="-XX:SharedArchiveFile=server/target/zhenxing-server.jsa"
CDS=$ARCHIVE
# Our server, twice: with its response cache (the default) and with it off (--cache-entries 0), so the
# cache can be compared with Solr's stock caches and the engine itself with Solr's caches off.
start_server() {
  java ${SERVER_JVM:-@bench/scripts/server.jvm} $CDS -jar server/target/zhenxing-server.jar --index "$DATA/index" --port "$PORT" --rate-limit 0 "$@" \
    > "$OUT/server.log" 2>&1 &
  SERVER=$!
  trap 'kill $SERVER 2>/dev/null || true' EXIT
  until curl -sf "http://localhost:$PORT/api/search?q=%E6%B2%88%E9%98%B3" > /dev/null; do sleep 0.02; done
}
stop_server() { kill $SERVER; wait $SERVER 2>/dev/null || true; trap - EXIT; }
# Milliseconds the server's JIT compilers have spent so far (Micrometer's jvm_compilation_time_ms_total).
jit_ms() { curl -s "http://localhost:$PORT/metrics" | awk '/^jvm_compilation_time_ms_total/ {s+=$NF} END {printf "%.0f", s}'; }
wrk_runs() { # $1 = result file prefix
  for c in 1 16; do
    echo "== wrk $1, $c connection(s): ${WARMUP}s warm-up, ${SECONDS_PER_RUN}s measured"
    wrk -t "$([ "$c" = 1 ] && echo 1 || echo 2)" -c "$c" -d "${WARMUP}s" -s bench/scripts/query-mix.lua "http://localhost:$PORT" -- "$DATA/query-paths.txt" > /dev/null
    jit0=$(jit_ms)
    result=$(wrk -t "$([ "$c" = 1 ] && echo 1 || echo 2)" -c "$c" -d "${SECONDS_PER_RUN}s" --timeout 10s \
      -s bench/scripts/query-mix.lua "http://localhost:$PORT" -- "$DATA/query-paths.txt" | tail -1)
    jit=$(awk -v a="$jit0" -v b="$(jit_ms)" 'BEGIN {printf "%.2f", (b - a) / 1000}')
    echo "${result%\}}, \"jitSeconds\": $jit}" > "$OUT/$1-$c.json"
    cat "$OUT/$1-$c.json"
  done
}

echo "== our server: start-up with the existing index, -Xmx512m (5 starts each with and without the class-data archive, alternating; medians count)"
for i in 1 2 3 4 5; do
  for CDS in "$ARCHIVE" ""; do
    start=$(date +%s.%N)
    start_server
    end=$(date +%s.%N)
    stop_server
    echo "$([ -n "$CDS" ] && echo archive || echo plain) $start $end"
  done
done > "$OUT/startup-runs.txt"
CDS=$ARCHIVE
python3 - "$OUT/startup-runs.txt" > "$OUT/startup.json" <<'PY'
import sys, json, statistics
runs = {"archive": [], "plain": []}
for mode, s, e in (l.split() for l in open(sys.argv[1])):
    runs[mode].append(float(e) - float(s))
print(json.dumps({"seconds": statistics.median(runs["archive"]), "runs": runs["archive"],
                  "withoutArchive": {"seconds": statistics.median(runs["plain"]), "runs": runs["plain"]}}))
PY
cat "$OUT/startup.json"
start_server
wrk_runs wrk
stop_server

echo "== our server with the response cache off"
start_server --cache-entries 0
wrk_runs wrk-nocache

echo "== 64 connections for 60 s, response cache off (every request searches)"
# Heap is sampled every 5 s during the run: "memory flat" means the old generation does not climb.
heap() { curl -s "http://localhost:$PORT/metrics" | awk '/^jvm_memory_used_bytes\{.*area="heap"/ {s+=$NF} /^jvm_memory_used_bytes\{.*id="(G1 Old Gen|PS Old Gen|Tenured Gen)"/ {o+=$NF} END {printf "%.0f %.0f", s/1048576, o/1048576}'; }
( while sleep 5; do echo "$(date +%s) $(heap)"; done ) > "$OUT/load-64-heap.txt" &
SAMPLER=$!
wrk -t 2 -c 64 -d 60s --timeout 10s -s bench/scripts/query-mix.lua "http://localhost:$PORT" -- "$DATA/query-paths.txt" | tail -1 > "$OUT/load-64.raw"
kill $SAMPLER
python3 - "$OUT/load-64.raw" "$OUT/load-64-heap.txt" > "$OUT/load-64.json" <<'PY'
import sys, json
d = json.load(open(sys.argv[1]))
samples = [l.split() for l in open(sys.argv[2]) if len(l.split()) == 3]
d["heapUsedMiB"] = [int(s[1]) for s in samples]
d["oldGenMiB"] = [int(s[2]) for s in samples]
print(json.dumps(d))
PY
cat "$OUT/load-64.json"
curl -s "http://localhost:$PORT/metrics" > "$OUT/metrics-after-load.txt"
stop_server

echo "== raw Lucene in-process (same searches, no HTTP/JSON)"
# The server's heap and collector, so that ours/raw compares the serving path and not two JVM settings.
java ${SERVER_JVM:-@bench/scripts/server.jvm} -cp "$BENCH" cn.zhenxing.bench.RawLuceneBench "$DATA/index" bench/query-mix.jsonl "$OUT/raw.json" "$SECONDS_PER_RUN" "$WARMUP"

echo "== Solr 9.10.1 embedded on the same paragraphs and mix"
# Solr as shipped runs G1 (bin/solr's GC_TUNE); the parallel collector did not make it faster (README).
java -Xmx2g -jar bench/solr/target/zhenxing-bench-solr.jar --paragraphs "$DATA/paragraphs.jsonl" \
  --queries bench/query-mix.jsonl --solr-home "$DATA/solr" --out "$OUT/solr.json" \
  --threads 1,16 --seconds "$SECONDS_PER_RUN" --warmup-seconds "$WARMUP" ${SOLR_REUSE:+--reuse}
java -Xmx2g -jar bench/solr/target/zhenxing-bench-solr.jar --queries bench/query-mix.jsonl --solr-home "$DATA/solr" \
  --out "$OUT/solr-nocache.json" --threads 1,16 --seconds "$SECONDS_PER_RUN" --warmup-seconds "$WARMUP" --reuse --no-query-caches

echo "== report"
java -cp "$BENCH" cn.zhenxing.bench.BenchReport "$OUT"
