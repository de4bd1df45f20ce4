package cn.zhenxing.server.http;

import cn.zhenxing.indexer.theme.Taxonomy;
import cn.zhenxing.server.ServerConfig;
import cn.zhenxing.server.admin.AdminRoutes;
import cn.zhenxing.indexer.theme.Theme;
import cn.zhenxing.server.index.IndexService;
import cn.zhenxing.server.search.ArticleView;
import cn.zhenxing.server.search.ParagraphSearcher;
import cn.zhenxing.server.search.SynonymSource;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.JavalinStaticResourceHandler;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.router.EndpointNotFound;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the Javalin application (without starting it): the public read API with CORS, the search page, and
 * the error mapping every handler relies on. User errors become 400s with a JSON body naming the parameter;
 * anything unexpected becomes a logged 500 whose body only carries an id to find it in the log.
 */
public final class HttpApp {

  private static final Logger LOG = LoggerFactory.getLogger(HttpApp.class);
  private static final Logger ACCESS = LoggerFactory.getLogger("access");

  /** What the routes need. */
  public record Services(IndexService index, ParagraphSearcher searcher, SynonymSource synonyms, ArticleView articles,
      Taxonomy taxonomy, AdminRoutes admin, ServerMetrics metrics, ServerConfig.Limits limits) {}

  private HttpApp() {}

  /**
   * Loads the HTTP stack's classes by starting and stopping a throwaway app on a free port, so the real one
   * starts quickly; start-up runs this beside opening the index.
   */
  public static void loadClasses() {
    try {
      Javalin warm = Javalin.create(config -> {
        config.startup.showJavalinBanner = false;
        config.jsonMapper(new JavalinJackson(new ObjectMapper(), false));
        config.routes.get("/", ctx -> ctx.json(Map.of("warm", true)));
      });
      warm.start("127.0.0.1", 0);
      warm.stop();
    } catch (RuntimeException e) {
      LOG.debug("HTTP warm-up failed; the real start-up will load the classes", e);
    }
  }

  public static Javalin create(Services services) {
    return Javalin.create(config -> configure(config, services));
  }

  private static final String NOT_FOUND_PAGE = """
      <!doctype html>
      <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
      <title>页面不存在 - 振兴搜索</title><link rel="stylesheet" href="/style.css">
      <link rel="icon" type="image/svg+xml" href="/favicon.svg"></head>
      <body><main class="article"><h1>页面不存在</h1><p>这个地址没有页面，链接可能有误或已过期。</p>
      <p><a href="/">去振兴搜索首页搜索</a></p></main></body></html>
      """;

  private static void configure(JavalinConfig config, Services s) {
    config.startup.showJavalinBanner = false;
    config.jsonMapper(new JavalinJackson(new ObjectMapper(), false));
    config.http.defaultContentType = "application/json; charset=utf-8";
    // Room for a long search in the URL (10,000 URL-encoded Chinese characters are ~90 KB), so our own
    // validation answers with a helpful 400 instead of Jetty's bare 414.
    config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(128 * 1024));
    config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
    config.http.prefer405over404 = true; // POST /api/search: "use GET", not "no such endpoint"
    // Javalin's own handler reads the page's files through the class loader. Jetty's (the default) mounts the
    // whole 26 MB jar as a zip file system to serve three files: a fifth of a second of start-up (JFR).
    config.resourceHandler(new JavalinStaticResourceHandler());
    config.staticFiles.add(files -> {
      files.hostedPath = "/";
      files.directory = "/web";
      files.location = Location.CLASSPATH;
    });
    // The article view is the same page; it reads the article id from the path.
    config.spaRoot.addFile("/articles", "/web/index.html", Location.CLASSPATH);
    // /articles/ without an id is no article: the search page is where such a link should lead.
    config.routes.get("/articles", ctx -> ctx.redirect("/", io.javalin.http.HttpStatus.FOUND));
    // ... with the status a crawler or a link checker needs when there is no such article (the page says so).
    config.routes.after("/articles/<id>", ctx -> { // <id>: /articles/a/b is no article either
      if (ctx.statusCode() == 200 && !s.articles().exists(ctx.pathParam("id"))) {
        ctx.status(404);
      }
    });
    config.requestLogger.http((ctx, ms) -> {
      ACCESS.info("{} {} {} {}ms", ctx.method(), ctx.path(), ctx.statusCode(), Math.round(ms));
      s.metrics().request(ctx.method().name(), route(ctx), ctx.statusCode(), ms);
    });

    // Javalin gzips a response when the client accepts it: a shared cache must not hand the gzipped body to one
    // that does not.
    config.routes.before(ctx -> ctx.header("Vary", "Accept-Encoding"));
    RateLimiter limiter = new RateLimiter(s.limits().requestsPerSecond(), s.limits().burst());
    config.routes.before("/api/*", ctx -> {
      if (isAdmin(ctx) || ctx.method() == io.javalin.http.HandlerType.OPTIONS) {
        return; // admins and preflights are not limited
      }
      long wait = limiter.acquire(ctx.ip());
      if (wait > 0) {
        s.metrics().rateLimited();
        ctx.header("Retry-After", Long.toString(wait));
        openCors(ctx);
        throw new ApiException(429, null, "too many requests from this address; retry after " + wait + " s");
      }
    });
    config.routes.before("/api/*", HttpApp::openCors);
    config.routes.before("/api/*", ctx -> SearchParams.rejectUndecodable(ctx.queryString()));
    config.routes.before("/health", HttpApp::openCors);
    config.routes.options("/api/*", HttpApp::preflight);

    getAndHead(config, "/api/search", ctx -> {
      var response = s.searcher().search(SearchParams.from(ctx, s.taxonomy()));
      s.metrics().searchHits(response.total());
      ctx.json(response);
    });
    config.routes.get("/metrics", ctx ->
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(s.metrics().scrape()));
    getAndHead(config, "/api/articles/{id}", ctx -> {
      SearchParams.rejectUnknown(ctx.queryParamMap(), java.util.Set.of());
      String id = ctx.pathParam("id");
      ctx.json(s.articles().article(id).orElseThrow(
          () -> new ApiException(404, "id", "no article with id \"" + SearchParams.abbreviate(id) + "\"")));
    });
    getAndHead(config, "/api/themes", ctx -> {
      SearchParams.rejectUnknown(ctx.queryParamMap(), java.util.Set.of());
      ctx.json(themes(s.taxonomy()));
    });
    getAndHead(config, "/health", ctx -> ctx.json(new Health(
        "ready", s.index().paragraphCount(), s.index().generation().getFileName().toString())));

    new SuggestRoutes(s.index(), s.synonyms()).register(config);
    s.admin().register(config);

    config.routes.exception(ApiException.class, (e, ctx) -> {
      if (e.status() != 413) {
        discardUnreadBody(ctx);
      }
      if (e.location() != null) {
        ctx.header("Location", e.location());
      }
      ctx.status(e.status()).json(ErrorBody.of(e.parameter(), e.getMessage()));
    });
    config.routes.exception(io.javalin.http.MethodNotAllowedResponse.class, (e, ctx) -> {
      discardUnreadBody(ctx);
      // Every /api/ path answers CORS preflights, which alone does not make it an endpoint.
      List<String> allowed = new ArrayList<>();
      e.getDetails().values().forEach(v -> java.util.Arrays.stream(v.split("[,\\s]+"))
          .filter(m -> !m.isBlank() && !m.equalsIgnoreCase("OPTIONS") && !allowed.contains(m)).forEach(allowed::add));
      if (allowed.isEmpty()) {
        ctx.status(404).json(ErrorBody.of(null, "no such endpoint: " + ctx.method() + " " + ctx.path()));
        return;
      }
      ctx.header("Allow", String.join(", ", allowed)).status(405).json(ErrorBody.of(null,
          ctx.method() + " " + ctx.path() + " is not supported; use " + String.join(" or ", allowed)));
    });
    config.routes.exception(EndpointNotFound.class, (e, ctx) -> {
      if (!ctx.path().startsWith("/api/") && String.valueOf(ctx.header("Accept")).contains("text/html")) {
        ctx.status(404).html(NOT_FOUND_PAGE); // a person followed a broken link: a page, not JSON
        return;
      }
      ctx.status(404).json(ErrorBody.of(null, "no such endpoint: " + ctx.method() + " " + ctx.path()));
    });
    config.routes.exception(Exception.class, (e, ctx) -> {
      String id = UUID.randomUUID().toString().substring(0, 8);
      LOG.error("Unexpected error {} on {} {}", id, ctx.method(), ctx.fullUrl(), e);
      ctx.status(500).json(ErrorBody.of(null, "internal error " + id + "; it has been logged"));
    });
  }

  /** Bodies up to this size are read to the end before an error answers a request that was not read. */
  static final long MAX_DISCARDED_BODY = 64L << 20;

  /**
   * A request refused before its body was read (a bad parameter on an upload) must still get its 400: if
   * the server closes the connection with the body unread, TCP resets it and the client may never see the
   * answer ("header parser received no bytes"). So the rest of a reasonably sized body is read and dropped.
   */
  private static void discardUnreadBody(Context ctx) {
    long length = ctx.req().getContentLengthLong();
    if (length <= 0 || length > MAX_DISCARDED_BODY || "100-continue".equalsIgnoreCase(ctx.header("Expect"))) {
      return; // a client waiting for 100 Continue has sent no body: answering at once is what it asked for
    }
    try {
      ctx.req().getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    } catch (java.io.IOException | IllegalStateException e) {
      // already read (or being read as characters): nothing is left to drop
    }
  }

  /**
   * A read endpoint, which answers HEAD with the status and headers GET would have (Jetty sends no body):
   * Javalin's own answer to HEAD was 200 without running the handler, even for an article that does not exist
   * (or an admin job).
   */
  public static void getAndHead(JavalinConfig config, String path, io.javalin.http.Handler handler) {
    config.routes.get(path, handler);
    config.routes.head(path, handler);
  }

  /** Read endpoints are open to every site; admin endpoints get no CORS headers at all. */
  private static void openCors(Context ctx) {
    if (isAdmin(ctx)) {
      return;
    }
    ctx.header("Access-Control-Allow-Origin", "*");
    // A page on another site reads Retry-After to know when to ask again after a 429.
    ctx.header("Access-Control-Expose-Headers", "Retry-After");
  }

  private static void preflight(Context ctx) {
    if (isAdmin(ctx)) {
      throw new ApiException(404, null, "no such endpoint: OPTIONS " + ctx.path());
    }
    ctx.header("Access-Control-Allow-Methods", "GET, OPTIONS");
    // Whatever headers the page wants to send: reading the API needs no credentials, so none is a risk.
    String asked = ctx.header("Access-Control-Request-Headers");
    ctx.header("Access-Control-Allow-Headers", asked == null || asked.isBlank() ? "Content-Type" : asked);
    ctx.header("Access-Control-Max-Age", "86400");
    ctx.status(204);
  }

  /** The endpoint's path pattern for metrics ({@code /api/articles/{id}}), so ids do not explode series. */
  private static String route(Context ctx) {
    String path;
    try {
      path = ctx.endpoint().path;
    } catch (RuntimeException e) {
      return ctx.statusCode() == 404 ? "unmatched" : "static";
    }
    // A request refused by a before-handler (429, a broken escape) ends on that handler's "/api/*": count it
    // under the endpoint it was for, from a fixed list so the label's values stay few.
    if (path.equals("/api/*")) {
      String p = ctx.path();
      if (PUBLIC_ROUTES.contains(p)) {
        return p;
      }
      return p.startsWith("/api/articles/") ? "/api/articles/{id}" : isAdmin(ctx) ? "/api/admin/*" : "unmatched";
    }
    return path;
  }

  private static final java.util.Set<String> PUBLIC_ROUTES = java.util.Set.of("/api/search", "/api/suggest", "/api/themes");

  static boolean isAdmin(Context ctx) {
    return ctx.path().startsWith("/api/admin/") || ctx.path().equals("/api/admin");
  }

  private static Map<String, Object> themes(Taxonomy taxonomy) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (Theme t : taxonomy.themes()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", t.id());
      m.put("label", t.label());
      m.put("labelEn", t.labelEn());
      m.put("threshold", t.threshold());
      m.put("terms", t.terms());
      list.add(m);
    }
    return Map.of("themes", list);
  }

  /** The answer of /health, its fields in this order. */
  record Health(String status, int paragraphs, String generation) {}
}
