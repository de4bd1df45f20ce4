package cn.zhenxing.server.search;

import cn.zhenxing.indexer.pinyin.PinyinDictionary;
import java.util.function.Supplier;

/**
 * What query building may consult besides the query: the current synonyms, the live index's pinyin
 * dictionary (asked for only when a query looks like pinyin, as it may still be loading), how common a word is, and which improvements are switched on (all of them, except when the
 * relevance evaluation measures what each one buys).
 */
public record QueryContext(
    Synonyms synonyms, Supplier<PinyinDictionary> pinyin, DocFreq docFreq, int numDocs, Features features) {

  /** How many paragraphs contain {@code term} in {@code field}. */
  @FunctionalInterface
  public interface DocFreq {
    int of(String field, String term);
  }

  /** Switchable query features. */
  public record Features(boolean synonyms, boolean pinyin, boolean latinRuns) {
    public static final Features ALL = new Features(true, true, true);
    public static final Features NONE = new Features(false, false, false);
  }

  /** No synonyms, no pinyin, no statistics: the plain word and bigram query. */
  public static final QueryContext PLAIN =
      new QueryContext(Synonyms.NONE, () -> PinyinDictionary.EMPTY, (f, t) -> 0, 0, Features.NONE);
}
