package cn.zhenxing.server;

import cn.zhenxing.indexer.cli.CommandLine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar zhenxing-server.jar [--port N] [--index DIR] [--seeds DIR]}: parses options and the
 * environment, then starts the {@link Server}. Bad options fail at once with a message naming them.
 */
public final class ServerMain {

  private static final Logger LOG = LoggerFactory.getLogger(ServerMain.class);

  static final List<CommandLine.Option> OPTIONS = List.of(
      new CommandLine.Option("port", "N", false, "HTTP port (default 7070)"),
      new CommandLine.Option("index", "DIR", false, "index folder (default data/index)"),
      new CommandLine.Option("seeds", "DIR", false, "documents indexed when there is no index yet (default seeds)"),
      new CommandLine.Option("themes", "FILE", false, "theme taxonomy JSON (default: the built-in one)"),
      new CommandLine.Option("max-upload-mb", "N", false, "largest reindex upload in MiB (default 2048)"),
      new CommandLine.Option("synonyms", "FILE", false, "query synonyms, reloaded when the file changes (default: built-in)"),
      new CommandLine.Option("rate-limit", "N", false, "requests per second per client on the public API, 0 = off (default 20, bursts of 100)"),
      new CommandLine.Option("query-timeout-ms", "N", false, "a search running longer answers with partial results (default 2000)"),
      new CommandLine.Option("cache-entries", "N", false, "search responses cached for repeated searches, 0 = off (default 1000)"),
      new CommandLine.Option("search-threads", "N", false, "searches run at once, others wait their turn; 0 = no limit (default: two per core)"),
      new CommandLine.Option("help", null, false, "show this help"));

  private static final String SUMMARY = """
      Zhenxing Search server: the search page at http://localhost:PORT/ and the JSON API under /api.
      Environment: ZHENXING_ADMIN_TOKEN enables the admin API (Authorization: Bearer <token>).""";

  private ServerMain() {}

  public static void main(String[] args) {
    ServerConfig config;
    CommandLine cl = new CommandLine("java -jar zhenxing-server.jar", OPTIONS);
    try {
      cl.parse(args);
      if (cl.has("help")) {
        System.out.print(cl.help(SUMMARY));
        return;
      }
      config = parse(cl, System.getenv("ZHENXING_ADMIN_TOKEN"));
    } catch (CommandLine.UsageException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(2);
      return;
    }
    if (!portIsFree(config.port())) {
      // Checked before the index opens (a first start builds it from the seeds), not after.
      System.err.println("error: port " + config.port() + " is in use by another program (--port N)");
      System.exit(1);
      return;
    }
    try {
      Server server = Server.create(config).start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          server.close();
        } catch (Exception e) {
          LOG.warn("Error while shutting down", e);
        }
      }, "shutdown"));
      LOG.info("Zhenxing Search is ready at http://localhost:{}/ (admin API {})", server.port(),
          config.adminToken() == null ? "off: set ZHENXING_ADMIN_TOKEN to enable it" : "on");
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(2);
    } catch (cn.zhenxing.indexer.index.IndexInUseException | cn.zhenxing.indexer.index.NotAnIndexFolderException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(1);
    } catch (java.nio.file.FileSystemException e) {
      // A path the file system refuses (too long, a file where a folder should be, no permission): the
      // path and the reason are the whole story.
      System.err.println("error: the server could not start: " + e.getFile() + ": " + e.getReason());
      System.exit(1);
    } catch (Exception e) {
      System.err.println("error: the server could not start: " + e);
      LOG.error("Start-up failed", e);
      System.exit(1);
    }
  }

  private static boolean portIsFree(int port) {
    if (port == 0) {
      return true;
    }
    try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
      socket.setReuseAddress(true); // as Jetty binds, so a port in TIME_WAIT counts as free
      socket.bind(new java.net.InetSocketAddress(port));
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  static ServerConfig parse(CommandLine cl, String adminToken) throws CommandLine.UsageException {
    ServerConfig config = ServerConfig.defaults()
        .withPort(cl.intValue("port", ServerConfig.DEFAULT_PORT, 0, 65535))
        .withIndexDir(Path.of(cl.get("index", ServerConfig.DEFAULT_INDEX.toString())))
        .withSeedsDir(Path.of(cl.get("seeds", ServerConfig.DEFAULT_SEEDS.toString())));
    if (cl.has("seeds") && !Files.isDirectory(config.seedsDir())) {
      throw new CommandLine.UsageException("--seeds " + config.seedsDir() + " is not a folder");
    }
    Path index = config.indexDir();
    if (Files.exists(index) && !Files.isDirectory(index)) {
      throw new CommandLine.UsageException("--index " + index + " exists and is not a folder");
    }
    if (cl.has("themes")) {
      Path themes = Path.of(cl.get("themes", ""));
      if (!Files.isRegularFile(themes)) {
        throw new CommandLine.UsageException("--themes " + themes + " is not a file");
      }
      config = config.withThemesFile(themes);
    }
    ServerConfig.Limits limits = ServerConfig.Limits.DEFAULT;
    if (cl.has("rate-limit")) {
      limits = limits.withRate(cl.intValue("rate-limit", 20, 0, 1_000_000));
    }
    if (cl.has("query-timeout-ms")) {
      limits = limits.withQueryTimeoutMillis(cl.intValue("query-timeout-ms", 2000, 1, 600_000));
    }
    if (cl.has("cache-entries")) {
      limits = limits.withCacheEntries(cl.intValue("cache-entries", 1000, 0, 1_000_000));
    }
    if (cl.has("search-threads")) {
      limits = limits.withSearchSlots(cl.intValue("search-threads", limits.searchSlots(), 0, 10_000));
    }
    config = config.withLimits(limits);
    if (cl.has("synonyms")) {
      Path synonyms = Path.of(cl.get("synonyms", ""));
      if (!Files.isRegularFile(synonyms)) {
        throw new CommandLine.UsageException("--synonyms " + synonyms + " is not a file");
      }
      config = config.withSynonymsFile(synonyms);
    }
    if (cl.has("max-upload-mb")) {
      long mb = cl.intValue("max-upload-mb", 2048, 1, 1 << 20);
      config = config.withBodyLimits(mb * 1024 * 1024, Math.min(mb * 1024 * 1024, ServerConfig.DEFAULT_MAX_ARTICLE_BYTES));
    }
    if (adminToken != null && !adminToken.isBlank()) {
      config = config.withAdminToken(adminToken.strip());
    }
    return config;
  }
}
