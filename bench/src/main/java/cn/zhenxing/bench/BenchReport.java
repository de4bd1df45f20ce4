package cn.zhenxing.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Prints one Markdown table from the result files of a benchmark run (bench/results/*.json), with the
 * ratios ours/raw and ours/Solr, and writes it to bench/results/REPORT.md.
 */
public final class BenchReport {

  private BenchReport() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "bench/results");
    ObjectMapper json = new ObjectMapper();
    JsonNode machine = read(json, dir.resolve("machine.json"));
    JsonNode analysis = read(json, dir.resolve("analysis.json"));
    JsonNode indexing = read(json, dir.resolve("indexing.json"));
    JsonNode startup = read(json, dir.resolve("startup.json"));
    JsonNode raw = read(json, dir.resolve("raw.json"));
    JsonNode solr = read(json, dir.resolve("solr.json"));
    JsonNode load = read(json, dir.resolve("load-64.json"));
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "Machine: %s cores, %s GiB memory, %s. Corpus: %,d paragraphs, %,d characters.%n%n",
        machine.path("cores").asText("?"), machine.path("memoryGiB").asText("?"), machine.path("java").asText("?"),
        indexing.path("paragraphs").asLong(), indexing.path("characters").asLong()));

    double ceiling = analysis.path("charsPerSecond").asDouble();
    double ours = indexing.path("charsPerSecond").asDouble();
    sb.append("| indexing | figure |\n|---|---|\n");
    sb.append(String.format(Locale.ROOT, "| SmartChineseAnalyzer alone, 1 thread | %,.0f chars/s |%n", ceiling));
    sb.append(String.format(Locale.ROOT, "| our bulk indexer, %d threads (build phase) | %,.0f paragraphs/s, %,.0f chars/s |%n",
        indexing.path("threads").asInt(), indexing.path("paragraphsPerSecond").asDouble(), ours));
    sb.append(String.format(Locale.ROOT, "| ratio indexer / single-thread analysis | %.2f× (target ≥ 1.8×) |%n", ours / ceiling));
    // What the cores really give: the same analysis on every core at once. If it is well under cores × the
    // one-thread rate (shared physical cores, a shared memory bus), no indexer can reach that product.
    JsonNode all = read(json, dir.resolve("analysis-all-cores.json"));
    if (all.has("charsPerSecond")) { // runs before run.sh measured it have no such file
      double allRate = all.path("charsPerSecond").asDouble();
      sb.append(String.format(Locale.ROOT, "| SmartChineseAnalyzer alone, %d threads at once | %,.0f chars/s (%.2f× one thread) |%n",
          all.path("threads").asInt(), allRate, allRate / ceiling));
      sb.append(String.format(Locale.ROOT, "| ratio indexer / analysis on all cores | %.2f× |%n", ours / allRate));
    }
    sb.append(String.format(Locale.ROOT, "| whole CLI run incl. commit, suggestions, pinyin | %.1f s |%n", indexing.path("wallSeconds").asDouble()));
    double solrLoad = solr.path("loadSeconds").asDouble(0);
    if (solrLoad > 0) {
      double solrChars = indexing.path("characters").asDouble() / solrLoad;
      sb.append(String.format(Locale.ROOT,
          "| Solr 9.10.1 embedded loading the same paragraphs (one SmartChinese field, 2 threads) | %,.0f paragraphs/s, %,.0f chars/s, %.2f× analysis, index %s MB |%n",
          solr.path("loadDocsPerSecond").asDouble(), solrChars, solrChars / ceiling, solr.path("indexMb").asText("?")));
    }
    sb.append(String.format(Locale.ROOT, "| our index size | %s |%n", indexing.path("indexSize").asText()));
    JsonNode plainStarts = startup.path("withoutArchive");
    sb.append(String.format(Locale.ROOT,
        "| start-up with the existing index to the first answered search (-Xmx512m), README command with the class-data archive, median of 5 | %.2f s (%s) |%n",
        startup.path("seconds").asDouble(), seconds(startup.path("runs"))));
    if (!plainStarts.isMissingNode()) {
      sb.append(String.format(Locale.ROOT,
          "| the same, plain `java -jar` without the archive, median of 5 (alternating with the above) | %.2f s (%s) |%n",
          plainStarts.path("seconds").asDouble(), seconds(plainStarts.path("runs"))));
    }
    sb.append(String.format(Locale.ROOT, "%n"));

    JsonNode solrOff = read(json, dir.resolve("solr-nocache.json"));
    long mixSize;
    try (var lines = Files.lines(dir.resolveSibling("query-mix.jsonl"))) {
      mixSize = lines.filter(l -> !l.isBlank()).count();
    }
    sb.append("| queries (mix of ").append(mixSize).append(", facets + highlighting)")
        .append(" | conn | p50 ms | p99 ms | max ms | req/s | errors | JIT s |\n|---|---|---|---|---|---|---|---|\n");
    for (int conns : new int[] {1, 16}) {
      JsonNode cached = read(json, dir.resolve("wrk-" + conns + ".json"));
      JsonNode uncached = read(json, dir.resolve("wrk-nocache-" + conns + ".json"));
      JsonNode r = run(raw, conns);
      JsonNode s = run(solr, conns);
      JsonNode sOff = run(solrOff, conns);
      row(sb, "ours, HTTP + JSON (wrk), response cache on (default)", conns, cached);
      row(sb, "ours, HTTP + JSON (wrk), response cache off", conns, uncached);
      row(sb, "raw Lucene in-process, our searches, no cache", conns, r);
      row(sb, "Solr 9.10.1 embedded (no HTTP), stock caches", conns, s);
      row(sb, "Solr 9.10.1 embedded (no HTTP), caches off", conns, sOff);
      ratio(sb, "ratio ours (cache off) / raw", conns, uncached, r);
      ratio(sb, "ratio ours (cache on) / Solr (stock caches)", conns, cached, s);
      ratio(sb, "ratio ours (cache off) / Solr (caches off)", conns, uncached, sOff);
    }
    sb.append(String.format(Locale.ROOT,
        "%nJIT s: CPU seconds the engine's JIT compilers spent during the measured run (near 0: steady state).%n"));
    sb.append(String.format(Locale.ROOT,
        "%n64 connections for %.0f s, response cache off: %,d requests, %.0f req/s, p50 %.1f ms, p99 %.1f ms, max %.0f ms, "
            + "errors %d, timeouts %d; heap used every 5 s (MiB): %s; old generation: %s.%n",
        load.path("seconds").asDouble(), load.path("requests").asLong(), load.path("rps").asDouble(),
        load.path("p50Ms").asDouble(), load.path("p99Ms").asDouble(), load.path("maxMs").asDouble(),
        load.path("errors").asLong(), load.path("timeouts").asLong(),
        load.path("heapUsedMiB").toString(), load.path("oldGenMiB").toString()));
    System.out.print(sb);
    Files.writeString(dir.resolve("REPORT.md"), sb.toString());
  }

  private static void row(StringBuilder sb, String name, int conns, JsonNode r) {
    JsonNode jit = r.path("jitSeconds");
    sb.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.1f | %.1f | %d | %s |%n", name, conns,
        r.path("p50Ms").asDouble(), r.path("p99Ms").asDouble(), r.path("maxMs").asDouble(), r.path("rps").asDouble(),
        r.path("errors").asLong(), jit.isMissingNode() ? "" : String.format(Locale.ROOT, "%.1f", jit.asDouble())));
  }

  private static void ratio(StringBuilder sb, String name, int conns, JsonNode ours, JsonNode other) {
    sb.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | | %.2f | | |%n", name, conns,
        ours.path("p50Ms").asDouble() / other.path("p50Ms").asDouble(),
        ours.path("p99Ms").asDouble() / other.path("p99Ms").asDouble(),
        ours.path("rps").asDouble() / other.path("rps").asDouble()));
  }

  private static JsonNode run(JsonNode result, int connections) {
    for (JsonNode r : result.path("runs")) {
      if (r.path("connections").asInt() == connections) {
        return r;
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  private static JsonNode read(ObjectMapper json, Path file) throws Exception {
    return Files.exists(file) ? json.readTree(Files.readString(file)) : json.createObjectNode();
  }

  private static String seconds(JsonNode runs) {
    StringBuilder out = new StringBuilder();
    for (JsonNode run : runs) {
      out.append(out.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", run.asDouble()));
    }
    return out.toString();
  }
}
