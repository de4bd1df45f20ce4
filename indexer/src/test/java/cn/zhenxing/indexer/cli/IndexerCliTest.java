package cn.zhenxing.indexer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.zhenxing.indexer.Seeds;
import cn.zhenxing.indexer.index.IndexLayout;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexerCliTest {

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = IndexerCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), false);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void indexes_the_seeds_and_prints_a_summary_with_skipped_inputs(@TempDir Path dir) throws Exception {
    Path notes = java.nio.file.Files.writeString(dir.resolve("notes.docx"), "not an article");
    Path link = java.nio.file.Files.createSymbolicLink(dir.resolve("seeds-link"), Seeds.folder().toAbsolutePath());
    Run r = run("--input", Seeds.folder().toString(), notes.toString(), Seeds.folder().toString(), link.toString(),
        "--index", dir.resolve("index").toString(), "--threads", "2");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("5 articles, 295 paragraphs"), "a folder given twice is read once: " + r.out());
    assertTrue(r.out().contains("1 skipped"), r.out());
    assertTrue(r.out().contains("skipped " + notes), r.out());
    assertTrue(new IndexLayout(dir.resolve("index")).current().isPresent());
  }

  @Test
  void a_missing_input_stops_the_run_before_the_live_index_is_replaced(@TempDir Path dir) {
    Path index = dir.resolve("index");
    assertEquals(0, run("--input", Seeds.folder().toString(), "--index", index.toString()).code());
    Path live = new IndexLayout(index).current().orElseThrow();
    Run r = run("--input", Seeds.folder().resolve("shenyang-revitalization.txt").toString(),
        dir.resolve("typo.jsonl").toString(), "--index", index.toString());
    assertEquals(2, r.code(), r.out());
    assertTrue(r.err().contains(dir.resolve("typo.jsonl") + ": no such file or folder"), r.err());
    assertTrue(r.err().contains("the live index is unchanged"), r.err());
    assertEquals(live, new IndexLayout(index).current().orElseThrow());
  }

  @Test
  void a_folder_that_holds_no_index_is_refused_and_nothing_in_it_deleted(@TempDir Path dir) throws Exception {
    Path folder = dir.resolve("mine");
    java.nio.file.Files.createDirectories(folder.resolve("gen-000009"));
    java.nio.file.Files.writeString(folder.resolve("gen-000009").resolve("notes.txt"), "x");
    java.nio.file.Files.createDirectories(folder.resolve("uploads"));
    java.nio.file.Files.writeString(folder.resolve("uploads").resolve("important.txt"), "x");
    Run r = run("--input", Seeds.folder().toString(), "--index", folder.toString());
    assertEquals(1, r.code(), r.out());
    assertTrue(r.err().contains("is not empty and holds no index (it has uploads)"), r.err());
    assertEquals(2, java.nio.file.Files.list(folder).count(), "not even a lock file was left in it");
    assertTrue(java.nio.file.Files.exists(folder.resolve("uploads").resolve("important.txt")));
    assertTrue(java.nio.file.Files.exists(folder.resolve("gen-000009").resolve("notes.txt")));

    // A complete index whose CURRENT was lost: never rebuilt over or removed.
    Path index = dir.resolve("index");
    assertEquals(0, run("--input", Seeds.folder().toString(), "--index", index.toString()).code());
    Path live = new IndexLayout(index).current().orElseThrow();
    java.nio.file.Files.delete(index.resolve("CURRENT"));
    r = run("--input", Seeds.folder().toString(), "--index", index.toString());
    assertEquals(1, r.code(), r.out());
    assertTrue(r.err().contains("has the generation folder(s) " + live.getFileName() + " but no CURRENT"), r.err());
    assertTrue(r.err().contains("echo " + live.getFileName() + " > "), r.err());
    assertTrue(java.nio.file.Files.isDirectory(live));
  }

  @Test
  void a_built_index_is_one_segment(@TempDir Path dir) throws Exception {
    // Two threads write two segments; a bulk-built generation is merged so each query term is looked up once.
    Run r = run("--input", Seeds.folder().toString(), "--index", dir.resolve("index").toString(), "--threads", "2");
    assertEquals(0, r.code(), r.err());
    Path generation = new IndexLayout(dir.resolve("index")).current().orElseThrow();
    try (var directory = org.apache.lucene.store.FSDirectory.open(generation);
        var reader = org.apache.lucene.index.DirectoryReader.open(directory)) {
      assertEquals(1, reader.leaves().size());
      assertEquals(295, reader.numDocs());
    }
    assertTrue(r.out().contains("merge into one segment and commit"), r.out());
  }

  @Test
  void an_input_with_nothing_to_index_fails_and_keeps_the_live_index(@TempDir Path dir) throws Exception {
    Path index = dir.resolve("index");
    assertEquals(0, run("--input", Seeds.folder().toString(), "--index", index.toString()).code());
    Path live = new IndexLayout(index).current().orElseThrow();
    Path bad = java.nio.file.Files.writeString(dir.resolve("bad.jsonl"), "{not json\n{\"id\":\"a\"}\n");
    java.nio.file.Files.createDirectories(dir.resolve("empty"));
    for (Path input : new Path[] {bad, dir.resolve("empty")}) {
      Run r = run("--input", input.toString(), "--index", index.toString());
      assertEquals(1, r.code(), r.out());
      assertTrue(r.err().contains("the live index is unchanged"), r.err());
      assertEquals(live, new IndexLayout(index).current().orElseThrow());
    }
    Run r = run("--input", bad.toString(), "--index", index.toString());
    assertTrue(r.err().contains("none of the input could be indexed (2 input(s) skipped"), r.err());
    assertTrue(r.out().contains("bad.jsonl:1"), r.out());
    try (java.util.stream.Stream<Path> entries = java.nio.file.Files.list(index)) {
      assertEquals(1, entries.filter(p -> p.getFileName().toString().startsWith("gen-")).count(),
          "the failed builds' folders were removed");
    }
    try (var directory = org.apache.lucene.store.FSDirectory.open(live);
        var reader = org.apache.lucene.index.DirectoryReader.open(directory)) {
      assertEquals(295, reader.numDocs());
    }
  }

  @Test
  void an_index_folder_held_by_another_process_is_left_alone(@TempDir Path dir) throws Exception {
    Path index = dir.resolve("index");
    try (var held = new IndexLayout(index).lock()) {
      Run r = run("--input", Seeds.folder().toString(), "--index", index.toString());
      assertEquals(1, r.code());
      assertTrue(r.err().contains("is in use by another process"), r.err());
      assertTrue(new IndexLayout(index).current().isEmpty());
    }
    assertEquals(0, run("--input", Seeds.folder().toString(), "--index", index.toString()).code());
  }

  @Test
  void usage_errors_name_the_option(@TempDir Path dir) {
    assertEquals(2, run("--index", dir.toString()).code());
    Run unknown = run("--input", "x", "--frobnicate");
    assertEquals(2, unknown.code());
    assertTrue(unknown.err().contains("unknown option --frobnicate"), unknown.err());
    Run threads = run("--input", "x", "--threads", "many");
    assertTrue(threads.err().contains("--threads must be a whole number"), threads.err());
    Run onError = run("--input", "x", "--on-error", "ignore");
    assertTrue(onError.err().contains("--on-error must be skip or abort"), onError.err());
    Run help = run("--help");
    assertEquals(0, help.code());
    assertTrue(help.out().contains("--input PATH..."), help.out());
  }
}
