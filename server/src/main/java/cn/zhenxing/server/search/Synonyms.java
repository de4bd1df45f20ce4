package cn.zhenxing.server.search;

import cn.zhenxing.indexer.analysis.ChineseAnalyzers;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.util.graph.GraphTokenStreamFiniteStrings;

/**
 * Query-time synonyms and abbreviations from a Solr-format rules file. A query chunk is cut into character
 * units, run through Lucene's {@link SynonymGraphFilter}, and every path through the resulting token graph
 * becomes one way of writing the chunk: 自贸区建设 → 自贸区建设, 自贸试验区建设, 自由贸易试验区建设. Working on
 * characters makes a rule fire whatever SmartChinese would do with the words around it.
 */
public final class Synonyms {

  /** More ways of writing one chunk than this are not tried. */
  static final int MAX_VARIANTS = 8;

  public static final Synonyms NONE = new Synonyms(null, 0);

  private static final Analyzer UNITS = ChineseAnalyzers.synonymUnits();

  private final SynonymMap map;
  private final int rules;

  private Synonyms(SynonymMap map, int rules) {
    this.map = map;
    this.rules = rules;
  }

  /** Parses rules; a malformed rule fails with the parser's message and line. */
  public static Synonyms parse(Reader rules, String name) throws IOException {
    SolrSynonymParser parser = new SolrSynonymParser(true, true, UNITS);
    String text = read(rules);
    try {
      parser.parse(new java.io.StringReader(text));
      SynonymMap map = parser.build();
      int count = (int) text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).count();
      return new Synonyms(map.fst == null ? null : map, count);
    } catch (ParseException e) {
      throw new IllegalArgumentException("synonyms " + name + ": " + e.getMessage() + " (line " + e.getErrorOffset() + ")", e);
    }
  }

  /** How many rule lines were loaded. */
  public int rules() {
    return rules;
  }

  /** The ways of writing {@code chunk}, the original first; just the original when no rule applies. */
  public List<String> variants(String chunk) {
    if (map == null) {
      return List.of(chunk);
    }
    List<String> paths = new java.util.ArrayList<>();
    try (TokenStream ts = new SynonymGraphFilter(UNITS.tokenStream("q", chunk), map, true)) {
      Iterator<TokenStream> it = new GraphTokenStreamFiniteStrings(ts).getFiniteStrings();
      while (it.hasNext() && paths.size() <= MAX_VARIANTS) {
        paths.add(join(it.next()));
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // The unit analyzer is reused per thread, so the paths are compared only after its stream is closed.
    String original = normalized(chunk);
    Set<String> out = new LinkedHashSet<>();
    out.add(chunk); // the user's own spelling first, punctuation and all
    for (String path : paths) {
      if (!normalized(path).equals(original)) {
        out.add(path);
      }
    }
    return List.copyOf(out);
  }

  /**
   * Where in {@code chunk} its rules match: from the first character a rule rewrites to the end of the last, or
   * null when none does (the chunk 东北地区如何推进国企改革 is rewritten only at 国企改革).
   */
  public int[] rewritten(String chunk) {
    if (map == null) {
      return null;
    }
    int start = Integer.MAX_VALUE;
    int end = -1;
    try (TokenStream ts = new SynonymGraphFilter(UNITS.tokenStream("q", chunk), map, true)) {
      TypeAttribute type = ts.addAttribute(TypeAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        if (SynonymGraphFilter.TYPE_SYNONYM.equals(type.type())) {
          start = Math.min(start, offset.startOffset());
          end = Math.max(end, offset.endOffset());
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return end < 0 ? null : new int[] {start, end};
  }

  private static String join(TokenStream path) throws IOException {
    StringBuilder sb = new StringBuilder();
    CharTermAttribute term = path.addAttribute(CharTermAttribute.class);
    path.reset();
    boolean lastLatin = false;
    while (path.incrementToken()) {
      String t = term.toString();
      boolean latin = !t.isEmpty() && t.charAt(0) < 128;
      if (latin && lastLatin) {
        sb.append(' ');
      }
      sb.append(t);
      lastLatin = latin;
    }
    path.end();
    path.close();
    return sb.toString();
  }

  private static String normalized(String s) {
    StringBuilder sb = new StringBuilder();
    try (TokenStream ts = UNITS.tokenStream("q", s)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        sb.append(term).append(' ');
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sb.toString();
  }

  private static String read(Reader r) throws IOException {
    StringBuilder sb = new StringBuilder();
    char[] buf = new char[4096];
    int n;
    while ((n = r.read(buf)) > 0) {
      sb.append(buf, 0, n);
    }
    return sb.toString();
  }
}
