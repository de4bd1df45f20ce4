package cn.zhenxing.bench;

import cn.zhenxing.server.search.ParagraphSearcher;
import cn.zhenxing.server.search.SearchRequest;
import cn.zhenxing.server.search.SearchResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Where the query time goes: every search of the mix run alone, one thread, after a warm-up, with its median
 * time and hit count, the most expensive first, and the process CPU time per search (all threads: what bounds
 * throughput when every core is busy). Used to decide what to optimise; not part of the report.
 *
 * <pre>java -Xmx512m -cp bench/target/zhenxing-bench.jar cn.zhenxing.bench.QueryCosts INDEX_DIR MIX.jsonl [rounds]</pre>
 */
public final class QueryCosts {

  private QueryCosts() {}

  public static void main(String[] args) throws Exception {
    Path indexDir = Path.of(args[0]);
    List<QueryPaths.Search> mix = QueryPaths.load(Path.of(args[1]));
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
    try (InProcessSearch open = InProcessSearch.open(indexDir)) {
      ParagraphSearcher searcher = open.searcher();
      record Cost(QueryPaths.Search search, double medianMs, long total) {}
      List<Cost> costs = new ArrayList<>();
      for (int warm = 0; warm < 3; warm++) {
        for (QueryPaths.Search s : mix) {
          searcher.search(new SearchRequest(s.q(), s.themes(), 1, 10));
        }
      }
      double sum = 0;
      var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      long cpu0 = os.getProcessCpuTime();
      for (QueryPaths.Search s : mix) {
        long[] times = new long[rounds];
        long total = 0;
        for (int r = 0; r < rounds; r++) {
          long t0 = System.nanoTime();
          SearchResponse response = searcher.search(new SearchRequest(s.q(), s.themes(), 1, 10));
          times[r] = System.nanoTime() - t0;
          total = response.total();
        }
        Arrays.sort(times);
        costs.add(new Cost(s, times[rounds / 2] / 1e6, total));
        sum += times[rounds / 2] / 1e6;
      }
      double cpuPerSearch = (os.getProcessCpuTime() - cpu0) / 1e6 / (mix.size() * (double) rounds);
      costs.sort(Comparator.comparingDouble(Cost::medianMs).reversed());
      System.out.printf(Locale.ROOT, "sum of medians %.1f ms over %d searches; process CPU %.2f ms per search%n",
          sum, costs.size(), cpuPerSearch);
      for (Cost c : costs) {
        System.out.printf(Locale.ROOT, "%8.2f ms %9d hits  %s %s%n", c.medianMs, c.total, c.search.q(), c.search.themes());
      }
    }
  }
}
