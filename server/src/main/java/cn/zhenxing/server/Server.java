package cn.zhenxing.server;

import cn.zhenxing.indexer.analysis.TraditionalToSimplified;
import cn.zhenxing.indexer.article.FileArticleSource;
import cn.zhenxing.indexer.index.IndexBuilder;
import cn.zhenxing.indexer.index.IndexLayout;
import cn.zhenxing.indexer.index.ParagraphDocuments;
import cn.zhenxing.indexer.paragraph.ParagraphSplitter;
import cn.zhenxing.indexer.theme.Taxonomy;
import cn.zhenxing.indexer.theme.ThemeTagger;
import cn.zhenxing.server.admin.AdminAuth;
import cn.zhenxing.server.admin.AdminRoutes;
import cn.zhenxing.server.admin.JobManager;
import cn.zhenxing.server.admin.UploadSpool;
import cn.zhenxing.server.http.HttpApp;
import cn.zhenxing.server.http.ServerMetrics;
import cn.zhenxing.server.index.IndexService;
import cn.zhenxing.server.search.ArticleView;
import cn.zhenxing.server.search.ParagraphSearcher;
import cn.zhenxing.server.search.QueryContext;
import cn.zhenxing.server.search.SynonymSource;
import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.LoggerFactory;

/**
 * A configured server: opens (or builds) the index and wires the HTTP app. {@link #start()} listens; tests
 * build one on port 0 over a temporary folder exactly as {@link ServerMain} does for real.
 */
public final class Server implements AutoCloseable {

  private final ServerConfig config;
  private final IndexService index;
  private final JobManager jobs;
  private final ServerMetrics metrics;
  private final Javalin app;

  private Server(ServerConfig config, IndexService index, JobManager jobs, ServerMetrics metrics, Javalin app) {
    this.config = config;
    this.index = index;
    this.jobs = jobs;
    this.metrics = metrics;
    this.app = app;
  }

  /** Opens the index (building it from the seeds if needed) and creates the app, without listening yet. */
  public static Server create(ServerConfig config) throws IOException, InterruptedException {
    // Loading SmartChinese's dictionaries takes a tenth of a second or more: do it on the other core while the
    // index opens, so the first search does not pay for it.
    CompletableFuture<Void> dictionaries = CompletableFuture.runAsync(Server::loadDictionaries, WARM_UP);
    // Likewise the HTTP stack: loading Javalin's, Kotlin's and Jetty's classes takes about a second.
    CompletableFuture.runAsync(HttpApp::loadClasses, WARM_UP);
    Taxonomy taxonomy = config.themesFile() == null ? Taxonomy.defaults() : Taxonomy.load(config.themesFile());
    IndexBuilder builder = new IndexBuilder(
        new ParagraphSplitter(), new ThemeTagger(taxonomy), config.indexThreads());
    IndexService index = IndexService.open(new IndexLayout(config.indexDir()), builder, () -> {
      if (!Files.isDirectory(config.seedsDir())) {
        throw new IllegalArgumentException("there is no index in " + config.indexDir().toAbsolutePath()
            + " and the seeds folder " + config.seedsDir().toAbsolutePath() + " does not exist (--seeds DIR)");
      }
      return FileArticleSource.of(List.of(config.seedsDir().toString()));
    });
    ServerMetrics metrics = new ServerMetrics();
    JobManager jobs = new JobManager(index, metrics::reindexJob);
    try {
      UploadSpool spool = new UploadSpool(config.indexDir().resolve("uploads"), config.maxUploadBytes());
      spool.clean();
      SynonymSource synonyms = new SynonymSource(config.synonymsFile());
      AdminRoutes admin = new AdminRoutes(new AdminAuth(config.adminToken()), index, jobs, spool,
          config.seedsDir(), config.maxArticleBytes(), synonyms);
      metrics.gauge("zhenxing.reindex.active", "Reindex jobs receiving, queued or running (0 or 1)", jobs,
          j -> j.busy() ? 1 : 0);
      metrics.gauge("zhenxing.index.paragraphs", "Paragraphs in the live index", index, IndexService::paragraphCountQuietly);
      metrics.gauge("zhenxing.index.size.bytes", "Bytes on disk of the live index generation", index, IndexService::sizeInBytes);
      ParagraphSearcher searcher = new ParagraphSearcher(index, taxonomy, synonyms, QueryContext.Features.ALL,
          config.limits().queryTimeoutMillis(), config.limits().cacheEntries(), config.limits().searchSlots());
      metrics.gauge("zhenxing.search.waiting", "Searches waiting for a search thread", searcher,
          ParagraphSearcher::waitingSearches);
      Javalin app = HttpApp.create(new HttpApp.Services(index, searcher, synonyms, new ArticleView(index), taxonomy,
          admin, metrics, config.limits()));
      // One search through every code path while the HTTP server starts, so the first real one is fast. The
      // pinyin dictionary (half a second of CPU on a million paragraphs) and the traditional-to-simplified
      // mapping load a little later: on a 2-core machine loading them at once slowed the start and the first
      // searches (JFR of start-up). A query that needs one before then loads it on demand.
      dictionaries.thenRunAsync(() -> {
        warmUp(searcher);
        warnAboutForeignThemes(index, taxonomy);
      }, WARM_UP).thenRunAsync(() -> {
        index.preloadPinyin();
        TraditionalToSimplified.preload();
      }, CompletableFuture.delayedExecutor(PRELOAD_DELAY_SECONDS, java.util.concurrent.TimeUnit.SECONDS, WARM_UP));
      return new Server(config, index, jobs, metrics, app);
    } catch (IOException | RuntimeException e) {
      jobs.close();
      metrics.close();
      index.close();
      throw e;
    }
  }

  static final long PRELOAD_DELAY_SECONDS = 3;

  private static final java.util.concurrent.Executor WARM_UP = r -> {
    Thread t = new Thread(r, "warm-up");
    t.setDaemon(true);
    t.start();
  };

  private static void loadDictionaries() {
    try (var ts = cn.zhenxing.indexer.analysis.ChineseAnalyzers.words().tokenStream("text", "振兴东北")) {
      ts.reset();
      while (ts.incrementToken()) {
        // consume: the first token loads the dictionaries
      }
      ts.end();
    } catch (IOException | RuntimeException e) {
      LoggerFactory.getLogger(Server.class).warn("Warm-up of the analyzers failed", e);
    }
  }

  /**
   * Themes the live index was tagged with that this server's taxonomy does not have (an index built with
   * another --themes file): hits show them, but they can be neither filtered nor counted.
   */
  public static List<String> foreignThemes(IndexService index, Taxonomy taxonomy) throws IOException {
    try (IndexService.Lease lease = index.acquire()) {
      return lease.searcher().themes().themes().stream().filter(t -> !taxonomy.contains(t)).toList();
    }
  }

  private static void warnAboutForeignThemes(IndexService index, Taxonomy taxonomy) {
    try {
      List<String> foreign = foreignThemes(index, taxonomy);
      if (!foreign.isEmpty()) {
        LoggerFactory.getLogger(Server.class).warn("The index was tagged with themes {} that this server's taxonomy"
            + " lacks: hits show them but they cannot be filtered or counted. Start with the --themes file the"
            + " index was built with, or reindex", foreign);
      }
    } catch (IOException | RuntimeException e) {
      LoggerFactory.getLogger(Server.class).warn("Could not compare the index's themes with the taxonomy", e);
    }
  }

  private static void warmUp(ParagraphSearcher searcher) {
    try {
      searcher.search(new cn.zhenxing.server.search.SearchRequest("振兴发展", List.of(), 1, 10));
    } catch (IOException | RuntimeException e) {
      LoggerFactory.getLogger(Server.class).warn("Warm-up search failed", e);
    }
  }

  public Server start() {
    app.start(config.port());
    return this;
  }

  /** The port listened on (useful when the config said 0). */
  public int port() {
    return app.port();
  }

  public Javalin app() {
    return app;
  }

  public IndexService index() {
    return index;
  }

  @Override
  public void close() throws IOException {
    try {
      app.stop();
    } finally {
      try {
        jobs.close();
        metrics.close();
      } finally {
        index.close();
      }
    }
  }
}
