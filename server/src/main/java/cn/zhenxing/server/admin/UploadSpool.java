package cn.zhenxing.server.admin;

import cn.zhenxing.server.http.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Copies a request body to a temporary file in fixed-size chunks, so an upload of any size costs no heap, and
 * refuses it with 413 as soon as it passes the limit. The reindex job then reads the file at its own pace,
 * after the request has been answered.
 */
public final class UploadSpool {

  private final Path dir;
  private final long maxBytes;

  public UploadSpool(Path dir, long maxBytes) {
    this.dir = dir;
    this.maxBytes = maxBytes;
  }

  /** Removes uploads a previous run left behind (a crash mid-upload or mid-job). */
  public void clean() throws IOException {
    if (Files.isDirectory(dir)) {
      try (var files = Files.list(dir)) {
        for (Path f : files.toList()) {
          Files.deleteIfExists(f);
        }
      }
    }
  }

  /**
   * Refuses a body whose declared length is over the limit. Call it before touching the body stream: a
   * client that sent {@code Expect: 100-continue} then gets the 413 without uploading anything.
   */
  public void checkDeclaredLength(long declaredLength) {
    if (declaredLength > maxBytes) {
      throw tooLarge(declaredLength);
    }
  }

  /** Spools {@code body} to a new file and returns it; the caller deletes it when done. */
  public Path spool(InputStream body, long declaredLength) throws IOException {
    checkDeclaredLength(declaredLength);
    Files.createDirectories(dir);
    Path file = Files.createTempFile(dir, "upload-", ".part");
    boolean ok = false;
    try (InputStream in = body; OutputStream out = Files.newOutputStream(file)) {
      byte[] buf = new byte[1 << 16];
      long total = 0;
      int n;
      while ((n = read(in, buf, total)) > 0) {
        total += n;
        if (total > maxBytes) {
          throw tooLarge(total);
        }
        try {
          out.write(buf, 0, n);
        } catch (IOException e) {
          throw new ApiException(503, null, "the upload could not be stored (" + e.getMessage()
              + "); nothing was indexed and the live index is unchanged");
        }
      }
      ok = true;
      return file;
    } finally {
      if (!ok) {
        Files.deleteIfExists(file);
      }
    }
  }

  /**
   * Reads the request body; a client that goes away mid-upload (or a body cut short) is the client's problem,
   * answered and logged as such rather than as a server error with a stack trace.
   */
  private static int read(InputStream in, byte[] buf, long readSoFar) {
    try {
      return in.read(buf);
    } catch (IOException e) {
      throw new ApiException(400, null, String.format(Locale.ROOT,
          "the upload broke off after %,d bytes (%s); nothing was indexed", readSoFar, e.getMessage()));
    }
  }

  private ApiException tooLarge(long size) {
    return new ApiException(413, null, String.format(Locale.ROOT,
        "the request body is larger than the limit of %,d bytes (got at least %,d)", maxBytes, size));
  }
}
