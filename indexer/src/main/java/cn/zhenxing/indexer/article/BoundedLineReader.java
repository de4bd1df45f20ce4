package cn.zhenxing.indexer.article;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines like {@link java.io.BufferedReader#readLine()}, but never holds more than {@code maxChars} of
 * one line: a longer line is consumed and reported as {@link #OVERSIZED} so one huge line in a stream cannot
 * exhaust memory.
 */
final class BoundedLineReader implements AutoCloseable {

  /** Returned instead of a line that was longer than the limit. */
  static final String OVERSIZED = new String("\u0000oversized");

  private final Reader in;
  private final int maxChars;
  private final char[] buf = new char[64 * 1024];
  private int pos;
  private int len;
  private boolean eof;

  BoundedLineReader(Reader in, int maxChars) {
    this.in = in;
    this.maxChars = maxChars;
  }

  /** The next line without its terminator, {@link #OVERSIZED}, or null at the end of input. */
  String readLine() throws IOException {
    StringBuilder line = new StringBuilder();
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
      if (!oversized) {
        line.append(buf, start, pos - start);
        if (line.length() > maxChars) {
          oversized = true;
          line.setLength(0);
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
    int n = line.length();
    if (n > 0 && line.charAt(n - 1) == '\r') {
      line.setLength(n - 1);
    }
    return line.toString();
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
