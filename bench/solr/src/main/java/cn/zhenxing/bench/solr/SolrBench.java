package cn.zhenxing.bench.solr;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.Metric;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.embedded.EmbeddedSolrServer;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.core.CoreContainer;
import org.apache.solr.core.SolrCore;

/**
 * Benchmark runner for the "peer people would run instead": Apache Solr 9.10.1, embedded in this
 * JVM, SmartChinese analysis, edismax + facets + unified highlighting.
 *
 * <pre>
 * java -Xmx2g -jar bench/solr/target/zhenxing-bench-solr.jar --paragraphs FILE.jsonl \
 *   --queries MIX.jsonl --solr-home DIR --out RESULT.json [--threads 1,16] [--seconds 60]
 *   [--warmup-seconds 15] [--reuse] [--load-threads 2] [--batch 5000] [--no-query-caches]
 * </pre>
 */
public final class SolrBench {

  static final String ENGINE = "solr-9.10.1-embedded";

  /** JUL loggers are weakly referenced by the LogManager: keep them so the levels stick. */
  private static final List<Logger> QUIET_JUL = new ArrayList<>();

  private SolrBench() {}

  /** Parsed command line. */
  static final class Options {
    Path paragraphs;
    Path queries;
    Path solrHome;
    Path out;
    List<Integer> threads = List.of(1, 16);
    int seconds = 60;
    int warmupSeconds = 15;
    boolean reuse;
    int loadThreads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
    int batch = 5000;
    boolean stockCaches = true;

    static Options parse(String[] args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        switch (a) {
          case "--paragraphs" -> o.paragraphs = Path.of(value(args, ++i, a));
          case "--queries" -> o.queries = Path.of(value(args, ++i, a));
          case "--solr-home" -> o.solrHome = Path.of(value(args, ++i, a));
          case "--out" -> o.out = Path.of(value(args, ++i, a));
          case "--threads" -> {
            List<Integer> t = new ArrayList<>();
            for (String s : value(args, ++i, a).split(",")) {
              if (!s.isBlank()) {
                t.add(positive(s.strip(), a));
              }
            }
            if (t.isEmpty()) {
              throw new IllegalArgumentException("--threads needs at least one number");
            }
            o.threads = List.copyOf(t);
          }
          case "--seconds" -> o.seconds = positive(value(args, ++i, a), a);
          case "--warmup-seconds" -> o.warmupSeconds = nonNegative(value(args, ++i, a), a);
          case "--reuse" -> o.reuse = true;
          case "--load-threads" -> o.loadThreads = positive(value(args, ++i, a), a);
          case "--batch" -> o.batch = positive(value(args, ++i, a), a);
          case "--no-query-caches" -> o.stockCaches = false;
          case "-h", "--help" -> throw new IllegalArgumentException("");
          default -> throw new IllegalArgumentException("unknown argument: " + a);
        }
      }
      if (o.queries == null || o.solrHome == null || o.out == null) {
        throw new IllegalArgumentException("--queries, --solr-home and --out are required");
      }
      if (o.paragraphs == null && !o.reuse) {
        throw new IllegalArgumentException("--paragraphs is required unless --reuse is given");
      }
      return o;
    }

    private static String value(String[] args, int i, String name) {
      if (i >= args.length) {
        throw new IllegalArgumentException(name + " needs a value");
      }
      return args[i];
    }

    private static int positive(String s, String name) {
      int v = nonNegative(s, name);
      if (v == 0) {
        throw new IllegalArgumentException(name + " must be > 0");
      }
      return v;
    }

    private static int nonNegative(String s, String name) {
      try {
        int v = Integer.parseInt(s.strip());
        if (v < 0) {
          throw new NumberFormatException();
        }
        return v;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + ": not a non-negative integer: " + s);
      }
    }
  }

  static final String USAGE =
      "usage: java -Xmx2g -jar zhenxing-bench-solr.jar --paragraphs FILE.jsonl --queries MIX.jsonl\n"
          + "         --solr-home DIR --out RESULT.json [--threads 1,16] [--seconds 60]\n"
          + "         [--warmup-seconds 15] [--reuse] [--load-threads N] [--batch 5000]\n"
          + "         [--no-query-caches]\n"
          + "  --reuse            keep an existing index in DIR/paragraphs if it has documents\n"
          + "  --no-query-caches  drop filterCache/queryResultCache/documentCache (default: Solr's"
          + " stock sizes)\n";

  public static void main(String[] args) throws Exception {
    Options o;
    try {
      o = Options.parse(args);
    } catch (IllegalArgumentException e) {
      if (!e.getMessage().isEmpty()) {
        System.err.println("error: " + e.getMessage());
      }
      System.err.print(USAGE);
      System.exit(2);
      return;
    }
    quietLogging();
    System.exit(run(o));
  }

  static int run(Options o) throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<QueryMix.Entry> mix = QueryMix.read(o.queries, json);
    Path home = o.solrHome.toAbsolutePath().normalize();
    Files.createDirectories(home);

    boolean indexPresent = Files.isDirectory(SolrHome.dataDir(home).resolve("index"));
    if (!o.reuse && indexPresent) {
      System.err.println("removing previous index in " + SolrHome.dataDir(home));
      SolrHome.deleteData(home);
    }
    SolrHome.writeConfig(home, o.stockCaches);

    ObjectNode result = json.createObjectNode();
    result.put("engine", ENGINE);

    long tStart = System.nanoTime();
    try (EmbeddedSolrServer solr = new EmbeddedSolrServer(home, SolrHome.CORE)) {
      System.err.printf(
          Locale.ROOT, "solr started in %.1f s (home %s)%n", (System.nanoTime() - tStart) / 1e9, home);
      var failures = solr.getCoreContainer().getCoreInitFailures();
      if (!failures.isEmpty()) {
        Throwable t = failures.values().iterator().next().exception;
        while (t.getCause() != null) {
          t = t.getCause();
        }
        throw new IllegalStateException("Solr core failed to load: " + t, t);
      }
      long existing = count(solr);
      Double loadSeconds = null;
      Double loadRate = null;
      boolean reused = o.reuse && existing > 0;
      if (reused) {
        System.err.printf("reusing existing index with %,d docs%n", existing);
      } else {
        if (o.paragraphs == null) {
          throw new IllegalArgumentException("--reuse given but no index in " + home);
        }
        if (existing > 0) { // --reuse not given but the data dir could not be removed
          throw new IllegalStateException("index not empty after reset: " + existing);
        }
        System.err.printf(
            "indexing %s with %d loader thread(s), batches of %d%n",
            o.paragraphs, o.loadThreads, o.batch);
        ParagraphLoader.Stats st =
            new ParagraphLoader(solr, json, o.batch, o.loadThreads).load(o.paragraphs);
        loadSeconds = st.seconds();
        loadRate = st.sent() / st.seconds();
        System.err.printf(
            Locale.ROOT,
            "indexed %,d docs in %.1f s (%,.0f docs/s), %d lines skipped%n",
            st.sent(), st.seconds(), loadRate, st.skipped());
      }
      long docs = count(solr);
      result.put("docs", docs);
      putNullable(result, "loadSeconds", loadSeconds);
      putNullable(result, "loadDocsPerSecond", loadRate);
      result.put("reusedIndex", reused);
      result.put("indexMb", round(SolrHome.indexSizeBytes(home) / 1048576.0));

      ObjectNode sanity = sanityPass(solr, mix);
      System.err.println("sanity pass over the mix: " + sanity);

      ArrayNode runs = result.putArray("runs");
      for (int threads : o.threads) {
        Map<String, long[]> cachesBefore = cacheCounters(solr);
        LoadRun.Result r = LoadRun.run(solr, mix, threads, o.warmupSeconds, o.seconds);
        Map<String, long[]> cachesAfter = cacheCounters(solr);
        ObjectNode rn = runs.addObject();
        rn.put("connections", r.connections());
        rn.put("p50Ms", round(r.p50Ms()));
        rn.put("p99Ms", round(r.p99Ms()));
        rn.put("maxMs", round(r.maxMs()));
        rn.put("rps", round(r.rps()));
        rn.put("errors", r.errors());
        rn.put("requests", r.requests());
        rn.put("measuredSeconds", round(r.measuredSeconds()));
        rn.put("jitSeconds", round(r.jitSeconds()));
        if (r.firstError() != null) {
          rn.put("firstError", r.firstError());
        }
        ObjectNode caches = rn.putObject("cacheHitRatioInclWarmup");
        for (Map.Entry<String, long[]> e : cachesAfter.entrySet()) {
          long[] before = cachesBefore.getOrDefault(e.getKey(), new long[2]);
          long lookups = e.getValue()[0] - before[0];
          long hits = e.getValue()[1] - before[1];
          caches.put(e.getKey(), lookups == 0 ? 0 : round((double) hits / lookups));
        }
        System.out.printf(
            Locale.ROOT,
            "%s connections=%d requests=%d rps=%.1f p50=%.2fms p99=%.2fms max=%.2fms errors=%d%n",
            ENGINE, r.connections(), r.requests(), r.rps(), r.p50Ms(), r.p99Ms(), r.maxMs(),
            r.errors());
        if (r.firstError() != null) {
          System.err.println("  first error: " + r.firstError());
        }
      }

      ObjectNode setup = result.putObject("setup");
      setup.put("queries", o.queries.toString());
      setup.put("mixSize", mix.size());
      setup.put("seconds", o.seconds);
      setup.put("warmupSeconds", o.warmupSeconds);
      setup.put("queryCaches", o.stockCaches ? "solr-default" : "disabled");
      setup.put("analyzer", "HMMChineseTokenizer+StopFilter(smartcn stopwords)+PorterStem");
      setup.put("java", System.getProperty("java.version"));
      setup.put("maxHeapMb", Runtime.getRuntime().maxMemory() / 1048576);
      setup.put("cpus", Runtime.getRuntime().availableProcessors());
      setup.set("sanity", sanity);

      Path out = o.out.toAbsolutePath();
      if (out.getParent() != null) {
        Files.createDirectories(out.getParent());
      }
      json.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), result);
      System.err.println("wrote " + out);
    }
    return 0;
  }

  /** Runs every mix entry once: catches syntax problems and shows how many return nothing. */
  private static ObjectNode sanityPass(EmbeddedSolrServer solr, List<QueryMix.Entry> mix) {
    int errors = 0;
    int zeroHits = 0;
    int highlighted = 0;
    String firstError = null;
    for (QueryMix.Entry e : mix) {
      try {
        QueryResponse r = solr.query(QueryMix.build(e));
        if (r.getResults().getNumFound() == 0) {
          zeroHits++;
        }
        if (r.getHighlighting() != null
            && r.getHighlighting().values().stream().anyMatch(m -> !m.isEmpty())) {
          highlighted++;
        }
      } catch (Exception ex) {
        errors++;
        if (firstError == null) {
          firstError = "q=" + e.q() + ": " + ex;
        }
      }
    }
    ObjectNode n = new ObjectMapper().createObjectNode();
    n.put("queries", mix.size());
    n.put("errors", errors);
    n.put("zeroHitQueries", zeroHits);
    n.put("queriesWithHighlights", highlighted);
    if (firstError != null) {
      n.put("firstError", firstError);
    }
    return n;
  }

  private static long count(EmbeddedSolrServer solr) throws Exception {
    SolrQuery q = new SolrQuery("*:*");
    q.setRows(0);
    return solr.query(q).getResults().getNumFound();
  }

  /** Cumulative {lookups, hits} per query cache, read from Solr's metrics registry. */
  private static Map<String, long[]> cacheCounters(EmbeddedSolrServer solr) {
    Map<String, long[]> out = new LinkedHashMap<>();
    try {
      CoreContainer cc = solr.getCoreContainer();
      try (SolrCore core = cc.getCore(SolrHome.CORE)) {
        String reg = core.getCoreMetricManager().getRegistryName();
        Map<String, Metric> metrics = cc.getMetricManager().registry(reg).getMetrics();
        for (String cache : List.of("queryResultCache", "filterCache", "documentCache")) {
          Metric m = metrics.get("CACHE.searcher." + cache);
          if (m instanceof Gauge<?> g && g.getValue() instanceof Map<?, ?> v) {
            out.put(
                cache,
                new long[] {asLong(v.get("cumulative_lookups")), asLong(v.get("cumulative_hits"))});
          }
        }
      }
    } catch (RuntimeException e) {
      // statistics are a nice-to-have; never fail a run over them
    }
    return out;
  }

  private static long asLong(Object o) {
    return o instanceof Number n ? n.longValue() : 0L;
  }

  private static void putNullable(ObjectNode n, String field, Double v) {
    if (v == null) {
      n.putNull(field);
    } else {
      n.put(field, round(v));
    }
  }

  private static double round(double v) {
    return Math.round(v * 1000.0) / 1000.0;
  }

  /** slf4j-simple is set to WARN by simplelogger.properties; Jersey logs through JUL. */
  private static void quietLogging() {
    for (String name : List.of("org.glassfish", "org.jvnet.hk2", "org.apache.zookeeper")) {
      Logger l = Logger.getLogger(name);
      l.setLevel(Level.SEVERE);
      QUIET_JUL.add(l);
    }
  }
}
