package cn.zhenxing.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhenxing.indexer.cli.CommandLine;
import cn.zhenxing.indexer.cli.IndexerCli;
import cn.zhenxing.indexer.index.IndexInUseException;
import cn.zhenxing.indexer.index.IndexLayout;
import cn.zhenxing.indexer.theme.Taxonomy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
  void an_index_folder_is_used_by_one_process_at_a_time(@TempDir Path dir) throws Exception {
    Path index = dir.resolve("index");
    try (TestServer s = TestServer.start(index)) {
      String generation = s.server().index().generation().getFileName().toString();
      IndexInUseException second = assertThrows(IndexInUseException.class, () -> Server.create(TestServer.config(index)));
      assertTrue(second.getMessage().contains("in use by another process"), second.getMessage());

      // An indexer run would switch the live generation under the server, whose later edits went to the old one
      // and were deleted at its next start as a leftover.
      java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
      int code = IndexerCli.run(new String[] {"--input", TestServer.seeds().toString(), "--index", index.toString()},
          new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true), new java.io.PrintStream(err, true), false);
      assertEquals(1, code);
      assertTrue(err.toString().contains("POST /api/admin/reindex"), err.toString());
      assertEquals(generation, new IndexLayout(index).current().orElseThrow().getFileName().toString());
      assertEquals(295, s.get("/health").json().get("paragraphs").asInt());
    }
    try (TestServer s = TestServer.start(index)) { // released when the first server closed
      assertEquals(295, s.get("/health").json().get("paragraphs").asInt());
    }
  }

  @Test
  void an_index_tagged_with_another_taxonomy_is_noticed(@TempDir Path dir) throws Exception {
    Path index = dir.resolve("index");
    try (TestServer s = TestServer.start(index)) {
      assertEquals(List.of(), Server.foreignThemes(s.server().index(), Taxonomy.defaults()));
    }
    String defaults;
    try (var in = Taxonomy.class.getResourceAsStream("/cn/zhenxing/indexer/themes.json")) {
      defaults = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    Path renamed = Files.writeString(dir.resolve("themes.json"), defaults.replace("\"id\": \"innovation\"", "\"id\": \"tech\""));
    Taxonomy other = Taxonomy.load(renamed);
    assertTrue(other.contains("tech"));
    try (TestServer s = TestServer.start(index)) {
      assertEquals(List.of("innovation"), Server.foreignThemes(s.server().index(), other));
    }
  }

  @Test
  void seeds_that_give_no_paragraph_give_no_index(@TempDir Path dir) throws Exception {
    Path index = dir.resolve("index");
    Files.createDirectories(dir.resolve("empty-seeds"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Server.create(
        TestServer.config(index).withSeedsDir(dir.resolve("empty-seeds"))));
    assertTrue(e.getMessage().contains("the seeds give none"), e.getMessage());
    assertTrue(new IndexLayout(index).current().isEmpty(), "nothing published that a later start would serve");
    try (TestServer s = TestServer.start(index)) { // the next start, with seeds, builds the index
      assertEquals(295, s.get("/health").json().get("paragraphs").asInt());
    }
  }

  @Test
  void no_index_and_no_seeds_fails_with_a_message_naming_both(@TempDir Path dir) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Server.create(
        TestServer.config(dir.resolve("index")).withSeedsDir(dir.resolve("missing"))));
    assertTrue(e.getMessage().contains("missing") && e.getMessage().contains("index"), e.getMessage());
  }

  @Test
  void a_folder_of_other_files_or_an_index_without_current_is_refused_and_kept(@TempDir Path dir) throws Exception {
    Path mine = dir.resolve("mine");
    Files.createDirectories(mine.resolve("docs"));
    Files.writeString(mine.resolve("report.txt"), "x");
    var e = assertThrows(cn.zhenxing.indexer.index.NotAnIndexFolderException.class,
        () -> Server.create(TestServer.config(mine)));
    assertTrue(e.getMessage().contains("holds no index (it has docs, report.txt)"), e.getMessage());
    assertTrue(Files.exists(mine.resolve("report.txt")) && Files.isDirectory(mine.resolve("docs")));

    Path index = dir.resolve("index");
    try (TestServer s = TestServer.start(index)) {
      assertEquals(295, s.get("/health").json().get("paragraphs").asInt());
    }
    Path live = new IndexLayout(index).current().orElseThrow();
    Files.delete(index.resolve("CURRENT"));
    e = assertThrows(cn.zhenxing.indexer.index.NotAnIndexFolderException.class,
        () -> Server.create(TestServer.config(index)));
    assertTrue(e.getMessage().contains("no CURRENT file"), e.getMessage());
    assertTrue(Files.isDirectory(live), "the index is not removed and rebuilt from the seeds");
    Files.writeString(index.resolve("CURRENT"), "gen-000009\n"); // a typo while following it
    e = assertThrows(cn.zhenxing.indexer.index.NotAnIndexFolderException.class,
        () -> Server.create(TestServer.config(index)));
    assertTrue(e.getMessage().contains("names a generation that does not exist"), e.getMessage());
    assertTrue(Files.isDirectory(live), "not removed as a leftover");
    // ... or a folder that holds no complete index (a crash mid-build, then CURRENT pointed at it)
    Files.createDirectories(index.resolve("gen-000005"));
    Files.writeString(index.resolve("gen-000005").resolve("_0.fdt"), "x");
    Files.writeString(index.resolve("CURRENT"), "gen-000005\n");
    e = assertThrows(cn.zhenxing.indexer.index.NotAnIndexFolderException.class,
        () -> Server.create(TestServer.config(index)));
    assertTrue(e.getMessage().contains("holds no complete index"), e.getMessage());
    assertTrue(e.getMessage().contains("to serve " + live.getFileName()), "only a complete index is suggested: " + e.getMessage());
    Files.write(index.resolve("CURRENT"), new byte[] {0, (byte) 0xff, 'x', '\n'});
    e = assertThrows(cn.zhenxing.indexer.index.NotAnIndexFolderException.class,
        () -> Server.create(TestServer.config(index)));
    assertTrue(e.getMessage().contains("is not the name of a generation"), e.getMessage());
    assertTrue(Files.isDirectory(live));
    Files.writeString(index.resolve("CURRENT"), live.getFileName() + "\n"); // what the message says to do
    try (TestServer s = TestServer.start(index)) {
      assertEquals(295, s.get("/health").json().get("paragraphs").asInt());
      assertEquals(live.getFileName().toString(), s.get("/health").json().get("generation").asText());
    }
  }
}
