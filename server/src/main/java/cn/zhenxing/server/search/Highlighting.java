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
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Snippets with matches wrapped in {@code <mark>}. The highlight query holds character sequences of the bigram
 * field; they are found by analysing each hit's stored text with the bigram analyzer into a one-document memory
 * index, so a bigram-only match — 沈阳 inside 沈阳市 — is marked in the text exactly where it is.
 *
 * <p>Why analysis rather than the offsets stored in the postings: a page is ten paragraphs of about 70
 * characters, and bigram analysis of them costs microseconds, while finding each phrase of the query in the
 * postings of a million-paragraph index means a terms-dictionary seek per term, per segment, per hit — measured
 * at a quarter of all search time. The text is the one the hit list already loaded, so it is not read twice.
 */
final class Highlighting {

  static final int PASSAGES = 2;
  static final int PASSAGE_LENGTH = 120;
  static final int MAX_LENGTH = 100_000;

  /** The query's terms are in the bigram field; the analysed text is indexed under the text field's name. */
  private static final Set<String> QUERY_FIELDS = Set.of(IndexSchema.TEXT, IndexSchema.TEXT_BIGRAMS);
  private static final DefaultPassageFormatter FORMATTER =
      new DefaultPassageFormatter("<mark>", "</mark>", "… ", true);

  /** Analyses any field as the bigram field is indexed: the text field's content is what gets highlighted. */
  private final Analyzer bigrams = ChineseAnalyzers.bigrams();

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
