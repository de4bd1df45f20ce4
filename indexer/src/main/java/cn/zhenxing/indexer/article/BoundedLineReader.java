package cn.zhenxing.indexer.article;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Reads UTF-8 lines like {@link java.io.BufferedReader#readLine()}, but never holds more than {@code maxChars}
 * of one line (a longer line is consumed and reported as {@link #OVERSIZED}, so one huge line cannot exhaust
 * memory), and decodes each line on its own: a line in another encoding is reported as {@link #NOT_UTF8} and
 * the next line is read as usual. (Decoding the stream as a whole, the decoder met such a line while reading
 * ahead and failed a whole buffer of good lines before it.)
 */
final class BoundedLineReader implements AutoCloseable {

  /** Returned instead of a line that was longer than the limit. */
  static final String OVERSIZED = new String("\u0000oversized");
  /** Returned instead of a line whose bytes are not UTF-8. */
  static final String NOT_UTF8 = new String("\u0000not-utf8");

  private final InputStream in;
  private final int maxChars;
  /** UTF-8 needs at most 3 bytes for one UTF-16 char, so a line within the limit fits in this many bytes. */
  private final long maxBytes;
  private final byte[] buf = new byte[64 * 1024];
  private int pos;
  private int len;
  private boolean eof;
  private byte[] line = new byte[1024];
  private final CharsetDecoder decoder = StrictText.decoder(StandardCharsets.UTF_8);

  BoundedLineReader(InputStream in, int maxChars) {
    this.in = in;
    this.maxChars = maxChars;
    this.maxBytes = 3L * maxChars;
  }

  /** The next line without its terminator, {@link #OVERSIZED}, {@link #NOT_UTF8}, or null at the end of input. */
  String readLine() throws IOException {
    int n = 0;
    boolean oversized = false;
    boolean any = false;
    while (true) {
      if (pos >= len) {
        if (eof || !fill()) {
          if (!any) {
            return null;
          }
          break;
        }
      }
      any = true;
      int start = pos;
      while (pos < len && buf[pos] != '\n') {
        pos++;
      }
      int chunk = pos - start;
      if (!oversized) {
        if (n + (long) chunk > maxBytes) {
          oversized = true;
        } else {
          if (n + chunk > line.length) {
            line = java.util.Arrays.copyOf(line, (int) Math.min(maxBytes, Math.max(2L * line.length, n + chunk)));
          }
          System.arraycopy(buf, start, line, n, chunk);
          n += chunk;
        }
      }
      if (pos < len) {
        pos++; // the newline
        break;
      }
    }
    if (oversized) {
      return OVERSIZED;
    }
    if (n > 0 && line[n - 1] == '\r') {
      n--;
    }
    String text;
    try {
      text = decoder.reset().decode(ByteBuffer.wrap(line, 0, n)).toString();
    } catch (CharacterCodingException e) {
      return NOT_UTF8;
    }
    return text.length() > maxChars ? OVERSIZED : text;
  }

  private boolean fill() throws IOException {
    int n = in.read(buf, 0, buf.length);
    if (n <= 0) {
      eof = true;
      return false;
    }
    pos = 0;
    len = n;
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
