package cn.zhenxing.server.search;

import cn.zhenxing.indexer.analysis.ChineseAnalyzers;
import cn.zhenxing.indexer.index.IndexSchema;
import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Snippets with matches wrapped in {@code <mark>}, two passages of about 120 characters per hit, chosen and
 * formatted by Lucene's UnifiedHighlighter. The highlight query holds character sequences of the bigram field;
 * where they occur in each hit's stored text (already loaded for the hit list, so not read twice) is found by
 * {@link SequenceOffsets} — string search over the normalised text — or, for anything else, by analysing the text
 * with the bigram analyzer into a one-document memory index. A bigram-only match (沈阳 inside 沈阳市) is marked
 * exactly where it is.
 *
 * <p>Why not the offsets stored in the postings: finding each phrase of the query there means a terms-dictionary
 * seek per term, per segment, per hit, which JFR showed at a quarter of all search time on the 1M bench index.
 */
final class Highlighting {

  static final int PASSAGES = 2;
  static final int PASSAGE_LENGTH = 120;
  static final int MAX_LENGTH = 100_000;

  /** The query's terms are in the bigram field; the analysed text is indexed under the text field's name. */
  private static final Set<String> QUERY_FIELDS = Set.of(IndexSchema.TEXT, IndexSchema.TEXT_BIGRAMS);
  private static final PassageScoring SCORER = new PassageScoring();
  private static final DefaultPassageFormatter FORMATTER =
      new DefaultPassageFormatter("<mark>", "</mark>", "… ", true);

  /** Analyses any field as the bigram field is indexed: the text field's content is what gets highlighted. */
  private final Analyzer bigrams = ChineseAnalyzers.bigrams();
  private final boolean findStrings;

  Highlighting() {
    this(true);
  }

  /** @param findStrings find the query's sequences by string search (else by analysis; tests compare both) */
  Highlighting(boolean findStrings) {
    this.findStrings = findStrings;
  }

  /**
   * One snippet per hit marking {@code query}, or, for a hit where it marks nothing, {@code fallback} (what was
   * typed whole, else its words: 营商环境 where written, 营商 and 环境 elsewhere). {@code fallback} may be
   * {@code query} itself, when there is nothing else to mark.
   */
  String[] snippets(IndexSearcher searcher, Query query, Query fallback, ScoreDoc[] hits, String[] texts)
      throws IOException {
    String[] out = snippets(searcher, query, hits, texts);
    if (fallback == query) {
      return out;
    }
    List<Integer> unmarked = new ArrayList<>();
    for (int i = 0; i < hits.length; i++) {
      if (!out[i].contains("<mark>")) {
        unmarked.add(i);
      }
    }
    if (unmarked.isEmpty()) {
      return out;
    }
    ScoreDoc[] again = new ScoreDoc[unmarked.size()];
    String[] againTexts = new String[unmarked.size()];
    for (int k = 0; k < again.length; k++) {
      again[k] = hits[unmarked.get(k)];
      againTexts[k] = texts[unmarked.get(k)];
    }
    String[] byFallback = snippets(searcher, fallback, again, againTexts);
    for (int k = 0; k < again.length; k++) {
      out[unmarked.get(k)] = byFallback[k];
    }
    return out;
  }

  /**
   * One snippet per hit, in the order of {@code hits}; an escaped leading passage when nothing matched.
   *
   * @param texts the stored text of each hit, in the same order
   */
  String[] snippets(IndexSearcher searcher, Query query, ScoreDoc[] hits, String[] texts) throws IOException {
    Map<Integer, String> textOf = new HashMap<>();
    for (int i = 0; i < hits.length; i++) {
      String text = texts[i] == null ? "" : texts[i];
      textOf.put(hits[i].doc, text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) : text);
    }
    UnifiedHighlighter.Builder builder =
        UnifiedHighlighter.builder(searcher, bigrams)
            .withFieldMatcher(QUERY_FIELDS::contains)
            .withFormatter(FORMATTER)
            .withScorer(SCORER)
            .withBreakIterator(
                () -> LengthGoalBreakIterator.createClosestToLength(
                    BreakIterator.getSentenceInstance(Locale.CHINESE), PASSAGE_LENGTH, 0.3f))
            .withMaxLength(MAX_LENGTH);
    UnifiedHighlighter highlighter = new UnifiedHighlighter(builder) {
      @Override
      protected OffsetSource getOffsetSource(String field) {
        return OffsetSource.ANALYSIS;
      }

      @Override
      protected FieldOffsetStrategy getOffsetStrategy(OffsetSource source, UHComponents components) {
        Supplier<FieldOffsetStrategy> analysing = () -> super.getOffsetStrategy(source, components);
        return findStrings ? SequenceOffsets.of(components.getQuery(), components, analysing) : analysing.get();
      }

      @Override
      protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheCharsThreshold)
          throws IOException {
        List<CharSequence[]> values = new ArrayList<>();
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
          values.add(new CharSequence[] {textOf.getOrDefault(doc, "")});
        }
        return values;
      }
    };
    TopDocs page = new TopDocs(new TotalHits(hits.length, TotalHits.Relation.EQUAL_TO), hits);
    String[] out = highlighter.highlight(IndexSchema.TEXT, query, page, PASSAGES);
    for (int i = 0; i < out.length; i++) {
      // Adjacent matches (数字 then 沈阳) read better as one mark.
      out[i] = out[i] == null ? "" : out[i].replace("</mark><mark>", "");
    }
    return out;
  }
}
