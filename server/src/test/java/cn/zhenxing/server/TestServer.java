package cn.zhenxing.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A real server over the real seeds, in a temporary index folder, on a free port; and a small HTTP client. */
public final class TestServer implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Server server;
  private final HttpClient http = HttpClient.newHttpClient();

  private TestServer(Server server) {
    this.server = server;
  }

  public static Path seeds() {
    for (Path p : List.of(Path.of("seeds"), Path.of("../seeds"))) {
      if (Files.isDirectory(p)) {
        return p;
      }
    }
    throw new IllegalStateException("seeds folder not found");
  }

  public static TestServer start(Path indexDir) throws Exception {
    return start(config(indexDir));
  }

  /** Defaults for tests: port 0, the repository's seeds, no rate limit (tests fire many requests), the response cache on. */
  public static ServerConfig config(Path indexDir) {
    return ServerConfig.defaults().withPort(0).withIndexDir(indexDir).withSeedsDir(seeds())
        .withLimits(new ServerConfig.Limits(0, 0, 2000, 1000, 2));
  }

  public static TestServer start(ServerConfig config) throws Exception {
    return new TestServer(Server.create(config).start());
  }

  public Server server() {
    return server;
  }

  public String base() {
    return "http://localhost:" + server.port();
  }

  /** A response: status, headers, body text, and the body as JSON when it is JSON. */
  public record Response(int status, java.net.http.HttpHeaders headers, String body) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  public Response get(String pathAndQuery) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(base() + pathAndQuery)).GET().build());
  }

  /**
   * A GET of {@code requestTarget} exactly as written, over a plain socket: Java's HTTP client refuses to send
   * a malformed URI ({@code ?q=100%}), which is what a hand-typed URL or another site's bug can send us.
   */
  public Response getVerbatim(String requestTarget) throws Exception {
    return verbatim("GET", requestTarget);
  }

  /** {@link #getVerbatim} with another method, and no body. */
  public Response verbatim(String method, String requestTarget) throws Exception {
    try (java.net.Socket socket = new java.net.Socket("localhost", server.port())) {
      socket.setSoTimeout(30_000);
      String head = method + " " + requestTarget + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n"
          + "Connection: close\r\n\r\n";
      socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
      String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int status = Integer.parseInt(reply.substring(9, 12)); // "HTTP/1.1 400 ..."
      int bodyStart = reply.indexOf("\r\n\r\n");
      java.util.Map<String, java.util.List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      for (String line : reply.substring(0, bodyStart < 0 ? reply.length() : bodyStart).split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && !line.startsWith("HTTP/")) {
          headers.computeIfAbsent(line.substring(0, colon).strip(), k -> new java.util.ArrayList<>())
              .add(line.substring(colon + 1).strip());
        }
      }
      return new Response(status, java.net.http.HttpHeaders.of(headers, (a, b) -> true),
          bodyStart < 0 ? "" : reply.substring(bodyStart + 4));
    }
  }

  public Response send(HttpRequest request) throws Exception {
    HttpResponse<String> r = http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
        .get(120, java.util.concurrent.TimeUnit.SECONDS);
    return new Response(r.statusCode(), r.headers(), r.body());
  }

  public HttpRequest.Builder request(String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create(base() + pathAndQuery));
  }

  /** A request carrying the admin token {@link #TOKEN}. */
  public HttpRequest.Builder admin(String pathAndQuery) {
    return request(pathAndQuery).header("Authorization", "Bearer " + TOKEN);
  }

  public static final String TOKEN = "test-admin-token-0123456789";

  /** Polls a job until it has finished; fails after {@code seconds}. */
  public JsonNode awaitJob(String location, int seconds) throws Exception {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    while (System.nanoTime() < deadline) {
      JsonNode job = send(admin(location).GET().build()).json();
      String state = job.get("state").asText();
      if (state.equals("succeeded") || state.equals("failed")) {
        return job;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("job " + location + " did not finish in " + seconds + " s");
  }

  /** The first paragraph of an article (as {@code /api/articles/{id}} lists it) with at least {@code chars} characters. */
  public JsonNode paragraphOfAtLeast(String articleId, int chars) throws Exception {
    for (JsonNode p : get("/api/articles/" + URLEncoder.encode(articleId, StandardCharsets.UTF_8)).json().get("paragraphs")) {
      if (p.get("text").asText().length() >= chars) {
        return p;
      }
    }
    throw new AssertionError(articleId + " has no paragraph of " + chars + " characters");
  }

  /** {@code /api/search?q=…} with the query URL-encoded, plus raw extra parameters. */
  public Response search(String q, String extra) throws Exception {
    return get("/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + (extra.isEmpty() ? "" : "&" + extra));
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
