package cn.zhenxing.indexer.suggest;

import cn.zhenxing.indexer.analysis.ChineseAnalyzers;
import cn.zhenxing.indexer.analysis.PolicyWords;
import cn.zhenxing.indexer.index.IndexWords;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.Bits;

/**
 * Compound terms the text writes as two words side by side — 冰雪经济, 冰雪旅游, 东北振兴, 对外开放 — for the search
 * box: SmartChinese cuts them into 冰雪/经济, so they are no word of the index, and most begin no heading or
 * lead-in either, yet they are what people type. A pair counts as a compound when enough paragraphs write it and
 * it holds together: a good share of the paragraphs of its rarer word write the pair (冰雪 is mostly 冰雪经济 or
 * 冰雪旅游; 发展 is seldom followed by any one word).
 *
 * <p>Runs once after a build over the stored text, up to a budget of characters, so a million-paragraph build
 * reads a sample (about a tenth, every tenth paragraph) instead of segmenting everything again.
 */
public final class WordPairs {

  /** Paragraphs that must write a pair before it is suggested. */
  static final int MIN_PARAGRAPHS = 5;
  /** Share of the rarer word's paragraphs (in the part read) that must write the pair. */
  static final double MIN_COHESION = 0.05;
  /** Characters of stored text read at most: about 2 s of segmentation on one core. */
  public static final long DEFAULT_BUDGET_CHARS = 8_000_000;
  /** Paragraphs read before the sampling stride is set. */
  static final int PROBE = 1_000;

  /**
   * Words that hold a sentence together rather than name anything (pronouns, demonstratives, modals,
   * prepositions, time words): next to them a word makes a phrase of the sentence, not a term (我们必须,
   * 提请这次, 今年预计). Compared in simplified characters, as the analyzer gives them.
   */
  static final Set<String> GRAMMAR_WORDS = Set.of(
      "我们", "你们", "他们", "它们", "大家", "自己", "这次", "这个", "这些", "这种", "这样", "这里", "那些", "那样",
      "哪个", "什么", "怎样", "如何", "有的", "已经", "正在", "曾经", "必须", "一定", "应当", "应该", "可以", "能够",
      "进行", "通过", "关于", "对于", "由于", "为了", "以及", "并且", "而且", "或者", "但是", "因此", "所以", "如果",
      "虽然", "还是", "就是", "不是", "没有", "一些", "一批", "一个", "有关", "其中", "目前", "今年", "去年", "明年",
      "上年", "全年", "预计", "达到", "做出", "作出", "放在", "同时", "以上", "以下", "左右", "之一", "百分之", "各位",
      "各项", "各种", "继续", "努力", "主要", "认真", "需要", "要求", "提请", "比较", "十分", "非常", "更加", "逐步", "分别", "根据", "上述", "不少", "多种", "采取", "面临", "希望", "保持", "发生", "成为", "涉及",
      "符合", "取得", "回顾", "大量", "增至", "迈出");

  private WordPairs() {}

  /** The compounds of {@code field}'s stored text, each with the number of paragraphs (read) that write it. */
  public static Map<String, Long> of(IndexReader reader, String field, long budgetChars) throws IOException {
    Map<String, Pair> pairs = new HashMap<>();
    Map<String, int[]> words = new HashMap<>();
    long read = 0;
    int docsRead = 0;
    try (Analyzer analyzer = ChineseAnalyzers.words()) {
      StoredFields stored = reader.storedFields();
      Bits live = MultiBits.getLiveDocs(reader);
      Set<String> fields = Set.of(field);
      // Every stride-th paragraph, the stride set after the first PROBE from their average length, so that a
      // sample spans the whole collection instead of its first files.
      int stride = 1;
      for (int doc = 0; doc < reader.maxDoc() && read < budgetChars; doc += stride) {
        if (doc == PROBE && docsRead > 0) {
          double average = (double) read / docsRead;
          stride = (int) Math.max(1, Math.ceil((reader.maxDoc() - PROBE) * average / (budgetChars - read)));
        }
        if (live != null && !live.get(doc)) {
          continue;
        }
        String text = stored.document(doc, fields).get(field);
        if (text != null) {
          read += text.length();
          docsRead++;
          count(analyzer, field, text, stride, pairs, words);
        }
      }
    }
    Map<String, Long> out = new HashMap<>();
    pairs.forEach((written, pair) -> {
      int rarer = Math.min(words.get(written.substring(0, pair.split))[0], words.get(written.substring(pair.split))[0]);
      if (pair.paragraphs >= MIN_PARAGRAPHS && pair.paragraphs >= MIN_COHESION * rarer && pair.standsAlone()) {
        out.put(written, pair.estimated); // weighed like the index's words, by paragraphs
      }
    });
    return out;
  }

  /**
   * Counts, once per paragraph, each word and each pair of adjacent words that could form a compound; the
   * paragraph stands for {@code stands} paragraphs of the index (the sampling stride).
   */
  private static void count(Analyzer analyzer, String field, String text, int stands, Map<String, Pair> pairs,
      Map<String, int[]> words) throws IOException {
    Set<String> seenWords = new HashSet<>();
    Set<String> seenPairs = new HashSet<>();
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      String previous = null; // as written, when it could begin a compound
      int previousStart = -1;
      int previousEnd = -1;
      while (ts.incrementToken()) {
        int start = offset.startOffset();
        int end = offset.endOffset();
        String word = term.toString();
        // Counted as written (traditional characters stay so; the suggestions fold them when comparing).
        String written = end - start == word.length() ? text.substring(start, end) : null;
        boolean candidate = written != null && IndexWords.isHanWord(word, 2, 4)
            && !PolicyWords.ACTION_SET.contains(word) && !GRAMMAR_WORDS.contains(word);
        if (candidate && seenWords.add(written)) {
          words.computeIfAbsent(written, k -> new int[1])[0]++;
        }
        if (candidate && previous != null && start == previousEnd && previous.length() + written.length() <= 6) {
          String both = previous + written;
          Pair pair = pairs.computeIfAbsent(both, k -> new Pair(k.length() - written.length()));
          if (seenPairs.add(both)) {
            pair.paragraphs++;
            pair.estimated += stands;
          }
          pair.neighbours(previousStart > 0 ? text.charAt(previousStart - 1) : '^',
              end < text.length() ? text.charAt(end) : '$');
        }
        previous = candidate ? written : null;
        previousStart = start;
        previousEnd = end;
      }
      ts.end();
    }
  }

  /**
   * One candidate compound: the paragraphs writing it and a few of the characters seen on either side. A term
   * stands in many sentences (推动东北振兴, 东北振兴取得…); a fragment of one sentence has the same neighbours
   * wherever it is repeated (富裕迈出 is always 共同富裕迈出坚实步伐).
   */
  private static final class Pair {
    final int split;
    /** Paragraphs read that write it, and how many of the index's they stand for. */
    int paragraphs;
    long estimated;
    private final char[] left = new char[3];
    private final char[] right = new char[3];
    private int lefts;
    private int rights;

    Pair(int split) {
      this.split = split;
    }

    void neighbours(char before, char after) {
      lefts = remember(left, lefts, before);
      rights = remember(right, rights, after);
    }

    private static int remember(char[] seen, int n, char c) {
      for (int i = 0; i < n; i++) {
        if (seen[i] == c) {
          return n;
        }
      }
      if (n < seen.length) {
        seen[n++] = c;
      }
      return n;
    }

    /** Seen with different characters before it and different characters after it. */
    boolean standsAlone() {
      return lefts >= 3 && rights >= 3;
    }
  }
}
