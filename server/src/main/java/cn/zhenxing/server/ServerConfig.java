package cn.zhenxing.server;

import java.nio.file.Path;

/**
 * Everything the server is configured with, parsed once in {@link ServerMain} and passed down; nothing below
 * main reads the environment or system properties.
 *
 * @param themesFile a taxonomy file, or null for the built-in one
 * @param adminToken the admin bearer token, or null when the admin API is switched off
 */
public record ServerConfig(
    int port, Path indexDir, Path seedsDir, Path themesFile, String adminToken, int indexThreads) {

  public static final int DEFAULT_PORT = 7070;
  public static final Path DEFAULT_INDEX = Path.of("data/index");
  public static final Path DEFAULT_SEEDS = Path.of("seeds");

  public static ServerConfig defaults() {
    return new ServerConfig(DEFAULT_PORT, DEFAULT_INDEX, DEFAULT_SEEDS, null, null,
        Runtime.getRuntime().availableProcessors());
  }

  public ServerConfig withPort(int port) {
    return new ServerConfig(port, indexDir, seedsDir, themesFile, adminToken, indexThreads);
  }

  public ServerConfig withIndexDir(Path dir) {
    return new ServerConfig(port, dir, seedsDir, themesFile, adminToken, indexThreads);
  }

  public ServerConfig withSeedsDir(Path dir) {
    return new ServerConfig(port, indexDir, dir, themesFile, adminToken, indexThreads);
  }

  public ServerConfig withAdminToken(String token) {
    return new ServerConfig(port, indexDir, seedsDir, themesFile, token, indexThreads);
  }
}
