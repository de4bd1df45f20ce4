package cn.zhenxing.indexer.index;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * The Chinese words of a built index, with the number of paragraphs each occurs in: read once from the text
 * field's terms after a build, for the pinyin dictionary and for search-box suggestions.
 */
public final class IndexWords {

  /** A word in one paragraph only is mostly a segmentation accident. */
  static final int MIN_DOC_FREQ = 2;

  private IndexWords() {}

  /** Words of 2–8 Han characters of {@code field} found in at least two paragraphs, with their counts. */
  public static Map<String, Long> of(IndexReader reader, String field) throws IOException {
    Map<String, Long> words = new HashMap<>();
    Terms terms = MultiTerms.getTerms(reader, field);
    if (terms == null) {
      return words;
    }
    TermsEnum it = terms.iterator();
    BytesRef term;
    while ((term = it.next()) != null) {
      if (it.docFreq() >= MIN_DOC_FREQ) {
        String w = term.utf8ToString();
        if (isHanWord(w, 2, 8)) {
          words.put(w, (long) it.docFreq());
        }
      }
    }
    return words;
  }

  /** {@code w} is {@code min} to {@code max} Han characters and nothing else. */
  public static boolean isHanWord(String w, int min, int max) {
    int n = w.codePointCount(0, w.length());
    if (n < min || n > max) {
      return false;
    }
    return w.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
  }
}
