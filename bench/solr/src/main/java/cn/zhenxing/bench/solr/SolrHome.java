package cn.zhenxing.bench.solr;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Lays out the Solr home: solr.xml and one core "paragraphs" with a classic schema. */
final class SolrHome {
  static final String CORE = "paragraphs";

  /** The query caches exactly as in Solr 9's _default configset. */
  static final String STOCK_CACHES =
      "    <filterCache size=\"512\" initialSize=\"512\" autowarmCount=\"0\"/>\n"
          + "    <queryResultCache size=\"512\" initialSize=\"512\" autowarmCount=\"0\"/>\n"
          + "    <documentCache size=\"512\" initialSize=\"512\" autowarmCount=\"0\"/>\n"
          + "    <cache name=\"perSegFilter\" class=\"solr.CaffeineCache\" size=\"10\" initialSize=\"0\""
          + " autowarmCount=\"10\" regenerator=\"solr.NoOpRegenerator\"/>\n";

  private SolrHome() {}

  static Path coreDir(Path home) {
    return home.resolve(CORE);
  }

  static Path dataDir(Path home) {
    return coreDir(home).resolve("data");
  }

  /**
   * (Re)writes solr.xml, core.properties, solrconfig.xml and schema.xml. Never touches the index.
   *
   * @param stockCaches true: filterCache/queryResultCache/documentCache as in _default; false: none
   */
  static void writeConfig(Path home, boolean stockCaches) throws IOException {
    Path conf = coreDir(home).resolve("conf");
    Files.createDirectories(conf);
    Files.writeString(home.resolve("solr.xml"), template("solr.xml"), StandardCharsets.UTF_8);
    Files.writeString(
        coreDir(home).resolve("core.properties"),
        "# written by cn.zhenxing.bench.solr.SolrBench\nname=" + CORE + "\n",
        StandardCharsets.UTF_8);
    String caches =
        stockCaches ? STOCK_CACHES : "    <!-- query caches disabled (no-query-caches option) -->\n";
    Files.writeString(
        conf.resolve("solrconfig.xml"),
        template("solrconfig.xml").replace("<!--@CACHES@-->\n", caches),
        StandardCharsets.UTF_8);
    Files.writeString(conf.resolve("schema.xml"), template("schema.xml"), StandardCharsets.UTF_8);
  }

  /** Deletes only {home}/paragraphs/data (index), nothing else in the home. */
  static void deleteData(Path home) throws IOException {
    Path data = dataDir(home);
    if (!Files.exists(data)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(data)) {
      walk.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }

  static long indexSizeBytes(Path home) throws IOException {
    Path index = dataDir(home).resolve("index");
    if (!Files.isDirectory(index)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(index)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static String template(String name) throws IOException {
    String res = "conf/" + name;
    try (InputStream in = SolrHome.class.getResourceAsStream(res)) {
      if (in == null) {
        throw new IOException("missing resource " + res);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
