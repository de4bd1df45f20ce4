package cn.zhenxing.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhenxing.indexer.cli.CommandLine;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerStartTest {

  static ServerConfig parse(String... args) throws CommandLine.UsageException {
    return ServerMain.parse(new CommandLine("server", ServerMain.OPTIONS).parse(args), null);
  }

  @Test
  void options_have_defaults_and_are_validated(@TempDir Path dir) throws Exception {
    ServerConfig defaults = parse();
    assertEquals(7070, defaults.port());
    assertEquals(Path.of("data/index"), defaults.indexDir());
    assertEquals(Path.of("seeds"), defaults.seedsDir());
    assertEquals(8080, parse("--port", "8080").port());
    assertTrue(assertThrows(CommandLine.UsageException.class, () -> parse("--port", "http")).getMessage().contains("--port"));
    assertTrue(assertThrows(CommandLine.UsageException.class, () -> parse("--port", "70000")).getMessage().contains("--port"));
    assertTrue(assertThrows(CommandLine.UsageException.class, () -> parse("--bogus")).getMessage().contains("--bogus"));
    assertTrue(assertThrows(CommandLine.UsageException.class,
        () -> parse("--seeds", dir.resolve("nope").toString())).getMessage().contains("nope"));
    Path file = Files.writeString(dir.resolve("file"), "x");
    assertTrue(assertThrows(CommandLine.UsageException.class,
        () -> parse("--index", file.toString())).getMessage().contains("not a folder"));
    assertEquals(2 * Runtime.getRuntime().availableProcessors(), defaults.limits().searchSlots());
    assertEquals(3, parse("--search-threads", "3").limits().searchSlots());
    assertEquals(0, parse("--search-threads", "0").limits().searchSlots());
    assertEquals(7, parse("--search-threads", "3", "--rate-limit", "7").limits().requestsPerSecond());
    assertEquals(3, parse("--search-threads", "3", "--rate-limit", "7").limits().searchSlots());
    assertTrue(assertThrows(CommandLine.UsageException.class,
        () -> parse("--search-threads", "-1")).getMessage().contains("--search-threads"));
  }

  @Test
  void first_start_builds_from_seeds_and_later_starts_reuse_the_index(@TempDir Path dir) throws Exception {
    Path index = dir.resolve("index");
    String generation;
    try (TestServer s = TestServer.start(index)) {
      generation = s.server().index().generation().getFileName().toString();
      assertEquals(295, s.get("/health").json().get("paragraphs").asInt());
    }
    // Second start without seeds: the index is reused, not rebuilt.
    try (TestServer s = TestServer.start(TestServer.config(index)
        .withSeedsDir(dir.resolve("no-seeds")))) {
      assertEquals(generation, s.server().index().generation().getFileName().toString());
      assertEquals(295, s.get("/health").json().get("paragraphs").asInt());
    }
  }

  @Test
  void no_index_and_no_seeds_fails_with_a_message_naming_both(@TempDir Path dir) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Server.create(
        TestServer.config(dir.resolve("index")).withSeedsDir(dir.resolve("missing"))));
    assertTrue(e.getMessage().contains("missing") && e.getMessage().contains("index"), e.getMessage());
  }
}
