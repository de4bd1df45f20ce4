package cn.zhenxing.bench.solr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.solr.client.solrj.SolrClient;

/**
 * One closed-loop load run: N threads, each walking the mix in order from its own offset, first
 * for the warm-up (discarded), then for the measured window. Every measured request's latency is
 * kept (per-thread arrays, merged and sorted at the end).
 */
final class LoadRun {

  /** Result of one run. Latencies in ms. */
  record Result(
      int connections,
      double p50Ms,
      double p99Ms,
      double maxMs,
      double rps,
      long errors,
      long requests,
      double measuredSeconds,
      double jitSeconds,
      String firstError) {}

  private static final class Worker extends Thread {
    private final SolrClient client;
    private final List<QueryMix.Entry> mix;
    private final int offset;
    private final CountDownLatch go;
    private final long[] window; // [warmEnd, end] in nanoTime, set before go
    private long[] lat = new long[1 << 14];
    private int n;
    private long errors;
    private long lastEnd;
    private final AtomicReference<String> firstError;

    Worker(
        SolrClient client,
        List<QueryMix.Entry> mix,
        int index,
        int offset,
        CountDownLatch go,
        long[] window,
        AtomicReference<String> firstError) {
      super("solr-bench-" + index);
      this.client = client;
      this.mix = mix;
      this.offset = offset;
      this.go = go;
      this.window = window;
      this.firstError = firstError;
      setDaemon(true);
    }

    @Override
    public void run() {
      try {
        go.await();
      } catch (InterruptedException e) {
        return;
      }
      final long warmEnd = window[0];
      final long end = window[1];
      int i = offset;
      final int size = mix.size();
      while (true) {
        long s = System.nanoTime();
        if (s - end >= 0) {
          break;
        }
        boolean ok = true;
        try {
          client.query(QueryMix.build(mix.get(i)));
        } catch (Exception ex) {
          ok = false;
          firstError.compareAndSet(null, "q=" + mix.get(i).q() + ": " + ex);
        }
        long e = System.nanoTime();
        if (s - warmEnd >= 0) {
          if (n == lat.length) {
            lat = Arrays.copyOf(lat, n * 2);
          }
          lat[n++] = e - s;
          if (!ok) {
            errors++;
          }
          lastEnd = e;
        }
        i = (i + 1) % size;
      }
    }
  }

  private LoadRun() {}

  static Result run(
      SolrClient client, List<QueryMix.Entry> mix, int threads, int warmupSec, int seconds)
      throws InterruptedException {
    CountDownLatch go = new CountDownLatch(1);
    long[] window = new long[2];
    AtomicReference<String> firstError = new AtomicReference<>();
    List<Worker> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int offset = (int) ((long) t * mix.size() / threads);
      Worker w = new Worker(client, mix, t, offset, go, window, firstError);
      w.start();
      workers.add(w);
    }
    long t0 = System.nanoTime();
    window[0] = t0 + warmupSec * 1_000_000_000L;
    window[1] = window[0] + seconds * 1_000_000_000L;
    go.countDown(); // happens-before: workers read window after await()
    double jitSeconds = JitClock.secondsBetween(window[0], window[1]);
    for (Worker w : workers) {
      w.join();
    }

    int total = 0;
    long errors = 0;
    long lastEnd = window[0];
    for (Worker w : workers) {
      total += w.n;
      errors += w.errors;
      if (w.n > 0 && w.lastEnd - lastEnd > 0) {
        lastEnd = w.lastEnd;
      }
    }
    long[] all = new long[total];
    int k = 0;
    for (Worker w : workers) {
      System.arraycopy(w.lat, 0, all, k, w.n);
      k += w.n;
    }
    Arrays.sort(all);
    double measured = Math.max((lastEnd - window[0]) / 1e9, 1e-9);
    return new Result(
        threads,
        percentileMs(all, 0.50),
        percentileMs(all, 0.99),
        all.length == 0 ? 0 : all[all.length - 1] / 1e6,
        total / measured,
        errors,
        total,
        measured,
        jitSeconds,
        firstError.get());
  }

  /** Nearest-rank percentile of sorted nanosecond latencies, in ms. */
  static double percentileMs(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.min(Math.max(rank, 1), sorted.length) - 1] / 1e6;
  }
}
