package cn.zhenxing.indexer.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;

/**
 * Analyses a string once and replays its tokens for every paragraph that repeats it. An article's title (and
 * a section's heading) is the same on each of its paragraphs; analysing it again for each costs as much
 * SmartChinese time as a short paragraph. One instance serves one article.
 */
final class CachedTokens {

  private record Token(String term, int start, int end, int posInc, int posLen) {}

  private final Analyzer analyzer;
  private final Map<String, List<Token>> cache = new HashMap<>();

  CachedTokens(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /** A fresh token stream over {@code text} as {@code field} would analyse it. */
  TokenStream stream(String field, String text) {
    return new Replay(cache.computeIfAbsent(field + '\u0000' + text, k -> analyze(field, text)));
  }

  private List<Token> analyze(String field, String text) {
    List<Token> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute posInc = ts.addAttribute(PositionIncrementAttribute.class);
      PositionLengthAttribute posLen = ts.addAttribute(PositionLengthAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(new Token(term.toString(), offset.startOffset(), offset.endOffset(),
            posInc.getPositionIncrement(), posLen.getPositionLength()));
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(out);
  }

  private static final class Replay extends TokenStream {
    private final List<Token> tokens;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
    private final PositionLengthAttribute posLen = addAttribute(PositionLengthAttribute.class);
    private int next;

    Replay(List<Token> tokens) {
      this.tokens = tokens;
    }

    @Override
    public boolean incrementToken() {
      if (next >= tokens.size()) {
        return false;
      }
      clearAttributes();
      Token t = tokens.get(next++);
      term.setEmpty().append(t.term());
      offset.setOffset(t.start(), t.end());
      posInc.setPositionIncrement(t.posInc());
      posLen.setPositionLength(t.posLen());
      return true;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      next = 0;
    }
  }
}
