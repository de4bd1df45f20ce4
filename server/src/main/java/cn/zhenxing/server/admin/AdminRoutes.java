package cn.zhenxing.server.admin;

import cn.zhenxing.indexer.article.Article;
import cn.zhenxing.indexer.article.ArticleIds;
import cn.zhenxing.indexer.article.ArticleInput;
import cn.zhenxing.indexer.article.ArticleSource;
import cn.zhenxing.indexer.article.FileArticleSource;
import cn.zhenxing.indexer.article.HtmlArticleReader;
import cn.zhenxing.indexer.article.JsonLinesArticleReader;
import cn.zhenxing.indexer.article.StrictText;
import cn.zhenxing.indexer.article.TextArticleReader;
import cn.zhenxing.indexer.index.IndexBuilder;
import cn.zhenxing.server.http.ApiException;
import cn.zhenxing.server.http.HttpApp;
import cn.zhenxing.server.http.SearchParams;
import cn.zhenxing.server.index.IndexService;
import cn.zhenxing.server.search.SynonymSource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The token-protected admin API: whole-index rebuilds as background jobs (from the seeds or from an uploaded
 * JSON Lines stream), job status, and single-article upserts and deletes that are live within a second.
 */
public final class AdminRoutes {

  static final Set<String> JSON_LINES_TYPES =
      Set.of("application/x-ndjson", "application/ndjson", "application/jsonl", "application/x-jsonlines",
          "application/jsonlines");
  static final Set<String> GZIP_TYPES = Set.of("application/gzip", "application/x-gzip");

  private static final ObjectMapper JSON = JsonLinesArticleReader.JSON;

  private final AdminAuth auth;
  private final IndexService index;
  private final JobManager jobs;
  private final UploadSpool spool;
  private final Path seeds;
  private final long maxArticleBytes;
  private final SynonymSource synonyms;

  public AdminRoutes(AdminAuth auth, IndexService index, JobManager jobs, UploadSpool spool, Path seeds,
      long maxArticleBytes, SynonymSource synonyms) {
    this.auth = auth;
    this.index = index;
    this.jobs = jobs;
    this.spool = spool;
    this.seeds = seeds;
    this.maxArticleBytes = maxArticleBytes;
    this.synonyms = synonyms;
  }

  public void register(JavalinConfig config) {
    config.routes.before("/api/admin/*", auth::check);
    config.routes.post("/api/admin/reindex", this::reindex);
    // HEAD answers as GET would, status and all (a monitor may poll a job with HEAD).
    HttpApp.getAndHead(config, "/api/admin/jobs", ctx -> {
      rejectUnknown(ctx, Set.of());
      ctx.json(Map.of("jobs", jobs.recent().stream().map(ReindexJob::summary).toList()));
    });
    HttpApp.getAndHead(config, "/api/admin/jobs/{id}", ctx -> {
      rejectUnknown(ctx, Set.of());
      ctx.json(jobs.job(ctx.pathParam("id"))
          .orElseThrow(() -> new ApiException(404, "id", "no job with id \"" + ctx.pathParam("id") + "\""))
          .view());
    });
    config.routes.put("/api/admin/articles/{id}", this::upsert);
    config.routes.delete("/api/admin/articles/{id}", this::delete);
    config.routes.post("/api/admin/synonyms/reload", ctx -> {
      rejectUnknown(ctx, Set.of());
      try {
        ctx.json(new SynonymsReloaded(synonyms.reload().rules(), synonyms.origin()));
      } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
        throw new ApiException(400, null, "synonyms not reloaded, the previous rules stay in force: " + e.getMessage());
      }
    });
  }

  private void reindex(Context ctx) throws IOException {
    rejectUnknown(ctx, Set.of("onError"));
    IndexBuilder.OnError onError = onError(SearchParams.single(ctx.queryParamMap(), "onError"));
    String type = mediaType(ctx.header("Content-Type"));
    String encoding = contentEncoding(ctx, Set.of("gzip"));
    boolean gzip = (type != null && GZIP_TYPES.contains(type)) || "gzip".equals(encoding);
    Charset charset = declaredCharset(ctx.header("Content-Type"));
    if (charset != null && !charset.equals(StandardCharsets.UTF_8)) {
      throw new ApiException(415, null, "JSON Lines are UTF-8; the upload declares " + charset.name()
          + ": convert it to UTF-8, or PUT the articles one by one with their encoding declared");
    }
    // The servlet's int length is -1 past 2 GiB, which had read a 3 GB upload whole before refusing it.
    long declared = ctx.req().getContentLengthLong();
    ReindexJob job;
    // Any Content-Type says the body was meant as an upload: sent empty (curl --data-binary @missing-file sends a
    // form type and nothing), it must not quietly replace the index with the seeds.
    boolean upload = type != null;
    if (upload && !JSON_LINES_TYPES.contains(type) && !GZIP_TYPES.contains(type)) {
      throw unsupported(type, "application/x-ndjson (JSON Lines, one article per line; gzip allowed), or no body and "
          + "no Content-Type to rebuild from the seeds");
    }
    if (declared == 0) {
      job = fromSeedsUnlessEmptyUpload(upload, onError);
    } else {
      spool.checkDeclaredLength(declared);
      // The job is reserved before the upload is read: a second reindex is refused at once, and edits made while
      // the upload arrives are kept (see JobManager.reserve).
      JobManager.Reservation reservation = jobs.reserve("upload (arriving" + (gzip ? ", gzip" : "") + ")", onError);
      Path file;
      try {
        file = spool.spool(ctx.bodyInputStream(), declared);
      } catch (IOException | RuntimeException e) {
        reservation.cancel();
        throw e;
      }
      if (Files.size(file) == 0) {
        Files.deleteIfExists(file);
        reservation.cancel();
        job = fromSeedsUnlessEmptyUpload(upload, onError);
      } else if (type == null) {
        Files.deleteIfExists(file);
        reservation.cancel();
        throw unsupported(null, "application/x-ndjson");
      } else {
        long bytes = Files.size(file);
        reservation.start("upload (" + bytes + " bytes" + (gzip ? ", gzip" : "") + ")", "admin",
            new SpooledUpload(file, gzip));
        job = reservation.job();
      }
    }
    ctx.status(202).header("Location", "/api/admin/jobs/" + job.id()).json(job.view());
  }

  /** An empty body means "rebuild from the seeds" only when it was not meant as an upload of articles. */
  private ReindexJob fromSeedsUnlessEmptyUpload(boolean upload, IndexBuilder.OnError onError) {
    if (upload) {
      throw ApiException.badParameter("body", "the upload is empty: send one article per line, or no body and no "
          + "Content-Type to rebuild from the seeds; the live index is unchanged");
    }
    return fromSeeds(onError);
  }

  private ReindexJob fromSeeds(IndexBuilder.OnError onError) {
    if (!Files.isDirectory(seeds)) {
      throw new ApiException(409, null, "cannot rebuild from the seeds: the folder " + seeds.toAbsolutePath() + " does not exist");
    }
    ArticleSource source = FileArticleSource.of(List.of(seeds.toString()));
    return jobs.submit("seeds (" + seeds + ")", onError, "seeds", () -> source);
  }

  private void upsert(Context ctx) throws IOException {
    rejectUnknown(ctx, Set.of());
    String id = articleId(ctx);
    contentEncoding(ctx, Set.of());
    String type = mediaType(ctx.header("Content-Type"));
    if (type == null || !(type.equals("application/json") || type.equals("text/plain") || type.equals("text/html"))) {
      throw unsupported(type, "application/json ({\"title\",\"date\",\"source\",\"url\",\"text\"}), text/plain or text/html");
    }
    if (ctx.req().getContentLengthLong() > maxArticleBytes) {
      throw tooLarge(); // before touching the body, so Expect: 100-continue clients send nothing
    }
    byte[] bytes = readBounded(ctx.bodyInputStream(), ctx.req().getContentLengthLong());
    Charset declared = declaredCharset(ctx.header("Content-Type"));
    ArticleInput input = switch (type) {
      case "application/json" -> fromJson(id, decode(bytes, declared));
      // An undeclared page is read as its <meta charset> says, as a saved page is by the indexer.
      case "text/html" -> declared == null ? HtmlArticleReader.read(id, bytes, "request body")
          : HtmlArticleReader.read(id, decode(bytes, declared), "request body");
      default -> TextArticleReader.fromText(id, decode(bytes, declared), "request body");
    };
    if (input instanceof ArticleInput.Bad bad) {
      throw ApiException.badParameter(parameterOf(bad.problem().reason()), bad.problem().reason());
    }
    Article article = ((ArticleInput.Ok) input).article();
    IndexService.Upserted result;
    try {
      result = edit(() -> index.upsert(article));
    } catch (IllegalArgumentException e) {
      throw ApiException.badParameter("text", e.getMessage());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", result.articleId());
    out.put("paragraphs", result.paragraphs());
    out.put("created", result.created());
    ctx.status(result.created() ? 201 : 200).json(out);
  }

  private ArticleInput fromJson(String id, String body) {
    JsonNode node;
    try {
      // A byte order mark is no JSON, but editors write one; an upload's first line may carry it too.
      node = JSON.readTree(body.startsWith("\uFEFF") ? body.substring(1) : body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw ApiException.badParameter("body", JsonLinesArticleReader.problem(e));
    } catch (IOException e) {
      throw ApiException.badParameter("body", "invalid JSON: " + e.getMessage().lines().findFirst().orElse(""));
    }
    if (node == null || !node.isObject()) {
      throw ApiException.badParameter("body", "the body must be a JSON object");
    }
    if (node.hasNonNull("id") && !id.equals(node.get("id").asText())) {
      throw ApiException.badParameter("id", "the body's id \"" + node.get("id").asText() + "\" differs from the URL's \"" + id + "\"");
    }
    ((com.fasterxml.jackson.databind.node.ObjectNode) node).put("id", id);
    return JsonLinesArticleReader.fromJson(node, "request body", 0);
  }

  /** The field a reader's reason is about ("url is not…", "missing text"), else the body as a whole. */
  private static String parameterOf(String reason) {
    for (String field : List.of("id", "title", "date", "source", "url", "text")) {
      if (reason.startsWith(field + " ") || reason.endsWith(" " + field)) {
        return field;
      }
    }
    return "body";
  }

  private void delete(Context ctx) throws IOException {
    rejectUnknown(ctx, Set.of());
    String id = articleId(ctx);
    IndexService.Deleted deleted = edit(() -> index.delete(id));
    if (deleted.paragraphs() == 0 && !deleted.fromRebuild()) {
      throw new ApiException(404, "id", "no article with id \"" + id + "\"");
    }
    // During a rebuild an article only its source holds is deleted when the rebuilt index goes live: accepted.
    ctx.status(deleted.paragraphs() == 0 ? 202 : 200);
    ctx.json(new Deleted(id, deleted.paragraphs(), deleted.fromRebuild()));
  }

  /** Runs an article edit; an index built by another schema version refuses edits until it is rebuilt. */
  private static <T> T edit(org.apache.lucene.util.IOSupplier<T> edit) throws IOException {
    try {
      return edit.get();
    } catch (IndexService.StaleSchemaException e) {
      throw new ApiException(409, null, e.getMessage());
    } catch (IndexService.NotWritableException e) {
      throw new ApiException(503, null, e.getMessage());
    }
  }

  private static String articleId(Context ctx) {
    String id = ctx.pathParam("id");
    ArticleIds.problem(id).ifPresent(p -> {
      throw ApiException.badParameter("id", p);
    });
    return id;
  }

  private byte[] readBounded(InputStream in, long declared) throws IOException {
    if (declared > maxArticleBytes) {
      throw tooLarge();
    }
    byte[] data;
    try (in) {
      data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxArticleBytes + 1));
    } catch (IOException e) {
      // The client went away mid-body: its fault, answered and logged as such, and nothing changes.
      throw new ApiException(400, null, "the request body broke off (" + e.getMessage() + "); nothing was changed");
    }
    if (data.length > maxArticleBytes) {
      throw tooLarge();
    }
    return data;
  }

  private ApiException tooLarge() {
    return new ApiException(413, null, "an article may be at most " + maxArticleBytes + " bytes");
  }

  private static IndexBuilder.OnError onError(String raw) {
    if (raw == null || raw.isBlank() || raw.equalsIgnoreCase("skip")) {
      return IndexBuilder.OnError.SKIP;
    }
    if (raw.equalsIgnoreCase("abort")) {
      return IndexBuilder.OnError.ABORT;
    }
    throw ApiException.badParameter("onError", "onError must be skip (the default) or abort, was \"" + raw + "\"");
  }

  /** Unknown parameters are refused here as on the read endpoints (a stray &, and _ cache-busters, allowed). */
  private static void rejectUnknown(Context ctx, Set<String> known) {
    SearchParams.rejectUnknown(ctx.queryParamMap(), known);
  }

  private static ApiException unsupported(String type, String expected) {
    return new ApiException(415, null,
        (type == null ? "the request has no Content-Type" : "Content-Type " + type + " is not accepted") + "; send " + expected);
  }

  /** The media type without parameters, lower-cased; null when absent. */
  static String mediaType(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    int semi = header.indexOf(';');
    return (semi < 0 ? header : header.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
  }

  /** The body as text in its declared charset (UTF-8 when none is declared); bytes that do not fit are a 400. */
  private static String decode(byte[] bytes, Charset declared) {
    Charset charset = declared == null ? StandardCharsets.UTF_8 : declared;
    try {
      return StrictText.decode(bytes, charset);
    } catch (java.nio.charset.CharacterCodingException e) {
      throw ApiException.badParameter("body", "the body is not " + charset.name() + " text"
          + (declared == null ? "; send UTF-8, or declare the encoding (Content-Type: text/plain; charset=GBK)" : ""));
    }
  }

  /**
   * The request's Content-Encoding, lower-cased, or null for none or identity; 415 for any other than
   * {@code accepted}: a compressed body read as it is would be refused as "not UTF-8", or worse, indexed.
   */
  private static String contentEncoding(Context ctx, Set<String> accepted) {
    String raw = ctx.header("Content-Encoding");
    if (raw == null || raw.isBlank() || raw.strip().equalsIgnoreCase("identity")) {
      return null;
    }
    String encoding = raw.strip().toLowerCase(java.util.Locale.ROOT);
    if (!accepted.contains(encoding)) {
      throw new ApiException(415, null, "Content-Encoding " + SearchParams.abbreviate(raw.strip()) + " is not accepted; "
          + (accepted.isEmpty() ? "send the article uncompressed" : "send it uncompressed or as " + String.join(", ", accepted)));
    }
    return encoding;
  }

  /** The charset named in a Content-Type header, or null when none is. */
  private static Charset declaredCharset(String header) {
    if (header != null) {
      for (String part : header.split(";")) {
        String p = part.strip();
        if (p.regionMatches(true, 0, "charset=", 0, 8)) {
          try {
            return Charset.forName(p.substring(8).replace("\"", "").strip());
          } catch (RuntimeException e) {
            throw new ApiException(415, null, "unknown charset in Content-Type: " + header);
          }
        }
      }
    }
    return null;
  }

  /** The answers of a synonyms reload and of a delete, their fields in this order. */
  record SynonymsReloaded(int rules, String source) {}

  record Deleted(String id, int deletedParagraphs, boolean duringRebuild) {}
}
