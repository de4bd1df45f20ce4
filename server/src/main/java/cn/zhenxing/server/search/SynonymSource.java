package cn.zhenxing.server.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The synonyms in force: the built-in rules, or a file an admin edits. A file is checked for changes at
 * most every few seconds when queries come in and reloaded without a reindex; a broken edit is logged and
 * the previous rules stay in force.
 */
public final class SynonymSource {

  private static final Logger LOG = LoggerFactory.getLogger(SynonymSource.class);
  static final String BUILT_IN = "/cn/zhenxing/indexer/synonyms.txt";
  static final long CHECK_EVERY_NANOS = 2_000_000_000L;

  private final Path file;
  private volatile Synonyms current;
  private volatile FileTime loadedVersion;
  private volatile FileTime refusedVersion;
  private volatile long lastCheck = System.nanoTime();

  /** @param file a rules file to watch, or null for the built-in rules */
  public SynonymSource(Path file) {
    this.file = file;
    this.current = load();
  }

  /** The rules in force, reloading the file first if it changed. */
  public Synonyms current() {
    if (file != null && System.nanoTime() - lastCheck > CHECK_EVERY_NANOS) {
      lastCheck = System.nanoTime();
      try {
        FileTime version = Files.getLastModifiedTime(file);
        if (!version.equals(loadedVersion) && !version.equals(refusedVersion)) {
          try {
            reload();
          } catch (UncheckedIOException | IllegalArgumentException e) {
            refusedVersion = version; // said once, not every few seconds until the file is mended
            throw e;
          }
        }
      } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
        // A search must not fail because an admin saved a broken file: the rules in force stay.
        LOG.error("Keeping the previous synonyms: {}", e.getMessage());
      }
    }
    return current;
  }

  /** Reloads now; throws (keeping the old rules) when the file is unreadable or malformed. */
  public Synonyms reload() {
    Synonyms fresh = load();
    current = fresh;
    LOG.info("Loaded {} synonym rules from {}", fresh.rules(), file == null ? "the built-in list" : file);
    return fresh;
  }

  public String origin() {
    return file == null ? "built-in" : file.toString();
  }

  private Synonyms load() {
    try {
      if (file == null) {
        try (InputStream in = SynonymSource.class.getResourceAsStream(BUILT_IN);
            Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
          return Synonyms.parse(r, BUILT_IN);
        }
      }
      FileTime version = Files.getLastModifiedTime(file);
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        Synonyms s = Synonyms.parse(r, file.toString());
        loadedVersion = version;
        return s;
      }
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new UncheckedIOException("synonyms file " + origin() + " is not UTF-8 text: save it as UTF-8", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read synonyms file " + origin() + ": " + e, e);
    }
  }
}
