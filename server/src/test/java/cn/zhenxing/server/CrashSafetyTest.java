package cn.zhenxing.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the server process with SIGKILL in the middle of a rebuild, restarts it on the same folders, and
 * checks that it serves the last complete index (old results intact, the acknowledged upsert kept) and has
 * removed the half-built generation and the spooled upload.
 */
class CrashSafetyTest {

  static final ObjectMapper JSON = new ObjectMapper();
  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void killed_mid_rebuild_restarts_on_the_last_complete_index(@TempDir Path dir) throws Exception {
    Path index = dir.resolve("index");
    int port = freePort();
    Process first = startServer(index, port, dir.resolve("first.log"));
    JsonNode before;
    String generation;
    try {
      awaitHealthy(port, first);
      HttpResponse<String> put = send(port, "/api/admin/articles/acknowledged", "PUT", "application/json",
          "{\"title\":\"确认写入\",\"text\":\"确认写入的企鹅段落，重启之后必须还在。\"}");
      assertEquals(201, put.statusCode(), put.body());
      before = json(get(port, "/api/search?q=" + enc("数字沈阳") + "&size=20").body());
      generation = json(get(port, "/health").body()).get("generation").asText();

      HttpResponse<String> accepted = send(port, "/api/admin/reindex", "POST", "application/x-ndjson",
          Corpus.seedsAsJsonLines(40));
      assertEquals(202, accepted.statusCode(), accepted.body());
      String location = accepted.headers().firstValue("Location").orElseThrow();
      awaitMidBuild(port, location);
    } finally {
      first.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no flushing
      first.waitFor(30, TimeUnit.SECONDS);
    }
    assertTrue(countGenerations(index) >= 2, "the half-built generation was on disk when the process died");

    Process second = startServer(index, port, dir.resolve("second.log"));
    try {
      awaitHealthy(port, second);
      JsonNode health = json(get(port, "/health").body());
      assertEquals(generation, health.get("generation").asText(), "serves the last complete generation");
      assertEquals(296, health.get("paragraphs").asInt(), "295 seed paragraphs and the acknowledged article");
      JsonNode after = json(get(port, "/api/search?q=" + enc("数字沈阳") + "&size=20").body());
      assertEquals(before.get("total"), after.get("total"));
      assertEquals(before.get("hits").toString().replaceAll("\"tookMs\":\\d+", ""),
          after.get("hits").toString().replaceAll("\"tookMs\":\\d+", ""));
      assertEquals(1, json(get(port, "/api/search?q=" + enc("企鹅段落")).body()).get("total").asInt(),
          "the acknowledged upsert survived");
      assertEquals(1, countGenerations(index), "the half-built generation was removed");
      try (Stream<Path> uploads = Files.list(index.resolve("uploads"))) {
        assertEquals(0, uploads.count(), "the spooled upload was removed");
      }
    } finally {
      second.destroy();
      second.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private Process startServer(Path index, int port, Path log) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
        "cn.zhenxing.server.ServerMain", "--port", String.valueOf(port), "--index", index.toString(),
        "--seeds", TestServer.seeds().toString());
    pb.environment().put("ZHENXING_ADMIN_TOKEN", TestServer.TOKEN);
    pb.redirectErrorStream(true).redirectOutput(log.toFile());
    return pb.start();
  }

  private void awaitHealthy(int port, Process process) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("server exited with " + process.exitValue());
      }
      try {
        if (get(port, "/health").statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new AssertionError("server did not become healthy");
  }

  /** Waits until the job is running and has indexed some but not all articles. */
  private void awaitMidBuild(int port, String location) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      JsonNode job = json(send(port, location, "GET", null, null).body());
      long done = job.get("articles").get("done").asLong();
      if (job.get("state").asText().equals("running") && done > 0) {
        assertTrue(done < job.get("articles").get("expected").asLong(), "killed before the build finished");
        return;
      }
      assertTrue(job.get("state").asText().matches("queued|running"), job.toString());
      Thread.sleep(20);
    }
    throw new AssertionError("the job never got going");
  }

  private static long countGenerations(Path index) throws IOException {
    try (Stream<Path> s = Files.list(index)) {
      return s.filter(p -> p.getFileName().toString().startsWith("gen-")).count();
    }
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> send(int port, String path, String method, String type, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Bearer " + TestServer.TOKEN)
        .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
    if (type != null) {
      b.header("Content-Type", type);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(String s) throws IOException {
    return JSON.readTree(s);
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @SuppressWarnings("unused")
  private static List<String> lines(Path p) throws IOException {
    return Files.readAllLines(p);
  }
}
