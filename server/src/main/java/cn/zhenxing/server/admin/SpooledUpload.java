package cn.zhenxing.server.admin;

import cn.zhenxing.indexer.article.ArticleInput;
import cn.zhenxing.indexer.article.ArticleSource;
import cn.zhenxing.indexer.article.JsonLinesArticleReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/** A JSON Lines upload spooled to disk (optionally gzip-compressed), read as an article source, then deleted. */
final class SpooledUpload implements JobManager.JobInput, ArticleSource {

  static final String NAME = "request body";

  private final Path file;
  private final boolean gzip;

  SpooledUpload(Path file, boolean gzip) {
    this.file = file;
    this.gzip = gzip;
  }

  @Override
  public ArticleSource source() {
    return this;
  }

  /**
   * Reads the upload. One that breaks off (gzip data damaged or cut short) fails the job even when bad lines
   * are skipped: an upload is one stream, and a broken transfer would otherwise replace the whole index with
   * the part that arrived.
   */
  @Override
  public void read(Consumer<ArticleInput> sink) throws IOException {
    try (InputStream in = open(); JsonLinesArticleReader reader = new JsonLinesArticleReader(in, NAME)) {
      reader.forEachRemaining(sink);
      if (reader.brokeOff()) {
        throw new BrokenUpload();
      }
    }
  }

  /** The upload's data breaks off before its end. */
  static final class BrokenUpload extends IOException {
    BrokenUpload() {
      super("the upload's gzip data is damaged or cut short (see the rejected line), so none of it is used:"
          + " send the whole file again");
    }
  }

  @Override
  public OptionalLong expectedArticles() {
    long lines = 0;
    boolean lastWasNewline = true;
    try (InputStream in = open()) {
      byte[] buf = new byte[1 << 16];
      int n;
      while ((n = in.read(buf)) > 0) {
        for (int i = 0; i < n; i++) {
          if (buf[i] == '\n') {
            lines++;
          }
        }
        lastWasNewline = buf[n - 1] == '\n';
      }
    } catch (IOException e) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(lastWasNewline ? lines : lines + 1);
  }

  /**
   * The upload's lines. Gzip data is read as such whatever the request declared: a .jsonl.gz sent as
   * application/x-ndjson had failed line by line as "not UTF-8" (7,244 rejected lines for one mistake), and a
   * file compressed twice the same way; declared gzip but not, it is one clear error instead of the
   * decompressor's "Not in GZIP format".
   */
  private InputStream open() throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    if (gzip && !startsWithGzip(in)) {
      in.close();
      throw new NotGzip();
    }
    while (startsWithGzip(in)) {
      in = new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
    }
    return in;
  }

  private static boolean startsWithGzip(InputStream in) throws IOException {
    in.mark(2);
    int a = in.read();
    int b = in.read();
    in.reset();
    return a == 0x1f && b == 0x8b;
  }

  /** Declared gzip, the upload is not. */
  static final class NotGzip extends IOException {
    NotGzip() {
      super("the upload is declared gzip (Content-Type or Content-Encoding) but is not gzip data: send it as "
          + "application/x-ndjson without Content-Encoding, or compress it");
    }
  }

  @Override
  public void cleanUp() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // Left for the next start's cleanup.
    }
  }
}
