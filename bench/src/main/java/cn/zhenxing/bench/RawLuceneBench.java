package cn.zhenxing.bench;

import cn.zhenxing.server.search.ParagraphSearcher;
import cn.zhenxing.server.search.SearchRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The floor: the same searches our server runs (query building, facets, highlighting, stored fields) called
 * in-process through {@link ParagraphSearcher}, without HTTP and JSON, at 1 and 16 threads.
 *
 * <pre>java -Xmx512m -cp bench/target/zhenxing-bench.jar cn.zhenxing.bench.RawLuceneBench INDEX_DIR MIX.jsonl OUT.json [seconds] [warmup]</pre>
 */
public final class RawLuceneBench {

  private RawLuceneBench() {}

  public static void main(String[] args) throws Exception {
    Path indexDir = Path.of(args[0]);
    List<QueryPaths.Search> mix = QueryPaths.load(Path.of(args[1]));
    Path out = Path.of(args[2]);
    double seconds = args.length > 3 ? Double.parseDouble(args[3]) : 60;
    double warmup = args.length > 4 ? Double.parseDouble(args[4]) : 15;
    try (InProcessSearch open = InProcessSearch.open(indexDir)) {
      ParagraphSearcher searcher = open.searcher();
      List<String> runs = new ArrayList<>();
      for (int threads : new int[] {1, 16}) {
        run(searcher, mix, threads, warmup);
        runs.add(run(searcher, mix, threads, seconds));
        System.out.println("raw-lucene " + runs.get(runs.size() - 1));
      }
      Files.writeString(out, "{\"engine\": \"raw-lucene-in-process\", \"runs\": [" + String.join(", ", runs) + "]}\n");
    }
  }

  /** The mix searched for {@code seconds} by {@code threads} threads; the figures as a JSON object. */
  static String run(ParagraphSearcher searcher, List<QueryPaths.Search> mix, int threads, double seconds)
      throws InterruptedException {
    long[][] latencies = new long[threads][];
    int[] counts = new int[threads];
    AtomicLong errors = new AtomicLong();
    long jitBefore = jitMillis();
    long end = System.nanoTime() + (long) (seconds * 1e9);
    long start = System.nanoTime();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int id = t;
      Thread w = new Thread(() -> {
        long[] mine = new long[1 << 16];
        int n = 0;
        int i = id * 7;
        while (System.nanoTime() < end) {
          QueryPaths.Search s = mix.get(i++ % mix.size());
          long t0 = System.nanoTime();
          try {
            searcher.search(new SearchRequest(s.q(), s.themes(), 1, 10));
          } catch (Exception e) {
            errors.incrementAndGet();
          }
          if (n == mine.length) {
            mine = Arrays.copyOf(mine, n * 2);
          }
          mine[n++] = System.nanoTime() - t0;
        }
        latencies[id] = mine;
        counts[id] = n;
      });
      w.start();
      workers.add(w);
    }
    for (Thread w : workers) {
      w.join();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    int total = Arrays.stream(counts).sum();
    long[] all = new long[total];
    int k = 0;
    for (int t = 0; t < threads; t++) {
      System.arraycopy(latencies[t], 0, all, k, counts[t]);
      k += counts[t];
    }
    Arrays.sort(all);
    return String.format(Locale.ROOT,
        "{\"connections\": %d, \"requests\": %d, \"rps\": %.1f, \"p50Ms\": %.3f, \"p99Ms\": %.3f, \"maxMs\": %.3f, \"errors\": %d, "
            + "\"jitSeconds\": %.2f}",
        threads, total, total / elapsed, pct(all, 0.50), pct(all, 0.99), all.length == 0 ? 0 : all[all.length - 1] / 1e6,
        errors.get(), (jitMillis() - jitBefore) / 1000.0);
  }

  /** CPU the JIT compilers have taken so far: little of it inside a measured run means a steady-state figure. */
  private static long jitMillis() {
    var jit = java.lang.management.ManagementFactory.getCompilationMXBean();
    return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
  }

  private static double pct(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
  }
}
