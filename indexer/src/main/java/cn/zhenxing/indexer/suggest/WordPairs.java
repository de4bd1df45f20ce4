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
  /** Words a run of words with one-character pieces may have (专/精/特/新). */
  static final int MAX_RUN_TOKENS = 4;
  /**
   * Share of its rarest piece's paragraphs a run must have: higher than a pair's, as a one-character piece
   * joins many words it forms no term with.
   */
  static final double MIN_RUN_COHESION = 0.1;
  /**
   * One-character words that tie a sentence together rather than name anything: particles, prepositions,
   * conjunctions, measure and time words, place words (中, 上, 内), numbers. A run neither begins nor ends with
   * one (的发展, 经济和, 城市中, 一批, 亿元, 五年来). So 碳中和 is no run of its own; the headings' phrases offer it.
   */
  static final String FUNCTION_CHARS =
      "的地得了着过和与及或并而且在于对为把被将从向以由给让使是有也都又还就才只不没很更最要会能可等之其此该各每这那个们"
          + "中上下里内外前后间年月日时号第次项种条件家位名再已仍来达首较"
          + "一二三四五六七八九十百千万亿零〇两几";
  /**
   * One-character words that end words (保障性, 示范区, 城镇化) or open a comparison or clause (相结合, 居全国, 同世界,
   * 拟安排, and in laws 按规定, 自收到, 处五千元, 款规定): no run begins with one.
   */
  static final String NO_RUN_START = "性区化型率者式度类级省市县乡镇村员业品量相居均比同拟届代难正做到所企段通款处报按获";
  /**
   * One-character words that complete a verb or open what follows (认识到, 经受住, 支出占, 处理好, 进入新,
   * 高校毕业生留, 推出一批).
   */
  static final String NO_RUN_END = "到占比同住出好新用起留差批";
  /** Joining or grammatical one-character words inside a run make it a phrase (巩固和发展, 重要的意义). */
  static final String NO_RUN_INSIDE = "的地得和与及或着了";
  /** Numbers and ordinals: a run beginning or ending with one is a count (一手抓, 第二步, 届三中全会). */
  static final String NUMERALS = "一二三四五六七八九十百千万亿零〇两几第届";

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
      "符合", "取得", "回顾", "大量", "增至", "迈出", "得到", "有待", "我省", "我市", "我区", "本省", "本市", "存在",
      "涌现", "获评", "仍然", "依然");

  private WordPairs() {}

  /** The compounds of {@code field}'s stored text, each with the number of paragraphs (read) that write it. */
  public static Map<String, Long> of(IndexReader reader, String field, long budgetChars) throws IOException {
    Map<String, Pair> pairs = new HashMap<>();
    Map<String, Pair> runs = new HashMap<>();
    Map<String, int[]> words = new HashMap<>();
    try (Analyzer analyzer = ChineseAnalyzers.words()) {
      // Two passes over the sample: the first counts every candidate in a fixed-size sketch, the second keeps
      // the neighbours of those the sketch says may recur. Counting every candidate exactly held a million
      // strings for an 8M-character sample; most are written once.
      RecurrenceSketch sketch = new RecurrenceSketch();
      Sample sample = Sample.read(reader, field, budgetChars, analyzer,
          (text, tokens, stands) -> countWords(tokens, words, sketch));
      sample.forEach(analyzer, (text, tokens, stands) -> countPairs(text, tokens, stands, sketch, pairs, runs));
    }
    Map<String, Long> out = new HashMap<>();
    // Weighed like the index's words, by paragraphs.
    pairs.forEach((written, pair) -> {
      String term = pairTerm(written, pair, words);
      if (term != null) {
        out.merge(term, pair.estimated, Math::max);
      }
    });
    runs.forEach((written, run) -> {
      if (isRunTerm(run, words)) {
        out.merge(written, run.estimated, Math::max);
      }
    });
    return out;
  }

  /** Two words side by side, or the longer term they are mostly written inside, or null. */
  private static String pairTerm(String written, Pair pair, Map<String, int[]> words) {
    int[] first = words.get(written.substring(0, pair.split));
    String second = written.substring(pair.split);
    int rarer = Math.min(first[0], words.get(second)[0]);
    if (pair.paragraphs < MIN_PARAGRAPHS || pair.paragraphs < MIN_COHESION * rarer || !pair.standsAlone()) {
      return null;
    }
    // Ending with an action (经济发展, 生态文明建设), a compound names what the action is done to, so its first word
    // must be a thing the text does things to; 稳妥推进, 显著提升 and 贯彻落实 are manners and doings.
    if (PolicyWords.ACTION_SET.contains(second) && (first[1] < MIN_OBJECT_USES || first[1] * 20 < first[0])) {
      return null;
    }
    // Mostly written inside something longer, it is a piece of that: 基本公共 of 基本公共服务, 全国各族 of
    // 全国各族人民. The longer term is suggested instead when it is short and its extra piece is a word (转变政府
    // → 转变政府职能); a piece of a long name (居民人均可支配收入) or of a sentence (代表国务院向…) is not.
    String after = pair.mostlyFollowedBy();
    String before = pair.mostlyPrecededBy();
    return after == null && before == null ? written
        : before == null && after.length() >= 2 && written.length() + after.length() <= 6 ? written + after
        : after == null && before.length() >= 2 && before.length() + written.length() <= 6 ? before + written
        : null;
  }

  /**
   * A run of words with one-character pieces that is a term (碳达峰, 高质量发展, 营商环境, 专精特新). Every run up
   * to {@link #MAX_RUN_TOKENS} words is a candidate, so a fragment of a longer term (碳达, 高质量, 质量发展) is left
   * out rather than grown: the longer term is a candidate of its own.
   */
  private static boolean isRunTerm(Pair run, Map<String, int[]> words) {
    if (run.paragraphs < MIN_PARAGRAPHS || !run.standsAlone()
        || run.mostlyPrecededBy() != null || run.mostlyFollowedBy() != null) {
      return false;
    }
    int rarest = Integer.MAX_VALUE;
    for (String piece : run.pieces) {
      rarest = Math.min(rarest, words.get(piece)[0]);
    }
    return run.paragraphs >= MIN_RUN_COHESION * rarest;
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
   * A word of a paragraph as written and where it stands. {@code han}: Chinese characters only, so it can be a
   * piece of a term; {@code candidate}: it could begin a two-word compound; {@code ending}: end one (an action
   * ends many, 高质量发展, 生态文明建设, but begins only what is done to something, 推动经济).
   */
  private record Token(String written, String word, int start, int end, boolean han, boolean grammar, boolean action,
      boolean candidate, boolean ending) {

    boolean single() {
      return written.length() == 1;
    }

    boolean touches(Token next) {
      return end == next.start;
    }
  }

  private static List<Token> tokens(Analyzer analyzer, String field, String text) throws IOException {
    List<Token> tokens = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        int start = offset.startOffset();
        int end = offset.endOffset();
        String word = term.toString();
        boolean asWritten = end - start == word.length();
        // Counted as written (traditional characters stay so; the suggestions fold them when comparing), and
        // compared with the word lists in simplified characters, as the analyzer gives them.
        String written = asWritten ? text.substring(start, end) : word;
        boolean han = asWritten && IndexWords.isHanWord(word, 1, 8);
        boolean grammar = GRAMMAR_WORDS.contains(word);
        boolean action = PolicyWords.ACTION_SET.contains(word);
        boolean word2to4 = han && word.length() >= 2 && word.length() <= 4 && !grammar;
        tokens.add(new Token(written, word, start, end, han, grammar, action, word2to4 && !action, word2to4));
      }
      ts.end();
    }
    return tokens;
  }

  /** Visits the candidates of a paragraph's words: tokens {@code from} to {@code to}, inclusive. */
  private interface CandidateVisitor {
    void visit(int from, int to, boolean run);
  }

  /**
   * Every candidate compound: two adjacent words of 2–4 characters (冰雪经济), and every run of 2 to
   * {@link #MAX_RUN_TOKENS} adjacent words of Chinese characters that holds a one-character word, up to 6
   * characters, of 3 or more (碳/达/峰, 高/质量/发展, 营/商/环境). A candidate begins with no grammar word or
   * action of two characters or more (推动高质量, 我们必须); a run neither begins nor ends with a function
   * character or a number, holds no joining word (和, 的) and begins with no end of a word.
   */
  private static void forEachCandidate(List<Token> tokens, CandidateVisitor visitor) {
    for (int i = 0; i < tokens.size(); i++) {
      Token a = tokens.get(i);
      Token b = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
      if (a.candidate() && b != null && b.ending() && a.touches(b)
          && a.written().length() + b.written().length() <= 6) {
        visitor.visit(i, i + 1, false);
      }
      if (!a.han() || a.grammar() || a.action() && !a.single() || !mayBeginRun(a.word())) {
        continue;
      }
      int length = a.written().length();
      boolean single = a.single();
      boolean allSingle = a.single();
      for (int j = i + 1; j < tokens.size() && j < i + MAX_RUN_TOKENS; j++) {
        Token t = tokens.get(j);
        length += t.written().length();
        if (!tokens.get(j - 1).touches(t) || !t.han() || t.grammar() || length > 6
            || t.single() && NO_RUN_INSIDE.indexOf(t.word().charAt(0)) >= 0) {
          break;
        }
        single |= t.single();
        allSingle &= t.single();
        // Four characters and more cut one by one are a term of their own making (专/精/特/新): any may end it.
        if (single && length >= 3 && mayEndRun(t.word(), allSingle && length >= 4)) {
          visitor.visit(i, j, true);
        }
      }
    }
  }

  private static String written(List<Token> tokens, int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int k = from; k <= to; k++) {
      sb.append(tokens.get(k).written());
    }
    return sb.toString();
  }

  /**
   * First pass: counts, once per paragraph, each word (and how often it follows an action), and each candidate
   * in the sketch.
   */
  private static void countWords(List<Token> tokens, Map<String, int[]> words, RecurrenceSketch sketch) {
    Set<String> seenWords = new HashSet<>();
    for (int i = 0; i < tokens.size(); i++) {
      Token a = tokens.get(i);
      if (a.han()) {
        int[] counts = words.computeIfAbsent(a.written(), k -> new int[2]);
        if (seenWords.add(a.written())) {
          counts[0]++;
        }
        if (i > 0 && tokens.get(i - 1).touches(a) && tokens.get(i - 1).action()) {
          counts[1]++; // what is done something to: a thing (推动经济), not a manner (稳妥推进)
        }
      }
    }
    Set<String> seen = new HashSet<>();
    forEachCandidate(tokens, (from, to, run) -> {
      String both = written(tokens, from, to);
      if (seen.add(both)) {
        sketch.add(both);
      }
    });
  }

  /**
   * Second pass: for each candidate the sketch says may be written in enough paragraphs, counts its paragraphs
   * (each standing for {@code stands} of the index: the sampling stride) and its neighbours.
   */
  private static void countPairs(String text, List<Token> tokens, int stands, RecurrenceSketch sketch,
      Map<String, Pair> pairs, Map<String, Pair> runs) {
    Set<Pair> seen = new HashSet<>(); // by identity: one Pair per pair or run written
    forEachCandidate(tokens, (from, to, run) -> {
      String both = written(tokens, from, to);
      if (sketch.count(both) < MIN_PARAGRAPHS) {
        return;
      }
      Pair pair = (run ? runs : pairs).computeIfAbsent(both, k -> new Pair(tokens.get(from).written().length(), run,
          run ? pieces(tokens, from, to) : List.of()));
      if (seen.add(pair)) {
        pair.paragraphs++;
        pair.estimated += stands;
      }
      Token a = tokens.get(from);
      Token b = tokens.get(to);
      pair.neighbours(a.start() > 0 ? text.charAt(a.start() - 1) : '^',
          b.end() < text.length() ? text.charAt(b.end()) : '$',
          from > 0 && tokens.get(from - 1).touches(a) && tokens.get(from - 1).han() ? tokens.get(from - 1).written() : "",
          to + 1 < tokens.size() && b.touches(tokens.get(to + 1)) && tokens.get(to + 1).han()
              ? tokens.get(to + 1).written() : "");
    });
  }

  private static List<String> pieces(List<Token> tokens, int from, int to) {
    List<String> pieces = new ArrayList<>(to - from + 1);
    for (int k = from; k <= to; k++) {
      pieces.add(tokens.get(k).written());
    }
    return pieces;
  }

  /**
   * A neighbour that could continue a two-word compound: a word of 2–8 characters, no grammar word or action
   * done to it (深化国企改革); punctuation, numbers, Latin and the one-character words around a term (的, 和, 等:
   * 东北地区等老工业基地) end it.
   */
  private static boolean continuesPair(String w) {
    return IndexWords.isHanWord(w, 2, 8) && !PolicyWords.ACTION_SET.contains(w) && !GRAMMAR_WORDS.contains(w);
  }

  /**
   * A neighbour that could continue a run: any word but a grammar word, and before it no action done to it
   * (优化营商环境); a function character too, so that a run mostly written before one (贯彻党 of 贯彻党的) is a
   * fragment.
   */
  private static boolean continuesRun(String w, boolean before) {
    return !GRAMMAR_WORDS.contains(w) && !(before && PolicyWords.ACTION_SET.contains(w));
  }

  private static boolean mayBeginRun(String w) {
    return NUMERALS.indexOf(w.charAt(0)) < 0
        && !(w.length() == 1 && (isFunctionChar(w) || NO_RUN_START.indexOf(w.charAt(0)) >= 0));
  }

  private static boolean mayEndRun(String w, boolean anyEnding) {
    return NUMERALS.indexOf(w.charAt(w.length() - 1)) < 0
        && !(w.length() == 1 && (isFunctionChar(w) || !anyEnding && NO_RUN_END.indexOf(w.charAt(0)) >= 0));
  }

  static boolean isFunctionChar(String w) {
    return w.length() == 1 && FUNCTION_CHARS.indexOf(w.charAt(0)) >= 0;
  }

  /**
   * The sampled paragraphs: every stride-th paragraph in the articles' order, the stride set after the first
   * PROBE from their average length, so that a sample spans the whole collection instead of its first files.
   * Read once to choose them (the first pass visits them then) and again for the second pass.
   */
  private static final class Sample {
    private final StoredFields stored;
    private final String field;
    private final int[] docs;
    private final int[] stands;
    private final int size;

    private interface Visitor {
      void visit(String text, List<Token> tokens, int stands) throws IOException;
    }

    private Sample(StoredFields stored, String field, int[] docs, int[] stands, int size) {
      this.stored = stored;
      this.field = field;
      this.docs = docs;
      this.stands = stands;
      this.size = size;
    }

    static Sample read(IndexReader reader, String field, long budgetChars, Analyzer analyzer, Visitor visitor)
        throws IOException {
      StoredFields stored = reader.storedFields();
      int[] order = inDocumentOrder(reader);
      int[] docs = new int[Math.min(order.length, 1024)];
      int[] stands = new int[docs.length];
      int n = 0;
      long read = 0;
      int stride = 1;
      for (int k = 0; k < order.length && read < budgetChars; k += stride) {
        if (k == PROBE && n > 0) {
          double average = (double) read / n;
          stride = (int) Math.max(1, Math.ceil((order.length - PROBE) * average / (budgetChars - read)));
        }
        String text = stored.document(order[k], Set.of(field)).get(field);
        if (text != null) {
          read += text.length();
          if (n == docs.length) {
            docs = java.util.Arrays.copyOf(docs, n * 2);
            stands = java.util.Arrays.copyOf(stands, n * 2);
          }
          docs[n] = order[k];
          stands[n++] = stride;
          visitor.visit(text, tokens(analyzer, field, text), stride);
        }
      }
      return new Sample(stored, field, docs, stands, n);
    }

    void forEach(Analyzer analyzer, Visitor visitor) throws IOException {
      for (int i = 0; i < size; i++) {
        String text = stored.document(docs[i], Set.of(field)).get(field);
        visitor.visit(text, tokens(analyzer, field, text), stands[i]);
      }
    }
  }

  /**
   * Paragraph counts of strings in fixed memory, never below the true count (a count-min sketch of two rows):
   * the second pass keeps only the candidates it says recur, a few false ones among them.
   */
  private static final class RecurrenceSketch {
    private static final int ROW = 1 << 21;
    private final int[] first = new int[ROW];
    private final int[] second = new int[ROW];

    void add(String s) {
      int h = s.hashCode();
      first[slot(h)]++;
      second[slot(h ^ 0x5bd1e995)]++;
    }

    int count(String s) {
      int h = s.hashCode();
      return Math.min(first[slot(h)], second[slot(h ^ 0x5bd1e995)]);
    }

    private static int slot(int h) { // MurmurHash3's finalizer: every bit of the hash moves the slot
      h ^= h >>> 16;
      h *= 0x85ebca6b;
      h ^= h >>> 13;
      h *= 0xc2b2ae35;
      h ^= h >>> 16;
      return h & (ROW - 1);
    }
  }

  /**
   * One candidate compound: the paragraphs writing it and a few of the characters seen on either side. A term
   * stands in many sentences (推动东北振兴, 东北振兴取得…); a fragment of one sentence has the same neighbours
   * wherever it is repeated (富裕迈出 is always 共同富裕迈出坚实步伐).
   */
  private static final class Pair {
    /** Characters of its first word (a pair). */
    final int split;
    /** A run of words with one-character pieces, and its pieces. */
    final boolean run;
    final List<String> pieces;
    /** Paragraphs read that write it, and how many of the index's they stand for. */
    int paragraphs;
    long estimated;
    private final char[] left = new char[3];
    private final char[] right = new char[3];
    private int lefts;
    private int rights;

    Pair(int split, boolean run, List<String> pieces) {
      this.split = split;
      this.run = run;
      this.pieces = pieces;
    }

    /**
     * The words of Chinese characters written right before and after it ("" for anything else), counted from
     * its third paragraph on: a term's first uses decide nothing yet, and which ones they are depended on the
     * order the paragraphs are read in before that order was fixed (see WordPairsTest).
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
      return mostly(after, false);
    }

    /** The word written right before it in at least half of the occurrences counted, or null. */
    String mostlyPrecededBy() {
      return mostly(before, true);
    }

    private String mostly(Map<String, Integer> words, boolean beforeIt) {
      if (words == null) {
        return null;
      }
      for (Map.Entry<String, Integer> e : words.entrySet()) {
        String w = e.getKey();
        if (!w.isEmpty() && (run ? continuesRun(w, beforeIt) : continuesPair(w)) && e.getValue() * 2 >= tracked) {
          return w;
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
