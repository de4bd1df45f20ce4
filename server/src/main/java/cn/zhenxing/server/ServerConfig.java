package cn.zhenxing.server;

import java.nio.file.Path;

/**
 * Everything the server is configured with, parsed once in {@link ServerMain} and passed down; nothing below
 * main reads the environment or system properties.
 *
 * @param themesFile a taxonomy file, or null for the built-in one
 * @param adminToken the admin bearer token, or null when the admin API is switched off
 * @param maxUploadBytes the largest body {@code POST /api/admin/reindex} accepts (spooled to disk, not memory)
 * @param maxArticleBytes the largest body {@code PUT /api/admin/articles/{id}} accepts
 * @param synonymsFile a synonyms file to use and watch for changes, or null for the built-in rules
 * @param limits rate limiting and the search time limit
 */
public record ServerConfig(
    int port,
    Path indexDir,
    Path seedsDir,
    Path themesFile,
    String adminToken,
    int indexThreads,
    long maxUploadBytes,
    long maxArticleBytes,
    Path synonymsFile,
    Limits limits) {

  /**
   * Protection of the public API.
   *
   * @param requestsPerSecond sustained requests per second per client address (0 switches the limit off)
   * @param burst requests a client may make at once before the rate applies
   * @param queryTimeoutMillis a search still running after this answers with what it has, marked partial
   * @param cacheEntries recent search responses kept for repeated searches (0: no cache)
   * @param searchSlots searches run at once, the others wait their turn (0: no limit). Searches are pure CPU;
   *     two per core leave room for the HTTP work and the JIT beside them. Measured at 64 connections on 2 cores
   *     (bench mix, cache off): p99 202 ms with 4, 574 ms with no limit, for 550 vs 581 req/s.
   */
  public record Limits(double requestsPerSecond, int burst, long queryTimeoutMillis, int cacheEntries,
      int searchSlots) {
    /** Generous: a person never notices, a scraper hammering the API does. */
    public static final Limits DEFAULT =
        new Limits(20, 100, 2000, 1000, 2 * Runtime.getRuntime().availableProcessors());

    /** @param perSecond 0 switches the limit off; bursts of five seconds' worth are allowed */
    public Limits withRate(int perSecond) {
      return new Limits(perSecond, Math.max(perSecond * 5, 1), queryTimeoutMillis, cacheEntries, searchSlots);
    }

    public Limits withQueryTimeoutMillis(long millis) {
      return new Limits(requestsPerSecond, burst, millis, cacheEntries, searchSlots);
    }

    public Limits withCacheEntries(int entries) {
      return new Limits(requestsPerSecond, burst, queryTimeoutMillis, entries, searchSlots);
    }

    public Limits withSearchSlots(int slots) {
      return new Limits(requestsPerSecond, burst, queryTimeoutMillis, cacheEntries, slots);
    }
  }

  public static final int DEFAULT_PORT = 7070;
  public static final Path DEFAULT_INDEX = Path.of("data/index");
  public static final Path DEFAULT_SEEDS = Path.of("seeds");
  public static final long DEFAULT_MAX_UPLOAD_BYTES = 2L * 1024 * 1024 * 1024;
  public static final long DEFAULT_MAX_ARTICLE_BYTES = 16L * 1024 * 1024;

  public static ServerConfig defaults() {
    return new ServerConfig(DEFAULT_PORT, DEFAULT_INDEX, DEFAULT_SEEDS, null, null,
        Runtime.getRuntime().availableProcessors(), DEFAULT_MAX_UPLOAD_BYTES, DEFAULT_MAX_ARTICLE_BYTES, null, Limits.DEFAULT);
  }

  public ServerConfig withPort(int port) {
    return new ServerConfig(port, indexDir, seedsDir, themesFile, adminToken, indexThreads, maxUploadBytes, maxArticleBytes, synonymsFile, limits);
  }

  public ServerConfig withIndexDir(Path dir) {
    return new ServerConfig(port, dir, seedsDir, themesFile, adminToken, indexThreads, maxUploadBytes, maxArticleBytes, synonymsFile, limits);
  }

  public ServerConfig withSeedsDir(Path dir) {
    return new ServerConfig(port, indexDir, dir, themesFile, adminToken, indexThreads, maxUploadBytes, maxArticleBytes, synonymsFile, limits);
  }

  public ServerConfig withThemesFile(Path file) {
    return new ServerConfig(port, indexDir, seedsDir, file, adminToken, indexThreads, maxUploadBytes, maxArticleBytes, synonymsFile, limits);
  }

  public ServerConfig withAdminToken(String token) {
    return new ServerConfig(port, indexDir, seedsDir, themesFile, token, indexThreads, maxUploadBytes, maxArticleBytes, synonymsFile, limits);
  }

  public ServerConfig withSynonymsFile(Path file) {
    return new ServerConfig(port, indexDir, seedsDir, themesFile, adminToken, indexThreads, maxUploadBytes, maxArticleBytes, file, limits);
  }

  public ServerConfig withLimits(Limits l) {
    return new ServerConfig(port, indexDir, seedsDir, themesFile, adminToken, indexThreads, maxUploadBytes, maxArticleBytes, synonymsFile, l);
  }

  public ServerConfig withBodyLimits(long upload, long article) {
    return new ServerConfig(port, indexDir, seedsDir, themesFile, adminToken, indexThreads, upload, article, synonymsFile, limits);
  }
}
