package cn.zhenxing.indexer.analysis;

import java.io.IOException;
import java.io.Reader;
import org.apache.lucene.analysis.CharFilter;

/**
 * A char filter that reads its whole input first and then serves what {@link #filter} makes of it: our texts
 * are paragraphs, and deciding once per text whether anything needs changing lets most texts pass untouched.
 */
abstract class WholeTextCharFilter extends CharFilter {
  private Reader out;
  /** {@link #out} when it is a char filter, whose offset corrections then apply; else null. */
  private CharFilter corrections;

  WholeTextCharFilter(Reader in) {
    super(in);
  }

  /** What to serve for {@code text}; a CharFilter returned here corrects the offsets too. */
  abstract Reader filter(String text);

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (out == null) {
      out = filter(readAll(input));
      corrections = out instanceof CharFilter c ? c : null;
    }
    return out.read(cbuf, off, len);
  }

  @Override
  protected int correct(int currentOff) {
    return corrections == null ? currentOff : corrections.correctOffset(currentOff);
  }

  static String readAll(Reader in) throws IOException {
    StringBuilder sb = new StringBuilder();
    char[] buf = new char[1024];
    for (int n = in.read(buf); n > 0; n = in.read(buf)) {
      sb.append(buf, 0, n);
    }
    return sb.toString();
  }
}
