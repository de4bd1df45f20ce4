package cn.zhenxing.server.search;

import cn.zhenxing.indexer.analysis.ChineseAnalyzers;
import cn.zhenxing.indexer.index.IndexSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;

/**
 * Where a highlight query's character sequences occur in a text, found by string search instead of analysis.
 *
 * <p>The snippet query is made of character sequences of the bigram field: a run of Han characters is a chain
 * of overlapping bigrams (数字沈阳 = 数字 字沈 沈阳), which matches exactly where the text, normalised by the bigram
 * analyzer itself, contains that run; a Latin or digit token matches where it
 * stands between non-alphanumerics. Bigram analysis of a page of hits was measured at a quarter of all search
 * CPU (about 2 million characters per second); searching the strings costs a small fraction of that.
 *
 * <p>Anything else — a query part that is not such a sequence, or a text whose normalisation changes its
 * length — goes to the analysing strategy, so marks are never misplaced.
 */
final class SequenceOffsets extends FieldOffsetStrategy {

  /** Thread-safe for {@link Analyzer#normalize}, which builds no reusable components. */
  private static final Analyzer FOLDING = ChineseAnalyzers.bigrams();

  private final List<Sequence> sequences;
  private final Supplier<FieldOffsetStrategy> analysing;
  private FieldOffsetStrategy fallback;

  /**
   * A sequence to find, and the term it is reported as: as Lucene's match-based highlighting reports it (the
   * query's terms joined by spaces), so passages are scored and chosen exactly as with analysis.
   */
  record Sequence(String chars, boolean han, BytesRef term) {}

  private SequenceOffsets(UHComponents components, List<Sequence> sequences, Supplier<FieldOffsetStrategy> analysing) {
    super(components);
    this.sequences = sequences;
    this.analysing = analysing;
  }

  /**
   * The strategy for {@code query}: string search when every part of it is a sequence of the bigram field,
   * else {@code analysing}.
   */
  static FieldOffsetStrategy of(Query query, UHComponents components, Supplier<FieldOffsetStrategy> analysing) {
    return sequencesOf(query)
        .<FieldOffsetStrategy>map(found -> new SequenceOffsets(components, found, analysing))
        .orElseGet(analysing);
  }

  /** The normalised strings {@code query} marks, or empty when some part of it is not a plain sequence. */
  static Optional<List<Sequence>> sequencesOf(Query query) {
    List<Sequence> found = new ArrayList<>();
    return collect(query, found) ? Optional.of(List.copyOf(new LinkedHashSet<>(found))) : Optional.empty();
  }

  @Override
  public UnifiedHighlighter.OffsetSource getOffsetSource() {
    return UnifiedHighlighter.OffsetSource.ANALYSIS;
  }

  @Override
  public OffsetsEnum getOffsetsEnum(LeafReader reader, int docId, String content) throws IOException {
    String text = normalise(content);
    if (text == null) {
      if (fallback == null) {
        fallback = analysing.get();
      }
      return fallback.getOffsetsEnum(reader, docId, content);
    }
    List<OffsetsEnum> found = new ArrayList<>();
    for (Sequence s : sequences) {
      int[] starts = occurrences(text, s);
      if (starts.length > 0) {
        found.add(new Occurrences(s.term(), starts, s.chars().length()));
      }
    }
    return switch (found.size()) {
      case 0 -> OffsetsEnum.EMPTY;
      case 1 -> found.get(0);
      default -> new OffsetsEnum.MultiOffsetsEnum(found);
    };
  }

  private static int[] occurrences(String text, Sequence s) {
    List<Integer> starts = new ArrayList<>();
    String chars = s.chars();
    for (int at = text.indexOf(chars); at >= 0; at = text.indexOf(chars, at + 1)) {
      if (s.han() || (!isAlnum(text, at - 1) && !isAlnum(text, at + chars.length()))) {
        starts.add(at);
      }
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * The text as the bigram field's analyzer sees it (its own normalisation: width folding, simplification,
   * lower case), or null when that changes its length and offsets would no longer line up.
   */
  static String normalise(String content) {
    String quick = ChineseAnalyzers.foldedOrNull(content);
    if (quick != null) {
      return quick;
    }
    String folded = FOLDING.normalize(IndexSchema.TEXT_BIGRAMS, content).utf8ToString();
    return folded.length() == content.length() ? folded : null;
  }

  /** Adds the sequences of {@code query} to {@code out}; false when some part is not a plain sequence. */
  private static boolean collect(Query query, List<Sequence> out) {
    if (query instanceof MatchAllDocsQuery) {
      return true;
    }
    if (query instanceof BoostQuery boost) {
      return collect(boost.getQuery(), out);
    }
    if (query instanceof BooleanQuery bool) {
      for (BooleanClause clause : bool.clauses()) {
        if (clause.getOccur() != BooleanClause.Occur.MUST_NOT && !collect(clause.getQuery(), out)) {
          return false;
        }
      }
      return true;
    }
    if (query instanceof TermQuery term) {
      if (!IndexSchema.TEXT_BIGRAMS.equals(term.getTerm().field())) {
        return false;
      }
      String text = term.getTerm().text();
      boolean han = Chars.isHan(text);
      if (!han && !Chars.isAsciiAlnum(text)) {
        return false;
      }
      out.add(new Sequence(text, han, term.getTerm().bytes()));
      return true;
    }
    if (query instanceof PhraseQuery phrase) {
      String chain = bigramChain(phrase);
      if (chain == null) {
        return false;
      }
      StringBuilder joined = new StringBuilder();
      for (Term t : phrase.getTerms()) {
        joined.append(joined.length() == 0 ? "" : " ").append(t.text());
      }
      out.add(new Sequence(chain, true, new BytesRef(joined)));
      return true;
    }
    return false;
  }

  /** 数字 字沈 沈阳 at consecutive positions → 数字沈阳; null for any other phrase. */
  private static String bigramChain(PhraseQuery phrase) {
    Term[] terms = phrase.getTerms();
    int[] positions = phrase.getPositions();
    if (phrase.getSlop() != 0 || terms.length == 0) {
      return null;
    }
    StringBuilder chain = new StringBuilder();
    for (int i = 0; i < terms.length; i++) {
      String t = terms[i].text();
      if (!IndexSchema.TEXT_BIGRAMS.equals(terms[i].field()) || t.length() != 2 || !Chars.isHan(t)) {
        return null;
      }
      if (i == 0) {
        chain.append(t);
      } else if (positions[i] == positions[i - 1] + 1 && t.charAt(0) == chain.charAt(chain.length() - 1)) {
        chain.append(t.charAt(1));
      } else {
        return null;
      }
    }
    return chain.toString();
  }

  private static boolean isAlnum(String text, int at) {
    return at >= 0 && at < text.length() && Chars.isAsciiAlnum(text.charAt(at));
  }

  /** The occurrences of one sequence, in text order. */
  private static final class Occurrences extends OffsetsEnum {
    private final BytesRef term;
    private final int[] starts;
    private final int length;
    private int i = -1;

    Occurrences(BytesRef term, int[] starts, int length) {
      this.term = term;
      this.starts = starts;
      this.length = length;
    }

    @Override
    public boolean nextPosition() {
      return ++i < starts.length;
    }

    @Override
    public int freq() {
      return 1; // what match-based highlighting reports; passage scores then agree with it
    }

    @Override
    public BytesRef getTerm() {
      return term;
    }

    @Override
    public int startOffset() {
      return starts[i];
    }

    @Override
    public int endOffset() {
      return starts[i] + length;
    }
  }
}
