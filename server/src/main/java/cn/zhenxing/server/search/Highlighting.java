package cn.zhenxing.server.search;

import cn.zhenxing.indexer.index.IndexSchema;
import java.io.IOException;
import java.text.BreakIterator;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Snippets with matches wrapped in {@code <mark>}. The UnifiedHighlighter reads offsets straight from the
 * postings (no re-analysis), and the bigram field is "masked" onto the text field so a bigram-only match
 * (沈阳 inside 沈阳市) is marked in the stored text exactly where it is.
 */
final class Highlighting {

  static final int PASSAGES = 2;
  static final int PASSAGE_LENGTH = 120;

  private static final Set<String> MASKED = Set.of(IndexSchema.TEXT_BIGRAMS);
  private static final DefaultPassageFormatter FORMATTER =
      new DefaultPassageFormatter("<mark>", "</mark>", "… ", true);

  private final Analyzer analyzer = IndexSchema.indexAnalyzer();

  /** One snippet per hit, in the order of {@code hits}; an escaped leading passage when nothing matched. */
  String[] snippets(IndexSearcher searcher, Query query, TopDocs hits) throws IOException {
    UnifiedHighlighter highlighter =
        UnifiedHighlighter.builder(searcher, analyzer)
            .withMaskedFieldsFunc(field -> IndexSchema.TEXT.equals(field) ? MASKED : Set.of())
            .withFormatter(FORMATTER)
            .withBreakIterator(
                () -> LengthGoalBreakIterator.createClosestToLength(
                    BreakIterator.getSentenceInstance(Locale.CHINESE), PASSAGE_LENGTH, 0.3f))
            .withMaxLength(100_000)
            .build();
    String[] out = highlighter.highlight(IndexSchema.TEXT, query, hits, PASSAGES);
    for (int i = 0; i < out.length; i++) {
      // Adjacent matches (数字 then 沈阳) read better as one mark.
      out[i] = out[i] == null ? "" : out[i].replace("</mark><mark>", "");
    }
    return out;
  }
}
