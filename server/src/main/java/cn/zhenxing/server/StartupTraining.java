package cn.zhenxing.server;

import cn.zhenxing.indexer.index.IndexLayout;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The training run behind the class-data archive the build writes next to the jar (see the server's pom):
 * {@code java -XX:ArchiveClassesAtExit=zhenxing-server.jsa -cp zhenxing-server.jar
 * cn.zhenxing.server.StartupTraining SEEDS_DIR}. It starts the server over the seeds in a temporary folder,
 * sends what a first visitor and an API client send, stops it and exits, so the JVM archives every class that
 * start-up and first searches load, the lambda and method-handle classes it spins included. A server launched
 * with {@code -XX:SharedArchiveFile=zhenxing-server.jsa} maps them instead of loading, verifying and linking
 * them: about 5,000 classes and 900 generated ones, which were most of start-up's CPU on a 2-core machine.
 * The archive only speeds start-up, so a training run that goes wrong (a request that does not answer as
 * expected, no local port to listen on) warns and lets the build finish; StartupTrainingTest runs the same
 * visits and fails on them.
 */
public final class StartupTraining {

  private static final ObjectMapper JSON = new ObjectMapper();

  private StartupTraining() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1 || !Files.isDirectory(Path.of(args[0]))) {
      System.err.println("usage: StartupTraining SEEDS_DIR");
      System.exit(2);
    }
    try {
      run(Path.of(args[0]), Files.createTempDirectory("zhenxing-training"));
    } catch (Exception | LinkageError e) {
      System.err.println("warning: the start-up training run failed, so the class-data archive may hold fewer "
          + "classes and start-up be slower (the server works the same): " + e);
    } finally {
      // Archiving happens as the JVM exits; leave no non-daemon thread to wait for.
      System.exit(0);
    }
  }

  /** Starts a server over {@code seeds} with its index in {@code work}, visits it, stops it and deletes {@code work}. */
  static void run(Path seeds, Path work) throws IOException, InterruptedException {
    try {
      ServerConfig config = ServerConfig.defaults()
          .withPort(0)
          .withIndexDir(work.resolve("index"))
          .withSeedsDir(seeds);
      try (Server server = Server.create(config).start()) {
        firstVisits("http://localhost:" + server.port());
      }
    } finally {
      IndexLayout.deleteRecursively(work);
    }
  }

  private static void firstVisits(String base) throws IOException {
    get(base + "/");
    get(base + "/health");
    get(base + "/api/themes");
    JsonNode found = JSON.readTree(get(base + "/api/search?q=" + encode("数字沈阳")));
    get(base + "/api/search?q=" + encode("营商环境") + "&theme=services&theme=innovation&page=2&size=5");
    get(base + "/api/search?q=shenyang");
    get(base + "/api/search");
    get(base + "/api/suggest?q=" + encode("沈"));
    JsonNode hits = found.path("hits");
    if (hits.isArray() && !hits.isEmpty()) {
      get(base + "/api/articles/" + encode(hits.get(0).path("articleId").asText()));
    }
    get(base + "/metrics");
    expectStatus(base + "/api/search?q=" + encode("沈阳") + "&page=0", 400);
  }

  private static byte[] get(String url) throws IOException {
    return expectStatus(url, 200);
  }

  private static byte[] expectStatus(String url, int expected) throws IOException {
    HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
    try {
      int status = c.getResponseCode();
      try (InputStream body = status < 400 ? c.getInputStream() : c.getErrorStream()) {
        byte[] bytes = body == null ? new byte[0] : body.readAllBytes();
        if (status != expected) {
          throw new IOException("training request " + url + " answered " + status + " instead of " + expected + ": "
              + new String(bytes, StandardCharsets.UTF_8));
        }
        return bytes;
      }
    } finally {
      c.disconnect();
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
