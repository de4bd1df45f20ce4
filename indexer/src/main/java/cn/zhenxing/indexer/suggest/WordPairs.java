package cn.zhenxing.indexer.suggest;

import cn.zhenxing.indexer.analysis.ChineseAnalyzers;
import cn.zhenxing.indexer.analysis.PolicyWords;
import cn.zhenxing.indexer.index.IndexSchema;
import cn.zhenxing.indexer.index.IndexWords;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.InPlaceMergeSorter;

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
  /** Characters of stored text read at most: 6–8 s of one core on the 1M-paragraph bench index. */
  public static final long DEFAULT_BUDGET_CHARS = 8_000_000;
  /** Times a word must follow an action (推动经济) before it may begin a compound that ends with one. */
  static final int MIN_OBJECT_USES = 3;
  /** A pair's neighbouring words are counted from its paragraph this many on. */
  static final int TRACK_FROM = 3;
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
      "符合", "取得", "回顾", "大量", "增至", "迈出", "得到", "有待", "我省", "我市", "我区", "本省", "本市");

  private WordPairs() {}

  /** The compounds of {@code field}'s stored text, each with the number of paragraphs (read) that write it. */
  public static Map<String, Long> of(IndexReader reader, String field, long budgetChars) throws IOException {
    Map<String, Pair> pairs = new HashMap<>();
    Map<String, int[]> words = new HashMap<>();
    long read = 0;
    int docsRead = 0;
    try (Analyzer analyzer = ChineseAnalyzers.words()) {
      StoredFields stored = reader.storedFields();
      Set<String> fields = Set.of(field);
      int[] order = inDocumentOrder(reader);
      // Every stride-th paragraph, the stride set after the first PROBE from their average length, so that a
      // sample spans the whole collection instead of its first files.
      int stride = 1;
      for (int k = 0; k < order.length && read < budgetChars; k += stride) {
        if (k == PROBE && docsRead > 0) {
          double average = (double) read / docsRead;
          stride = (int) Math.max(1, Math.ceil((order.length - PROBE) * average / (budgetChars - read)));
        }
        String text = stored.document(order[k], fields).get(field);
        if (text != null) {
          read += text.length();
          docsRead++;
          count(analyzer, field, text, stride, pairs, words);
        }
      }
    }
    Map<String, Long> out = new HashMap<>();
    pairs.forEach((written, pair) -> {
      int[] first = words.get(written.substring(0, pair.split));
      String second = written.substring(pair.split);
      int rarer = Math.min(first[0], words.get(second)[0]);
      if (pair.paragraphs < MIN_PARAGRAPHS || pair.paragraphs < MIN_COHESION * rarer || !pair.standsAlone()) {
        return;
      }
      // Ending with an action (经济发展, 生态文明建设), a compound names what the action is done to, so its first word
      // must be a thing the text does things to; 稳妥推进, 显著提升 and 贯彻落实 are manners and doings.
      if (PolicyWords.ACTION_SET.contains(second) && (first[1] < MIN_OBJECT_USES || first[1] * 20 < first[0])) {
        return;
      }
      // Mostly written inside something longer, it is a piece of that: 基本公共 of 基本公共服务, 全国各族 of
      // 全国各族人民. The longer term is suggested instead when it is short and its extra piece is a word (转变政府
      // → 转变政府职能); a piece of a long name (居民人均可支配收入) or of a sentence (代表国务院向…) is not.
      String after = pair.mostlyFollowedBy();
      String before = pair.mostlyPrecededBy();
      String term = after == null && before == null ? written
          : before == null && after.length() >= 2 && written.length() + after.length() <= 6 ? written + after
          : after == null && before.length() >= 2 && before.length() + written.length() <= 6 ? before + written
          : null;
      if (term != null) {
        out.merge(term, pair.estimated, Math::max); // weighed like the index's words, by paragraphs
      }
    });
    return out;
  }

  /**
   * The live paragraphs in the order their articles were read (article, then paragraph), whatever the indexing
   * threads made of the segments' order: the sample, and which of a pair's occurrences count its neighbours, are
   * then the same on every build of the same input. An index without those fields is read in doc id order.
   */
  private static int[] inDocumentOrder(IndexReader reader) throws IOException {
    int[] docs = new int[reader.numDocs()];
    long[] keys = new long[docs.length];
    int n = 0;
    for (LeafReaderContext leaf : reader.leaves()) {
      NumericDocValues article = leaf.reader().getNumericDocValues(IndexSchema.ARTICLE_SEQ);
      NumericDocValues paragraph = leaf.reader().getNumericDocValues(IndexSchema.PARAGRAPH);
      Bits live = leaf.reader().getLiveDocs();
      for (int d = 0; d < leaf.reader().maxDoc(); d++) {
        if (live == null || live.get(d)) {
          long a = article != null && article.advanceExact(d) ? article.longValue() : 0;
          long p = paragraph != null && paragraph.advanceExact(d) ? paragraph.longValue() : 0;
          keys[n] = a << 24 | p; // an article has at most IndexBuilder.MAX_PARAGRAPHS_PER_ARTICLE, far below 2^24
          docs[n++] = leaf.docBase + d;
        }
      }
    }
    new InPlaceMergeSorter() { // stable: doc id order among equal keys
      @Override
      protected int compare(int i, int j) {
        return Long.compare(keys[i], keys[j]);
      }

      @Override
      protected void swap(int i, int j) {
        long k = keys[i];
        keys[i] = keys[j];
        keys[j] = k;
        int d = docs[i];
        docs[i] = docs[j];
        docs[j] = d;
      }
    }.sort(0, n);
    return docs;
  }

  /**
   * A word of a paragraph as written, where it stands, whether it could begin a compound, and whether end one:
   * an action ends many (高质量发展, 生态文明建设) but begins only what is done to something (推动经济).
   */
  private record Token(String written, int start, int end, boolean candidate, boolean ending) {}

  /**
   * Counts, once per paragraph, each word and each pair of adjacent words that could form a compound; the
   * paragraph stands for {@code stands} paragraphs of the index (the sampling stride).
   */
  private static void count(Analyzer analyzer, String field, String text, int stands, Map<String, Pair> pairs,
      Map<String, int[]> words) throws IOException {
    List<Token> tokens = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        int start = offset.startOffset();
        int end = offset.endOffset();
        String word = term.toString();
        // Counted as written (traditional characters stay so; the suggestions fold them when comparing).
        String written = end - start == word.length() ? text.substring(start, end) : word;
        boolean word2to4 = end - start == word.length() && IndexWords.isHanWord(word, 2, 4)
            && !GRAMMAR_WORDS.contains(word);
        boolean candidate = word2to4 && !PolicyWords.ACTION_SET.contains(word);
        tokens.add(new Token(written, start, end, candidate, word2to4));
      }
      ts.end();
    }
    Set<String> seenWords = new HashSet<>();
    Set<String> seenPairs = new HashSet<>();
    for (int i = 0; i < tokens.size(); i++) {
      Token a = tokens.get(i);
      if (a.ending()) {
        int[] counts = words.computeIfAbsent(a.written(), k -> new int[2]);
        if (seenWords.add(a.written())) {
          counts[0]++;
        }
        if (i > 0 && tokens.get(i - 1).end() == a.start() && PolicyWords.ACTION_SET.contains(tokens.get(i - 1).written())) {
          counts[1]++; // what is done something to: a thing (推动经济), not a manner (稳妥推进)
        }
      }
      Token b = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
      if (!a.candidate() || b == null || !b.ending() || b.start() != a.end()
          || a.written().length() + b.written().length() > 6) {
        continue;
      }
      String both = a.written() + b.written();
      Pair pair = pairs.computeIfAbsent(both, k -> new Pair(a.written().length()));
      if (seenPairs.add(both)) {
        pair.paragraphs++;
        pair.estimated += stands;
      }
      pair.neighbours(a.start() > 0 ? text.charAt(a.start() - 1) : '^',
          b.end() < text.length() ? text.charAt(b.end()) : '$',
          i > 0 && tokens.get(i - 1).end() == a.start() ? hanWord(tokens.get(i - 1)) : "",
          i + 2 < tokens.size() && tokens.get(i + 2).start() == b.end() ? hanWord(tokens.get(i + 2)) : "");
    }
  }

  /**
   * The token's text when it could continue a term, else "": punctuation, numbers and Latin end a term, and so do
   * the one-character words around one (的, 和, 等: 东北地区等老工业基地), grammar words and the actions done to
   * it (深化国企改革).
   */
  private static String hanWord(Token t) {
    String w = t.written();
    return IndexWords.isHanWord(w, 2, 8) && !PolicyWords.ACTION_SET.contains(w) && !GRAMMAR_WORDS.contains(w) ? w : "";
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

    /**
     * The words written right before and after it, counted from its third paragraph on (by then it may become a
     * compound; counting every pair's neighbours from the first would hold millions of maps).
     */
    private Map<String, Integer> before;
    private Map<String, Integer> after;
    private int tracked;

    void neighbours(char charBefore, char charAfter, String wordBefore, String wordAfter) {
      lefts = remember(left, lefts, charBefore);
      rights = remember(right, rights, charAfter);
      if (paragraphs >= TRACK_FROM) {
        if (before == null) {
          before = new HashMap<>();
          after = new HashMap<>();
        }
        tracked++;
        before.merge(wordBefore, 1, Integer::sum);
        after.merge(wordAfter, 1, Integer::sum);
      }
    }

    /** The word written right after it in at least half of the occurrences counted, or null. */
    String mostlyFollowedBy() {
      return mostly(after);
    }

    /** The word written right before it in at least half of the occurrences counted, or null. */
    String mostlyPrecededBy() {
      return mostly(before);
    }

    private String mostly(Map<String, Integer> words) {
      if (words == null) {
        return null;
      }
      for (Map.Entry<String, Integer> e : words.entrySet()) {
        if (!e.getKey().isEmpty() && e.getValue() * 2 >= tracked) {
          return e.getKey();
        }
      }
      return null;
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
