package cn.zhenxing.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin API over HTTP: auth, rebuild jobs, bad lines, limits, upserts and deletes. */
class AdminApiTest {

  static final long UPLOAD_LIMIT = 2 * 1024 * 1024;
  static final long ARTICLE_LIMIT = 64 * 1024;

  @TempDir static Path dir;
  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(TestServer.config(dir.resolve("index")).withAdminToken(TestServer.TOKEN).withBodyLimits(UPLOAD_LIMIT, ARTICLE_LIMIT));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  static TestServer.Response reindex(String query, String contentType, String body) throws Exception {
    var req = server.admin("/api/admin/reindex" + query);
    if (contentType != null) {
      req.header("Content-Type", contentType);
    }
    return server.send(req.POST(body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body)).build());
  }

  static TestServer.Response put(String id, String contentType, String body) throws Exception {
    return server.send(server.admin("/api/admin/articles/" + id).header("Content-Type", contentType)
        .PUT(BodyPublishers.ofString(body)).build());
  }

  static long total(String q) throws Exception {
    return server.search(q, "").json().get("total").asLong();
  }

  @Test
  void admin_endpoints_need_the_token() throws Exception {
    TestServer.Response missing = server.send(server.request("/api/admin/jobs").GET().build());
    assertEquals(401, missing.status());
    assertTrue(missing.header("WWW-Authenticate").startsWith("Bearer"));
    assertEquals(401, server.send(server.request("/api/admin/jobs").header("Authorization", "Bearer nope").GET().build()).status());
    assertEquals(401, server.send(server.request("/api/admin/reindex").header("Authorization", "Basic " + TestServer.TOKEN)
        .POST(BodyPublishers.noBody()).build()).status());
    assertEquals(200, server.send(server.admin("/api/admin/jobs").GET().build()).status());
    TestServer.Response limit = server.send(server.admin("/api/admin/jobs?limit=2").GET().build());
    assertEquals(400, limit.status(), "unknown parameters are refused here too");
    assertEquals("limit", limit.json().get("error").get("parameter").asText());
    assertEquals(200, server.send(server.admin("/api/admin/jobs?_=1712").GET().build()).status(), "a cache-buster");
    // HEAD answers with GET's status: a monitor polling a job must not see 200 for a job that does not exist.
    for (String path : List.of("/api/admin/jobs/nope", "/api/admin/jobs?x=1")) {
      int get = server.send(server.admin(path).GET().build()).status();
      int head = server.send(server.admin(path).method("HEAD", BodyPublishers.noBody()).build()).status();
      assertEquals(get, head, path);
      assertTrue(get >= 400, path + " → " + get);
    }
  }

  @Test
  void admin_endpoints_have_no_cors() throws Exception {
    TestServer.Response r = server.send(server.admin("/api/admin/jobs").header("Origin", "https://evil.example").GET().build());
    assertNull(r.header("Access-Control-Allow-Origin"));
    TestServer.Response preflight = server.send(server.request("/api/admin/reindex").header("Origin", "https://evil.example")
        .header("Access-Control-Request-Method", "POST").method("OPTIONS", BodyPublishers.noBody()).build());
    assertTrue(preflight.status() == 401 || preflight.status() == 404, "preflight refused: " + preflight.status());
    assertNull(preflight.header("Access-Control-Allow-Origin"));
  }

  @Test
  void without_a_configured_token_the_admin_api_is_off(@TempDir Path other) throws Exception {
    try (TestServer off = TestServer.start(other.resolve("index"))) {
      TestServer.Response r = off.send(off.admin("/api/admin/reindex").POST(BodyPublishers.noBody()).build());
      assertEquals(403, r.status());
      assertTrue(r.json().get("error").get("message").asText().contains("ZHENXING_ADMIN_TOKEN"));
    }
  }

  @Test
  void reindex_from_an_upload_then_from_the_seeds() throws Exception {
    String body = Corpus.seedsAsJsonLines(1) + "{\"id\":\"extra-1\",\"title\":\"补充文章\",\"text\":\"哈尔滨极地馆企鹅巡游持续升温。\"}\n";
    synchronized (AdminApiTest.class) {
      TestServer.Response accepted = reindex("", "application/x-ndjson", body);
      assertEquals(202, accepted.status(), accepted.body());
      String location = accepted.header("Location");
      assertTrue(location.startsWith("/api/admin/jobs/"), location);
      JsonNode job = server.awaitJob(location, 60);
      assertEquals("succeeded", job.get("state").asText(), job.toString());
      assertEquals(6, job.get("articles").get("done").asLong());
      assertEquals(6, job.get("articles").get("expected").asLong());
      assertEquals(296, job.get("paragraphs").get("done").asLong());
      assertTrue(job.get("rate").get("paragraphsPerSecond").asDouble() > 0);
      // The elapsed time covers the whole job, the merge and switch after the last paragraph included.
      assertEquals(java.time.Duration.between(java.time.Instant.parse(job.get("started").asText()),
          java.time.Instant.parse(job.get("finished").asText())).toMillis(), job.get("elapsedMs").asLong());
      assertEquals(1, total("企鹅巡游"));
      assertEquals(296, server.get("/health").json().get("paragraphs").asInt());
      try (Stream<Path> gens = Files.list(dir.resolve("index"))) {
        assertEquals(1, gens.filter(p -> p.getFileName().toString().startsWith("gen-")).count(), "old generation removed");
      }

      JsonNode seeds = server.awaitJob(reindex("", null, null).header("Location"), 60);
      assertEquals("succeeded", seeds.get("state").asText());
      assertEquals(0, total("企鹅巡游"));
      assertEquals(295, server.get("/health").json().get("paragraphs").asInt());
    }
  }

  @Test
  void edits_made_while_an_upload_arrives_survive_the_rebuild() throws Exception {
    synchronized (AdminApiTest.class) {
      java.io.PipedOutputStream out = new java.io.PipedOutputStream();
      java.io.PipedInputStream in = new java.io.PipedInputStream(out, 1 << 16);
      var upload = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
        try {
          return server.send(server.admin("/api/admin/reindex").header("Content-Type", "application/x-ndjson")
              .POST(BodyPublishers.ofInputStream(() -> in)).build());
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      String[] lines = Corpus.seedsAsJsonLines(1).split("\n");
      out.write((lines[0] + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
      out.flush();
      // The job is listed, and holds its place, from the upload's first bytes.
      JsonNode receiving = null;
      for (int i = 0; i < 200 && receiving == null; i++) {
        for (JsonNode j : server.send(server.admin("/api/admin/jobs").GET().build()).json().get("jobs")) {
          if ("receiving".equals(j.get("phase").asText())) {
            receiving = j;
          }
        }
        Thread.sleep(25);
      }
      assertTrue(receiving != null, "no job listed as receiving its upload");
      assertTrue(server.get("/metrics").body().contains("zhenxing_reindex_active 1.0"), "a job in progress, in /metrics");
      assertEquals(409, reindex("", null, null).status(), "a second reindex is refused before its body is read");
      assertEquals(201, put("while-arriving", "text/plain", "上传期间新增的文章\n哈尔滨冰雕节吸引游客。").status());
      assertEquals(200, server.send(server.admin("/api/admin/articles/shenyang-revitalization").DELETE().build()).status());
      for (int i = 1; i < lines.length; i++) {
        out.write((lines[i] + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      out.close();
      TestServer.Response accepted = upload.get(60, java.util.concurrent.TimeUnit.SECONDS);
      assertEquals(202, accepted.status(), accepted.body());
      assertEquals(receiving.get("id").asText(), accepted.json().get("id").asText());
      JsonNode job = server.awaitJob(accepted.header("Location"), 60);
      assertEquals("succeeded", job.get("state").asText(), job.toString());
      assertEquals(2, job.get("editsReplayed").asInt());
      assertEquals(200, server.get("/api/articles/while-arriving").status(), "the upsert survived the switch");
      assertEquals(404, server.get("/api/articles/shenyang-revitalization").status(),
          "the delete beat the upload's copy");
      String metrics = server.get("/metrics").body();
      assertTrue(metrics.contains("zhenxing_reindex_active 0.0"), "no job in progress once it has switched");
      assertTrue(metrics.contains("zhenxing_reindex_duration_seconds_count{state=\"succeeded\"}"), "how long jobs ran");

      server.awaitJob(reindex("", null, null).header("Location"), 60); // back to the seeds for the other tests
      assertEquals(295, server.get("/health").json().get("paragraphs").asInt());
    }
  }

  @Test
  void bad_lines_are_skipped_and_reported_with_line_numbers() throws Exception {
    String body = String.join("\n",
        "{\"id\":\"good-1\",\"title\":\"一\",\"text\":\"甲文：推动数字经济发展。\"}",
        "{oops",
        "{\"title\":\"没有编号\",\"text\":\"正文\"}",
        "{\"id\":\"no-text\"}",
        "{\"id\":\"empty\",\"text\":\" \\u3000 \"}",
        "{\"id\":\"good-1\",\"text\":\"重复编号。\"}",
        "{\"id\":\"good-2\",\"title\":\"二\",\"text\":\"乙文：优化营商环境。\"}") + "\n";
    synchronized (AdminApiTest.class) {
      JsonNode job = server.awaitJob(reindex("", "application/x-ndjson", body).header("Location"), 60);
      assertEquals("succeeded", job.get("state").asText(), job.toString());
      assertEquals(2, job.get("articles").get("done").asLong());
      assertEquals(5, job.get("rejectedCount").asLong());
      List<String> rejected = new ArrayList<>();
      job.get("rejected").forEach(r -> rejected.add(r.get("line").asLong() + " " + r.get("reason").asText()));
      assertEquals(List.of(
          "2 invalid JSON: Unexpected character ('o' (code 111)): was expecting double-quote to start field name (column 2)",
          "3 missing id", "4 missing text", "5 text is empty after cleaning", "6 id \"good-1\" repeated in this input"),
          rejected);
      assertEquals(2, server.get("/health").json().get("paragraphs").asInt());
      // The job list counts each job's rejected lines; the lines themselves are the job's own page.
      JsonNode listed = server.send(server.admin("/api/admin/jobs").GET().build()).json().get("jobs").get(0);
      assertEquals(job.get("id"), listed.get("id"));
      assertEquals(5, listed.get("rejectedCount").asLong());
      assertTrue(listed.get("rejected").isNull(), listed.toString());
      server.awaitJob(reindex("", null, null).header("Location"), 60);
    }
  }

  @Test
  void abort_mode_fails_on_the_first_bad_line_and_keeps_the_live_index() throws Exception {
    synchronized (AdminApiTest.class) {
      JsonNode before = server.get("/health").json();
      String body = Corpus.seedsAsJsonLines(1) + "{broken\n";
      JsonNode job = server.awaitJob(reindex("?onError=abort", "application/x-ndjson", body).header("Location"), 60);
      assertEquals("failed", job.get("state").asText());
      assertTrue(job.get("error").asText().contains("request body:6"), job.get("error").asText());
      JsonNode after = server.get("/health").json();
      assertEquals(before.get("generation").asText(), after.get("generation").asText());
      assertEquals(before.get("paragraphs").asInt(), after.get("paragraphs").asInt());
      assertEquals(400, reindex("?onError=ignore", "application/x-ndjson", body).status());
      assertEquals(400, reindex("?mode=fast", "application/x-ndjson", body).status());
    }
  }

  @Test
  void a_rebuild_that_would_index_nothing_fails_and_keeps_the_live_index() throws Exception {
    synchronized (AdminApiTest.class) {
      JsonNode before = server.get("/health").json();
      long found = total("沈阳");
      JsonNode job = server.awaitJob(
          reindex("", "application/x-ndjson", "{not json\n{\"id\":\"a\"}\n").header("Location"), 60);
      assertEquals("failed", job.get("state").asText(), job.toString());
      assertEquals("none of the input could be indexed (2 input(s) skipped, listed with their reasons); "
          + "the live index is unchanged", job.get("error").asText());
      assertEquals(2, job.get("rejectedCount").asLong());

      for (String type : List.of("application/x-ndjson", "application/gzip")) {
        TestServer.Response empty = reindex("", type, "");
        assertEquals(400, empty.status(), empty.body());
        assertEquals("body", empty.json().get("error").get("parameter").asText());
        assertTrue(empty.json().get("error").get("message").asText().startsWith("the upload is empty"), empty.body());
      }

      JsonNode after = server.get("/health").json();
      assertEquals(before.get("generation").asText(), after.get("generation").asText());
      assertEquals(before.get("paragraphs").asInt(), after.get("paragraphs").asInt());
      assertEquals(found, total("沈阳"));
      assertTrue(found > 0);
    }
  }

  @Test
  void gzip_uploads_are_accepted() throws Exception {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (var gz = new java.util.zip.GZIPOutputStream(bytes)) {
      gz.write(Corpus.seedsAsJsonLines(1).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    synchronized (AdminApiTest.class) {
      TestServer.Response r = server.send(server.admin("/api/admin/reindex").header("Content-Type", "application/gzip")
          .POST(BodyPublishers.ofByteArray(bytes.toByteArray())).build());
      assertEquals(202, r.status(), r.body());
      JsonNode job = server.awaitJob(r.header("Location"), 60);
      assertEquals("succeeded", job.get("state").asText(), job.toString());
      assertEquals(295, job.get("paragraphs").get("done").asLong());

      // The same upload cut short in transfer: the job fails and the live index stays whole.
      long live = server.get("/health").json().get("paragraphs").asLong();
      byte[] cut = java.util.Arrays.copyOf(bytes.toByteArray(), bytes.size() * 2 / 3);
      r = server.send(server.admin("/api/admin/reindex").header("Content-Type", "application/gzip")
          .POST(BodyPublishers.ofByteArray(cut)).build());
      assertEquals(202, r.status(), r.body());
      job = server.awaitJob(r.header("Location"), 60);
      assertEquals("failed", job.get("state").asText(), job.toString());
      assertTrue(job.get("error").asText().contains("damaged or cut short"), job.toString());
      assertTrue(job.get("error").asText().contains("the live index is unchanged"), job.toString());
      assertEquals(live, server.get("/health").json().get("paragraphs").asLong());

      // Gzip sent as plain JSON Lines is read as gzip (it had failed as 7,244 lines of "not UTF-8"); plain
      // text declared gzip is one clear error.
      r = server.send(server.admin("/api/admin/reindex").header("Content-Type", "application/x-ndjson")
          .POST(BodyPublishers.ofByteArray(bytes.toByteArray())).build());
      job = server.awaitJob(r.header("Location"), 60);
      assertEquals("succeeded", job.get("state").asText(), job.toString());
      assertEquals(295, job.get("paragraphs").get("done").asLong());
      r = server.send(server.admin("/api/admin/reindex").header("Content-Type", "application/gzip")
          .POST(BodyPublishers.ofString(Corpus.seedsAsJsonLines(1))).build());
      job = server.awaitJob(r.header("Location"), 60);
      assertEquals("failed", job.get("state").asText(), job.toString());
      assertTrue(job.get("error").asText().contains("is not gzip data"), job.toString());
      assertEquals(live, server.get("/health").json().get("paragraphs").asLong());
    }
  }

  @Test
  void bodies_over_the_limit_get_413_and_wrong_types_415() throws Exception {
    // Like curl for large bodies, the client announces the size and waits (Expect: 100-continue): the 413
    // must come back before any of the body is sent.
    String tooBig = headersOnly("POST", "/api/admin/reindex", "application/x-ndjson", UPLOAD_LIMIT + 1);
    assertTrue(tooBig.startsWith("HTTP/1.1 413"), tooBig);
    assertTrue(tooBig.contains("the request body is larger than the limit"), tooBig);
    // Past 2 GiB the servlet's int length is -1, "unknown": the upload had been read whole before its 413.
    String past2GiB = headersOnly("POST", "/api/admin/reindex", "application/x-ndjson", 3_000_000_000L);
    assertTrue(past2GiB.startsWith("HTTP/1.1 413"), past2GiB);
    assertEquals(415, reindex("", "text/csv", "a,b\n").status());
    assertEquals(415, reindex("", "application/x-ndjson; charset=GBK", "{\"id\":\"a\",\"text\":\"x\"}\n").status(),
        "JSON Lines are UTF-8: a declared GBK upload would otherwise be read as UTF-8");
    TestServer.Response br = server.send(server.admin("/api/admin/reindex").header("Content-Type", "application/x-ndjson")
        .header("Content-Encoding", "br").POST(BodyPublishers.ofString("{\"id\":\"a\",\"text\":\"x\"}\n")).build());
    assertEquals(415, br.status(), br.body());
    TestServer.Response gzipPut = server.send(server.admin("/api/admin/articles/zipped").header("Content-Type", "text/plain")
        .header("Content-Encoding", "gzip").PUT(BodyPublishers.ofString("x")).build());
    assertEquals(415, gzipPut.status(), gzipPut.body());
    assertTrue(gzipPut.json().get("error").get("message").asText().contains("Content-Encoding gzip"), gzipPut.body());
    TestServer.Response twice = reindex("?onError=abort&onError=skip", "application/x-ndjson", "{}\n");
    assertEquals(400, twice.status(), twice.body());
    assertEquals("onError", twice.json().get("error").get("parameter").asText());
    // Empty, a body of another type is still no request to rebuild from the seeds (curl --data-binary
    // @missing-file sends a form type and nothing).
    for (String type : List.of("application/x-www-form-urlencoded", "application/json", "text/plain")) {
      TestServer.Response empty = reindex("", type, "");
      assertEquals(415, empty.status(), type + ": " + empty.body());
    }
    assertEquals(415, reindex("", null, "{\"id\":\"a\",\"text\":\"x\"}\n").status());
    assertTrue(headersOnly("PUT", "/api/admin/articles/big", "text/plain", ARTICLE_LIMIT + 1).startsWith("HTTP/1.1 413"));
    // A body without a declared length is cut off at the limit while it streams.
    TestServer.Response streamed = server.send(server.admin("/api/admin/articles/big").header("Content-Type", "text/plain")
        .PUT(BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(new byte[(int) ARTICLE_LIMIT + 10]))).build());
    assertEquals(413, streamed.status());
    assertEquals(415, put("x", "application/xml", "<a/>").status());
    try (Stream<Path> uploads = Files.list(dir.resolve("index/uploads"))) {
      assertEquals(0, uploads.count(), "refused uploads leave no files");
    }
  }

  /** Sends only the request head with {@code Expect: 100-continue} and returns what the server answers. */
  @Test
  void an_upload_the_client_abandons_is_answered_as_the_client_s_fault() throws Exception {
    String series = "zhenxing_http_requests_seconds_count{method=\"POST\",route=\"/api/admin/reindex\",status=\"400\"}";
    long before = metric(series);
    try (java.net.Socket socket = new java.net.Socket("localhost", server.server().port())) {
      String head = "POST /api/admin/reindex HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TestServer.TOKEN
          + "\r\nContent-Type: application/x-ndjson\r\nContent-Length: 1000000\r\n\r\n";
      socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      socket.getOutputStream().write("{\"id\":\"a\",\"text\":\"正文。\"}\n".repeat(200)
          .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      socket.getOutputStream().flush();
    } // gone, 996 KB short
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline && metric(series) == before) {
      Thread.sleep(50);
    }
    assertEquals(before + 1, metric(series), "counted as a 400, the client's fault");
    assertFalse(server.get("/metrics").body().contains("status=\"500\""), "no server error");
  }

  @Test
  void an_article_body_the_client_abandons_changes_nothing_and_is_no_server_error() throws Exception {
    String series = "zhenxing_http_requests_seconds_count{method=\"PUT\",route=\"/api/admin/articles/{id}\",status=\"400\"}";
    long before = metric(series);
    try (java.net.Socket socket = new java.net.Socket("localhost", server.server().port())) {
      String head = "PUT /api/admin/articles/abandoned HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
          + TestServer.TOKEN + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 5000\r\n\r\n标题\n正文";
      socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      socket.getOutputStream().flush();
    }
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline && metric(series) == before) {
      Thread.sleep(50);
    }
    assertEquals(before + 1, metric(series), "counted as a 400, the client's fault");
    assertEquals(404, server.get("/api/articles/abandoned").status());
  }

  private static long metric(String series) throws Exception {
    return server.get("/metrics").body().lines().filter(l -> l.startsWith(series + " "))
        .mapToLong(l -> (long) Double.parseDouble(l.substring(series.length() + 1))).findFirst().orElse(0);
  }

  static String headersOnly(String method, String path, String type, long length) throws Exception {
    try (java.net.Socket socket = new java.net.Socket("localhost", server.server().port())) {
      socket.setSoTimeout(10_000);
      String head = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TestServer.TOKEN
          + "\r\nContent-Type: " + type + "\r\nContent-Length: " + length + "\r\nExpect: 100-continue\r\n\r\n";
      socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      socket.getOutputStream().flush();
      byte[] buf = new byte[4096];
      int n = socket.getInputStream().read(buf);
      return n <= 0 ? "" : new String(buf, 0, n, java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  @Test
  void upsert_creates_replaces_and_delete_removes_an_article() throws Exception {
    synchronized (AdminApiTest.class) {
      TestServer.Response created = put("upsert-demo", "application/json",
          "{\"title\":\"冰城新闻\",\"date\":\"2026-03-01\",\"source\":\"测试\",\"text\":\"哈尔滨发展驯鹿经济。\\n哈尔滨建设数字政府。\"}");
      assertEquals(201, created.status(), created.body());
      assertEquals(2, created.json().get("paragraphs").asInt());
      assertEquals(1, total("\"驯鹿经济\""), "visible to search at once");

      TestServer.Response replaced = put("upsert-demo", "text/plain", "冰城新闻\n哈尔滨推进驯鹿跨境电商出口。");
      assertEquals(200, replaced.status(), replaced.body());
      assertEquals(0, total("\"驯鹿经济\""), "old paragraphs are gone");
      assertEquals(1, total("驯鹿跨境电商"));
      TestServer.Response bom = put("upsert-demo", "application/json", "\uFEFF{\"title\":\"冰城新闻\",\"text\":\"哈尔滨推进驯鹿跨境电商出口。\"}");
      assertEquals(200, bom.status(), "a byte order mark before the JSON, as editors write one: " + bom.body());
      JsonNode article = server.get("/api/articles/upsert-demo").json();
      assertEquals(1, article.get("paragraphs").size());
      assertEquals("openness", article.get("paragraphs").get(0).get("themes").get(0).asText());

      TestServer.Response mismatch = put("upsert-demo", "application/json", "{\"id\":\"other\",\"text\":\"x\"}");
      assertEquals(400, mismatch.status());
      assertEquals("id", mismatch.json().get("error").get("parameter").asText());
      assertEquals(400, put("upsert-demo", "application/json", "{\"title\":\"只有标题\"}").status());
      assertEquals(400, put("upsert-demo", "application/json", "{not json").status());
      TestServer.Response trailing = put("upsert-demo", "application/json", "{\"title\":\"测试\",\"text\":\"x\"} {}");
      assertEquals(400, trailing.status());
      assertFalse(trailing.body().contains("com.fasterxml") || trailing.body().contains("`"), trailing.body());
      TestServer.Response twice = put("upsert-demo", "application/json", "{\"text\":\"abc\",\"text\":\"def\"}");
      assertEquals(400, twice.status(), "a field named twice is refused, not the last one kept silently");
      assertTrue(twice.json().get("error").get("message").asText().contains("Duplicate field 'text'"), twice.body());
      TestServer.Response cut = put("upsert-demo", "application/json", "{\"title\":\"a\",\"text\":\"x\"");
      assertEquals(400, cut.status());
      assertFalse(cut.body().contains("Source") || cut.body().contains("REDACTED"), cut.body());
      assertEquals(400, put("bad%23id", "text/plain", "正文。").status());
      // Ids that look like another: a no-break space, a zero-width space, a direction override.
      for (String lookalike : List.of("ab%C2%A0c", "ab%E2%80%8Bc", "%E2%80%AEbidi", "a%CD%8Fb", "a%E3%85%A4b",
          "a%EF%B8%8Fb", "a%F3%A0%80%81b")) {
        TestServer.Response r = put(lookalike, "text/plain", "正文。");
        assertEquals(400, r.status(), lookalike + ": " + r.body());
        assertEquals("id", r.json().get("error").get("parameter").asText());
      }
      TestServer.Response script = put("upsert-demo", "application/json",
          "{\"title\":\"链接\",\"url\":\"javascript:alert(document.domain)\",\"text\":\"正文。\"}");
      assertEquals(400, script.status(), script.body());
      assertEquals("url", script.json().get("error").get("parameter").asText());
      assertEquals("url is not an http or https address", script.json().get("error").get("message").asText());
      TestServer.Response dots = put("%2e%2e", "text/plain", "正文。");
      assertEquals(400, dots.status(), dots.body());
      assertEquals("id", dots.json().get("error").get("parameter").asText());

      TestServer.Response deleted = server.send(server.admin("/api/admin/articles/upsert-demo").DELETE().build());
      assertEquals(200, deleted.status());
      assertEquals(1, deleted.json().get("deletedParagraphs").asInt());
      assertFalse(deleted.json().get("duringRebuild").asBoolean());
      assertEquals(404, server.get("/api/articles/upsert-demo").status());
      assertEquals(404, server.send(server.admin("/api/admin/articles/upsert-demo").DELETE().build()).status());
    }
  }

  @Test
  void an_article_body_in_another_encoding_is_read_as_declared_or_refused() throws Exception {
    synchronized (AdminApiTest.class) {
      java.nio.charset.Charset gbk = java.nio.charset.Charset.forName("GBK");
      byte[] text = "冰城新闻\n哈尔滨冰雪大世界迎来游客高峰。".getBytes(gbk);
      TestServer.Response undeclared = server.send(server.admin("/api/admin/articles/gbk-text")
          .header("Content-Type", "text/plain").PUT(BodyPublishers.ofByteArray(text)).build());
      assertEquals(400, undeclared.status(), undeclared.body());
      assertTrue(undeclared.json().get("error").get("message").asText().contains("not UTF-8 text"), undeclared.body());
      assertEquals(0, total("冰雪大世界迎来"), "nothing stored as U+FFFD");
      TestServer.Response declared = server.send(server.admin("/api/admin/articles/gbk-text")
          .header("Content-Type", "text/plain; charset=GBK").PUT(BodyPublishers.ofByteArray(text)).build());
      assertEquals(201, declared.status(), declared.body());

      byte[] page = ("<html><head><meta charset=\"gbk\"><title>冰城新闻</title></head><body><article>"
          + "<p>哈尔滨冰雪大世界迎来游客高峰，冰雕展吸引各地游客。</p></article></body></html>").getBytes(gbk);
      TestServer.Response html = server.send(server.admin("/api/admin/articles/gbk-page")
          .header("Content-Type", "text/html").PUT(BodyPublishers.ofByteArray(page)).build());
      assertEquals(201, html.status(), html.body());
      JsonNode article = server.get("/api/articles/gbk-page").json();
      assertEquals("冰城新闻", article.get("title").asText(), "the page's own <meta charset> is honoured");
      for (String meta : List.of("", "<meta charset=\"utf-8\">")) { // none, or a wrong one
        byte[] unlabelled = ("<html><head>" + meta + "<title>冰城新闻</title></head><body><p>哈尔滨冰雪大世界迎来游客高峰。</p>"
            + "</body></html>").getBytes(gbk);
        TestServer.Response refused = server.send(server.admin("/api/admin/articles/gbk-unlabelled")
            .header("Content-Type", "text/html").PUT(BodyPublishers.ofByteArray(unlabelled)).build());
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.json().get("error").get("message").asText().startsWith("the page is not UTF-8 text"), refused.body());
      }

      TestServer.Response trailing = put("trailing", "application/json", "{\"text\":\"正文。\"} garbage");
      assertEquals(400, trailing.status(), trailing.body());
      for (String id : List.of("gbk-text", "gbk-page")) {
        server.send(server.admin("/api/admin/articles/" + id).DELETE().build());
      }
    }
  }

  @Test
  void a_saved_web_page_can_be_upserted() throws Exception {
    String html = Files.readString(Path.of("../indexer/src/test/resources/samples/folder/nested/jilin-report.html"));
    synchronized (AdminApiTest.class) {
      TestServer.Response r = put("jilin-page", "text/html; charset=utf-8", html);
      assertEquals(201, r.status(), r.body());
      JsonNode article = server.get("/api/articles/jilin-page").json();
      assertEquals("2026年吉林省政府工作报告", article.get("title").asText());
      assertFalse(article.toString().contains("不应被索引"));
      server.send(server.admin("/api/admin/articles/jilin-page").DELETE().build());
    }
  }

  @Test
  void an_upsert_is_atomic_for_concurrent_searches() throws Exception {
    String v1 = "{\"title\":\"原子\",\"text\":\"原子性测试甲版本一。\\n原子性测试甲版本二。\\n原子性测试甲版本三。\"}";
    String v2 = "{\"title\":\"原子\",\"text\":\"原子性测试乙版本一。\\n原子性测试乙版本二。\\n原子性测试乙版本三。\\n原子性测试乙版本四。\\n原子性测试乙版本五。\"}";
    synchronized (AdminApiTest.class) {
      assertEquals(201, put("atomic", "application/json", v1).status());
      AtomicBoolean stop = new AtomicBoolean();
      AtomicReference<String> violation = new AtomicReference<>();
      List<Thread> readers = new ArrayList<>();
      int[] observed = new int[2];
      for (int t = 0; t < 3; t++) {
        Thread reader = new Thread(() -> {
          while (!stop.get() && violation.get() == null) {
            try {
              JsonNode body = server.search("原子性测试", "size=20").json();
              long total = body.get("total").asLong();
              String all = body.get("hits").toString();
              boolean a = all.contains("甲版本");
              boolean b = all.contains("乙版本");
              if (!((total == 3 && a && !b) || (total == 5 && b && !a))) {
                violation.set("saw total " + total + " with 甲=" + a + " 乙=" + b);
              }
              synchronized (observed) {
                observed[total == 3 ? 0 : 1]++;
              }
            } catch (Exception e) {
              violation.set(e.toString());
            }
          }
        });
        reader.start();
        readers.add(reader);
      }
      for (int i = 0; i < 20; i++) {
        assertEquals(200, put("atomic", "application/json", i % 2 == 0 ? v2 : v1).status());
      }
      stop.set(true);
      for (Thread r : readers) {
        r.join();
      }
      assertNull(violation.get(), violation.get());
      assertTrue(observed[0] > 0 && observed[1] > 0, "both versions were seen: " + observed[0] + "/" + observed[1]);
      server.send(server.admin("/api/admin/articles/atomic").DELETE().build());
    }
  }

  @Test
  void job_status_404_for_unknown_jobs() throws Exception {
    assertEquals(404, server.send(server.admin("/api/admin/jobs/job-999").GET().build()).status());
    assertTrue(server.send(server.admin("/api/admin/jobs").GET().build()).json().has("jobs"));
    assertEquals(Map.of(), Map.of());
  }
}
