package cn.zhenxing.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Running the server in production: metrics, the access log, per-client rate limiting, and the search time limit. */
class OperationsTest {

  @Test
  void metrics_are_exposed_in_prometheus_format(@TempDir Path dir) throws Exception {
    try (TestServer server = TestServer.start(dir.resolve("index"))) {
      server.search("营商环境", "");
      server.get("/api/articles/shenyang-revitalization");
      server.get("/api/articles/nope");
      for (String method : List.of("ZZ1", "ZZ2", "BREW")) { // 405s, and no new series each
        assertEquals(405, server.send(server.request("/health").method(method, HttpRequest.BodyPublishers.noBody())
            .build()).status());
      }
      TestServer.Response metrics = server.get("/metrics");
      assertEquals(200, metrics.status());
      assertTrue(metrics.header("Content-Type").startsWith("text/plain"));
      String body = metrics.body();
      assertTrue(body.contains("zhenxing_http_requests_seconds_bucket{method=\"GET\",route=\"/api/search\",status=\"200\""), body);
      assertTrue(body.contains("route=\"/api/articles/{id}\",status=\"404\""), "routes, not raw paths");
      assertTrue(body.contains("method=\"OTHER\",route=\"/health\",status=\"405\"") && !body.contains("ZZ1"),
          "methods outside HTTP's are one label value");
      assertTrue(body.contains("zhenxing_search_hits_count 1"), "hits per search");
      assertTrue(body.contains("zhenxing_index_paragraphs 295.0"));
      assertTrue(body.contains("zhenxing_index_size_bytes"));
      assertTrue(body.contains("zhenxing_search_waiting 0.0"), "searches waiting for a search thread");
      assertTrue(body.contains("jvm_memory_used_bytes"));
      assertTrue(body.contains("jvm_gc"));
      assertTrue(body.contains("jvm_compilation_time_ms_total"), "JIT compilation time: has the JVM warmed up?");
    }
  }

  @Test
  void every_request_gets_an_access_log_line(@TempDir Path dir) throws Exception {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    // SLF4J's simple logger writes to whatever System.err is at the time of each line.
    System.setErr(new PrintStream(new TeeOutputStream(original, captured), true, StandardCharsets.UTF_8));
    try (TestServer server = TestServer.start(dir.resolve("index"))) {
      server.get("/api/articles/nope");
      server.search("营商环境", "");
      String log = "";
      for (int i = 0; i < 100 && !log.contains("GET /api/search 200"); i++) {
        Thread.sleep(20); // the line is written just after the response is sent
        log = captured.toString(StandardCharsets.UTF_8);
      }
      assertTrue(log.matches("(?s).*access - GET /api/articles/nope 404 \\d+ms.*"), log);
      assertTrue(log.matches("(?s).*access - GET /api/search 200 \\d+ms.*"), log);
    } finally {
      System.setErr(original);
    }
  }

  /** Writes to two streams, so the test output still shows the log. */
  private static final class TeeOutputStream extends OutputStream {
    private final OutputStream a;
    private final OutputStream b;

    TeeOutputStream(OutputStream a, OutputStream b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public synchronized void write(int c) throws IOException {
      a.write(c);
      b.write(c);
    }

    @Override
    public synchronized void write(byte[] buf, int off, int len) throws IOException {
      a.write(buf, off, len);
      b.write(buf, off, len);
    }
  }

  @Test
  void the_public_api_is_rate_limited_per_client_but_admins_and_health_are_not(@TempDir Path dir) throws Exception {
    ServerConfig config = TestServer.config(dir.resolve("index")).withAdminToken(TestServer.TOKEN)
        .withLimits(new ServerConfig.Limits(1, 3, 2000, 0, 2));
    try (TestServer server = TestServer.start(config)) {
      for (int i = 0; i < 3; i++) {
        assertEquals(200, server.get("/api/themes").status(), "the burst is allowed");
      }
      TestServer.Response limited = server.get("/api/search?q=x");
      assertEquals(429, limited.status());
      assertEquals("1", limited.header("Retry-After"));
      assertTrue(limited.json().get("error").get("message").asText().contains("too many requests"));
      assertEquals("*", limited.header("Access-Control-Allow-Origin"), "a browser can read the 429");
      for (int i = 0; i < 5; i++) {
        assertEquals(200, server.get("/health").status());
        assertEquals(200, server.send(server.admin("/api/admin/jobs").GET().build()).status());
      }
      String metrics = server.get("/metrics").body();
      assertTrue(metrics.contains("zhenxing_ratelimit_rejected_total 1.0"));
      assertTrue(metrics.contains("route=\"/api/search\",status=\"429\""), "counted under the endpoint asked for");
      Thread.sleep(1100);
      assertEquals(200, server.get("/api/themes").status(), "tokens refill");
    }
  }

  @Test
  void a_search_over_the_time_limit_answers_with_partial_results(@TempDir Path dir) throws Exception {
    ServerConfig config = TestServer.config(dir.resolve("index")).withLimits(new ServerConfig.Limits(0, 0, 0, 0, 0));
    try (TestServer server = TestServer.start(config)) {
      String longQuery = "发展建设改革创新经济社会服务开放合作".repeat(15).substring(0, 256);
      TestServer.Response r = server.search(longQuery, "");
      assertEquals(200, r.status(), r.body());
      JsonNode body = r.json();
      assertTrue(body.get("partial").asBoolean(), "partial flag, total " + body.get("total"));
      assertFalse(body.get("notice").isNull());
      JsonNode cutShort = server.search("沈阳", "").json();
      assertTrue(cutShort.get("partial").asBoolean() && cutShort.get("total").asLong() == 0, cutShort.toString());
      assertTrue(cutShort.get("didYouMean").isNull(), "a search cut short proposes no other spelling of 沈阳");
    }
    try (TestServer server = TestServer.start(TestServer.config(dir.resolve("index")))) {
      assertFalse(server.search("营商环境", "").json().get("partial").asBoolean(), "normal searches are complete");
    }
  }
}
