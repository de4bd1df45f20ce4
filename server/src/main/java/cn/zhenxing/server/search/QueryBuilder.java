package cn.zhenxing.server.search;

import cn.zhenxing.indexer.analysis.ChineseAnalyzers;
import cn.zhenxing.indexer.analysis.PolicyWords;
import cn.zhenxing.indexer.analysis.TraditionalToSimplified;
import cn.zhenxing.indexer.index.IndexSchema;
import cn.zhenxing.indexer.pinyin.PinyinDictionary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;

/**
 * Turns a {@link UserQuery} into a Lucene query. The design, in order of importance:
 *
 * <ol>
 *   <li>Every word must match (long questions may miss a quarter of their words): a word is satisfied by
 *       the SmartChinese word itself, or by its characters in sequence in the bigram field (so 沈阳 finds
 *       沈阳市), or by the paragraph's section or article title.
 *   <li>Word matches score above bigram-only matches, which score above context-only matches (boosts).
 *   <li>A chunk with other ways of writing it — synonyms and abbreviations (自贸区 → 自贸试验区), or pinyin
 *       (yingshang huanjing → 营商环境) — is one unit matched by any of them, the typed form ranking first.
 *   <li>Proximity: the words typed together found together (as the exact sequence, as adjacent pairs, or
 *       near each other) rank higher.
 *   <li>Quoted phrases and exclusions work on characters in sequence, whatever the segmentation.
 * </ol>
 */
public final class QueryBuilder {

  static final float WORD_BOOST = 1.0f;
  static final float BIGRAM_BOOST = 0.5f;
  static final float SECTION_BOOST = 0.3f;
  static final float TITLE_BOOST = 0.2f;
  static final float CONTEXT_BIGRAM_BOOST = 0.1f;
  static final float EXACT_SEQUENCE_BOOST = 1.5f;
  static final float ADJACENT_PAIR_BOOST = 0.4f;
  static final float NEAR_BOOST = 0.3f;
  static final float SYNONYM_BOOST = 0.7f;
  static final float PINYIN_BOOST = 0.8f;
  static final float PLACE_CONTEXT_BOOST = 0.5f;
  /** 沈阳 for 沈阳市 typed: found, below the name as typed. */
  static final float BARE_PLACE_BOOST = 0.9f;
  /** 辽宁 for 东北 typed: found, scored below the region's own name (a BM25 score of a word is 1–3). */
  static final float REGION_MEMBER_SCORE = 0.4f;
  static final int NEAR_SLOP = 8;

  /**
   * Function words and question words dropped from a query when other words remain: they carry no topic, and
   * requiring them would only shrink results (沈阳怎样优化营商环境 needs 沈阳, 优化, 营商环境, not 怎样).
   */
  static final Set<String> QUERY_STOP_WORDS =
      Set.of("的", "了", "和", "与", "及", "是", "在", "对", "把", "被", "将", "有", "也", "都", "就",
          "怎样", "怎么", "怎么样", "咋样", "得", "如何", "什么", "哪些", "哪里", "哪个", "为什么", "吗", "呢", "吧", "啊",
          "关于", "有关", "一下", "请问", "情况", "方面", "举措", "措施", "做法", "工作", "省份", "提出", "采取");

  private final Analyzer words = ChineseAnalyzers.words();
  private final Analyzer bigrams = ChineseAnalyzers.queryBigrams();

  /**
   * A word of the query: its analysed terms (one, or several for a run like 5G that SmartChinese cuts into
   * 5/g) and the characters the user typed for it.
   */
  record Word(List<String> terms, List<Integer> positions, String surface) {
    Word(String term, String surface) {
      this(List.of(term), List.of(0), surface);
    }
  }

  /**
   * One unit the query must match: a single word, or a chunk with several ways of writing it. A common unit
   * (a word in more than {@link #COMMON_SHARE} of paragraphs, such as 发展 or 推动) only adds to the score.
   */
  private record Unit(Query query, List<Word> words, boolean common, boolean place) {}

  /** Words found in more paragraphs than this share are not required when rarer words are present. */
  static final double COMMON_SHARE = 0.15;

  /** Words that mark a chunk as a question, whose remaining words are matched more loosely. */
  static final Set<String> QUESTION_WORDS =
      Set.of("怎样", "怎么", "怎么样", "咋样", "如何", "什么", "哪些", "哪里", "哪个", "为什么", "吗", "呢", "是否", "多少");

  /**
   * The query to run, and the queries whose matches to mark in snippets: the words and phrases only, without
   * the proximity boosts (a sloppy phrase would mark the whole stretch between two words). {@code highlight}
   * marks what was typed where it is written whole (营商环境); {@code pieces} also each of its words, for a
   * paragraph that writes none of it whole (环境 alone would otherwise light up every 政策环境, 市场环境).
   */
  public record Built(Query query, Query highlight, Query pieces, int wordsUsed, int wordsLeftOut) {
    Built(Query query, Query highlight) {
      this(query, highlight, highlight, 0, 0);
    }
  }

  /** The two highlight queries being built: marks of whole chunks, and those plus the chunks' words. */
  private static final class Marks {
    private final BooleanQuery.Builder whole = new BooleanQuery.Builder();
    private final BooleanQuery.Builder pieces = new BooleanQuery.Builder();
    private boolean anyPiece;

    void add(Query q) {
      whole.add(q, Occur.SHOULD);
      pieces.add(q, Occur.SHOULD);
    }

    void addPiece(Query q) {
      pieces.add(q, Occur.SHOULD);
      anyPiece = true;
    }

    /** Built.highlight and Built.pieces; the same query twice when no word was added on its own. */
    Built built(Query query, int wordsUsed, int wordsLeftOut) {
      Query marks = whole.build();
      return new Built(query, marks, anyPiece ? pieces.build() : marks, wordsUsed, wordsLeftOut);
    }
  }


  /**
   * The most distinct words a query is built from; the rest of a longer text (a pasted paragraph) is left
   * out, and the response says so. Each word becomes about six Lucene clauses, and Lucene refuses a query of
   * more than {@link IndexSearcher#getMaxClauseCount()} (1,024): 300 characters of running text had been
   * enough to fail.
   */
  static final int MAX_WORDS = 64;

  /** The query, or empty when the text holds nothing searchable (only punctuation, say). */
  public Optional<Built> build(UserQuery q, QueryContext ctx) {
    // MAX_WORDS keeps ordinary text far below the clause limit; many synonyms or pinyin readings per word
    // could still pass it, so such a query is built again from fewer words.
    for (int maxWords = MAX_WORDS; ; maxWords /= 2) {
      Optional<Built> built = build(q, ctx, maxWords);
      if (built.isEmpty() || maxWords == 1 || withinClauseLimit(built.get())) {
        return built;
      }
    }
  }

  private static boolean withinClauseLimit(Built built) {
    return LeafCount.of(built.query()) <= IndexSearcher.getMaxClauseCount()
        && LeafCount.of(built.pieces()) <= IndexSearcher.getMaxClauseCount();
  }

  /** Counts a query's leaves the way IndexSearcher does before refusing a query with too many. */
  private static final class LeafCount extends QueryVisitor {
    private int leaves;

    static int of(Query query) {
      LeafCount count = new LeafCount();
      query.visit(count);
      return count.leaves;
    }

    @Override
    public QueryVisitor getSubVisitor(Occur occur, Query parent) {
      return this;
    }

    @Override
    public void visitLeaf(Query query) {
      leaves++;
    }

    @Override
    public void consumeTerms(Query query, Term... terms) {
      leaves++;
    }
  }

  private Optional<Built> build(UserQuery q, QueryContext ctx, int maxWords) {
    if (q.isEmpty()) {
      return Optional.of(new Built(new MatchAllDocsQuery(), new MatchAllDocsQuery()));
    }
    BooleanQuery.Builder top = new BooleanQuery.Builder();
    Marks highlight = new Marks();
    boolean positive = false;

    List<Unit> units = new ArrayList<>();
    List<List<Word>> chunks = new ArrayList<>();
    boolean question = false;
    Set<String> seen = new HashSet<>();
    int leftOut = 0;
    for (String typed : pinyinAsOne(q.text(), ctx)) {
      List<Word> all = longerNamesWhole(
          towardsOnlyWhereWritten(withoutNameEndings(words(typed, ctx.features().latinRuns())), ctx));
      // A word already in the query adds nothing to what must match.
      List<Word> w = new ArrayList<>();
      for (Word word : all) {
        if (seen.contains(word.surface())) {
          continue;
        }
        if (seen.size() == maxWords) {
          leftOut++;
          continue;
        }
        seen.add(word.surface());
        w.add(word);
      }
      if (w.isEmpty()) {
        continue;
      }
      String chunk = w.size() == all.size() ? typed : surfaceOf(w);
      chunks.add(w);
      List<Alternative> alternatives = alternatives(chunk, ctx);
      if (w.stream().anyMatch(x -> isOneOf(x, QUESTION_WORDS))) {
        question = true;
      }
      mark(w, true, highlight);
      SynonymSpan span = alternatives.isEmpty() ? null : synonymSpan(chunk, w, alternatives, ctx);
      // (null: no other way of writing any of it)
      if (span == null) {
        addWords(w, units, ctx);
      } else {
        // Only the words a rule rewrites have other ways of writing; the rest of the chunk (the question around
        // 国企改革 in 东北地区如何推进国企改革) stays words of their own, loose or scoping as any.
        addWords(w.subList(0, span.from()), units, ctx);
        units.add(new Unit(waysOfWriting(w.subList(span.from(), span.to()), span.alternatives(), highlight, ctx),
            w.subList(span.from(), span.to()), false, false));
        addWords(w.subList(span.to(), w.size()), units, ctx);
      }
    }
    if (!units.isEmpty()) {
      top.add(coverage(units, question, ctx), Occur.MUST);
      positive = true;
      List<Word> all = dropStopWords(chunks.stream().flatMap(List::stream).toList());
      proximity(chunks, all).forEach(p -> top.add(p, Occur.SHOULD));
    }
    for (String phrase : q.phrases()) {
      Query exact = sequence(IndexSchema.TEXT_BIGRAMS, phrase);
      if (exact != null) {
        top.add(exact, Occur.MUST);
        highlight.add(exact);
        positive = true;
      }
    }
    boolean excludedAny = false;
    for (String ex : q.excluded()) {
      for (Query excluded : excluded(ex)) {
        top.add(excluded, Occur.MUST_NOT);
        excludedAny = true;
      }
    }
    if (!positive) {
      if (!q.onlyExclusions() || !excludedAny) {
        return Optional.empty();
      }
      top.add(new MatchAllDocsQuery(), Occur.MUST);
      return Optional.of(new Built(top.build(), new MatchAllDocsQuery()));
    }
    return Optional.of(highlight.built(top.build(), seen.size(), leftOut));
  }

  private void addWords(List<Word> words, List<Unit> units, QueryContext ctx) {
    for (Word word : dropStopWords(words)) {
      boolean place = isPlace(word);
      boolean loose = !place && (isCommon(word, ctx) || isAction(word));
      units.add(new Unit(place ? placeQuery(word, true) : wordQuery(word), List.of(word), loose, place));
    }
  }

  /** The typed words or any other way of writing them, each marked in snippets. */
  private Query waysOfWriting(List<Word> typed, List<Alternative> alternatives, Marks highlight, QueryContext ctx) {
    List<Query> ways = new ArrayList<>();
    Query asTyped = allOf(dropStopWords(typed), false, null);
    ways.add(asTyped);
    double typedBound = ScoreBound.of(asTyped, ctx);
    for (Alternative alt : alternatives) {
      List<Word> altWords = words(alt.text(), ctx.features().latinRuns());
      if (!altWords.isEmpty()) {
        // A synonym is a term: its characters in sequence (第一汽车 for 一汽, not 第一 and 汽车 anywhere). Pinyin
        // read as words is matched as typed words are (jilin qiche).
        Query other = allOf(dropStopWords(altWords), alt.typedWords(), alt.typedWords() ? null : alt.text());
        // Another way of writing it scores at most what the typed form can: a longer one (鞍山钢铁 for 鞍钢,
        // more words and bigrams in sequence) had outscored every paragraph that says what was typed.
        double bound = ScoreBound.of(other, ctx);
        float scale = bound > typedBound && typedBound > 0 ? (float) (typedBound / bound) : 1f;
        ways.add(new BoostQuery(other, alt.boost() * scale));
        // Another way of writing the chunk is marked where it stands written, not word by word: the 产业 of
        // 冰雪产业 (for 冰雪经济) lit up every 产业 in the text. Pinyin read as words is marked as typed words
        // are: whole (营商环境 for yingshanghuanjing), else word by word (jilin qiche: 汽车 where 吉林 is only
        // the report's title).
        mark(altWords, alt.typedWords(), highlight);
      }
    }
    return new DisjunctionMaxQuery(ways, 0.1f);
  }

  /**
   * The words {@code from} to {@code to} (exclusive) of a chunk that its synonym rules rewrite, and the other
   * ways of writing just those words. The whole chunk when pinyin readings are among the alternatives (they
   * read all of it) or its words cannot be placed in the chunk as written.
   */
  private record SynonymSpan(int from, int to, List<Alternative> alternatives) {}

  private SynonymSpan synonymSpan(String chunk, List<Word> words, List<Alternative> alternatives, QueryContext ctx) {
    SynonymSpan whole = new SynonymSpan(0, words.size(), alternatives);
    int[] rewritten = ctx.synonyms().rewritten(chunk);
    if (rewritten == null || alternatives.stream().anyMatch(Alternative::typedWords)) {
      return whole;
    }
    int[] starts = new int[words.size()];
    int at = 0;
    for (int i = 0; i < words.size(); i++) {
      starts[i] = chunk.indexOf(words.get(i).surface(), at);
      if (starts[i] < 0) {
        return whole;
      }
      at = starts[i] + words.get(i).surface().length();
    }
    int from = 0;
    while (from < words.size() - 1 && starts[from] + words.get(from).surface().length() <= rewritten[0]) {
      from++;
    }
    int to = words.size();
    while (to > from + 1 && starts[to - 1] >= rewritten[1]) {
      to--;
    }
    if (from == 0 && to == words.size()) {
      return whole;
    }
    String span = chunk.substring(starts[from], starts[to - 1] + words.get(to - 1).surface().length());
    List<Alternative> ofSpan = alternatives(span, ctx);
    return ofSpan.isEmpty() ? whole : new SynonymSpan(from, to, ofSpan);
  }

  /**
   * What an exclusion leaves out: the characters in sequence in the text; for a place also the paragraphs
   * whose article or section is about it, as a place typed to include selects those (-辽宁 leaves out the
   * Liaoning report), and with its 省/市 typed, the bare name too (-辽宁省 as -辽宁).
   */
  private List<Query> excluded(String text) {
    List<String> forms = new ArrayList<>(List.of(text));
    boolean place = Places.isPlace(text) || isYear(text);
    Places.bareName(text).ifPresent(forms::add);
    forms.addAll(Places.members(text)); // -东北 leaves out its provinces' reports, as 东北 selects them
    List<Query> out = new ArrayList<>();
    for (String form : forms) {
      Query inText = sequence(IndexSchema.TEXT_BIGRAMS, form);
      if (inText != null) {
        out.add(inText);
      }
      Query inContext = place ? context(form) : null;
      if (inContext != null) {
        out.add(inContext);
      }
    }
    return out;
  }

  private static String surfaceOf(List<Word> words) {
    StringBuilder surface = new StringBuilder();
    words.forEach(w -> surface.append(w.surface()));
    return surface.toString();
  }

  /**
   * Pinyin typed as several words (yingshang huanjing) is read as one: its words need not be hanzi words on
   * their own (营商 is not), only the whole.
   */
  private static List<String> pinyinAsOne(List<String> chunks, QueryContext ctx) {
    if (chunks.size() < 2 || !ctx.features().pinyin()) {
      return chunks;
    }
    for (String c : chunks) {
      if (!isUnknownPinyin(c, ctx)) {
        return chunks;
      }
    }
    return List.of(String.join(" ", chunks));
  }

  private static boolean isUnknownPinyin(String chunk, QueryContext ctx) {
    if (!PinyinDictionary.looksLikePinyin(chunk)) {
      return false;
    }
    for (String part : chunk.split(" ")) {
      if (ctx.docFreq().of(IndexSchema.TEXT_BIGRAMS, part.toLowerCase(java.util.Locale.ROOT)) > 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Another way of writing a chunk and how much less it counts than what was typed; {@code typedWords} when its
   * words are the user's own (pinyin read as hanzi), to be marked one by one like typed words.
   */
  record Alternative(String text, float boost, boolean typedWords) {
    Alternative(String text, float boost) {
      this(text, boost, false);
    }
  }

  /** Synonym rewrites of the chunk, and hanzi readings when the chunk is pinyin no paragraph contains. */
  List<Alternative> alternatives(String chunk, QueryContext ctx) {
    List<Alternative> out = new ArrayList<>();
    if (ctx.features().synonyms()) {
      List<String> variants = ctx.synonyms().variants(chunk);
      for (int i = 1; i < variants.size(); i++) {
        out.add(new Alternative(variants.get(i), SYNONYM_BOOST));
      }
    }
    if (ctx.features().pinyin() && isUnknownPinyin(chunk, ctx)) {
      List<PinyinDictionary.Candidate> readings = ctx.pinyin().get().readings(chunk);
      for (PinyinDictionary.Candidate reading : readings) {
        // A reading counts as much less as it is rarer than the commonest: a rare word's higher IDF had ranked
        // 竞技 above 经济 for jingji, 伤害 above 上海 for shanghai, every 背景 above 北京 for beijing.
        float boost = PINYIN_BOOST * reading.weight() / Math.max(1, readings.get(0).weight());
        out.add(new Alternative(reading.hanzi(), boost, true));
        if (ctx.features().synonyms()) {
          ctx.synonyms().variants(reading.hanzi()).stream().skip(1)
              .forEach(v -> out.add(new Alternative(v, boost * SYNONYM_BOOST)));
        }
      }
    }
    return out;
  }

  /**
   * The units' matching rule: topical units are required — all of them for up to four, three quarters of
   * longer queries, about two thirds of a question's (at least one; of two, the rarer) — while common words and action words (推动, 扩大) only add to
   * the score, unless nothing else was typed. This is the "common terms" idea: 沈阳如何推动制造业高质量发展 must
   * be about 制造业, and is better for mentioning 推动 and 发展. A place name (吉林) scopes the query: it must
   * occur in the paragraph or in its article's title or section.
   */
  private static Query coverage(List<Unit> units, boolean question, QueryContext ctx) {
    List<Unit> places = units.stream().filter(Unit::place).toList();
    List<Unit> topical = units.stream().filter(u -> !u.place()).toList();
    if (topical.isEmpty()) {
      topical = places; // the query is only place names: search for them like any words
      places = List.of();
    }
    // Short queries need every word ("all words matter"); only questions and long queries let common and
    // action words go loose.
    boolean loosen = question || topical.size() >= 4;
    List<Unit> rare = loosen ? topical.stream().filter(u -> !u.common()).toList() : topical;
    List<Unit> required = rare.isEmpty() ? topical : rare;
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (Unit place : places) {
      b.add(place.query(), Occur.MUST);
    }
    BooleanQuery.Builder must = new BooleanQuery.Builder();
    int n = required.size();
    // Of a question's two topical words one is enough, but not the commoner alone: 吉林如何保障粮食安全 is about
    // 粮食, and paragraphs that only say 安全 had ranked first (requiring both lost the grain paragraphs that
    // do not say 安全).
    Unit rarer = question && n == 2
        ? paragraphsWith(required.get(0), ctx) <= paragraphsWith(required.get(1), ctx) ? required.get(0) : required.get(1)
        : null;
    for (Unit u : required) {
      must.add(u.query(), u == rarer ? Occur.MUST : Occur.SHOULD);
    }
    int min = question ? Math.max(1, n - (n + 2) / 3) : n <= 4 ? n : (int) Math.ceil(n * 0.75);
    must.setMinimumNumberShouldMatch(rarer == null ? min : 0);
    b.add(must.build(), Occur.MUST);
    if (loosen && !rare.isEmpty()) {
      for (Unit u : topical) {
        if (u.common()) {
          b.add(u.query(), Occur.SHOULD);
        }
      }
    }
    return b.build();
  }

  /** Paragraphs that have the unit's rarest word: how telling it is. */
  private static int paragraphsWith(Unit u, QueryContext ctx) {
    int fewest = Integer.MAX_VALUE;
    for (Word w : u.words()) {
      for (String term : w.terms()) {
        fewest = Math.min(fewest, ctx.docFreq().of(IndexSchema.TEXT, term));
      }
    }
    return fewest;
  }

  private static boolean isAction(Word w) {
    return w.terms().size() == 1 && PolicyWords.ACTION_SET.contains(w.terms().get(0));
  }

  private static boolean isCommon(Word w, QueryContext ctx) {
    if (ctx.numDocs() < 20 || w.terms().size() != 1) {
      return false; // a tiny index says nothing about how common a word is
    }
    return ctx.docFreq().of(IndexSchema.TEXT, w.terms().get(0)) > ctx.numDocs() * COMMON_SHARE;
  }

  /**
   * All of the words, each in any of its ways (used for one way of writing a chunk); {@code regionsAsMembers}
   * when the words are the user's own (see {@link #wordOrPlaceQuery}).
   */
  /**
   * Each of the words, as a word or its characters in sequence, the whole in sequence scoring more; or required
   * to be written as {@code requiredSequence} when that is given.
   */
  private Query allOf(List<Word> words, boolean regionsAsMembers, String requiredSequence) {
    if (words.size() == 1) {
      return wordOrPlaceQuery(words.get(0), regionsAsMembers);
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (Word w : words) {
      b.add(wordOrPlaceQuery(w, regionsAsMembers), Occur.MUST);
    }
    Query exact = sequence(IndexSchema.TEXT_BIGRAMS, requiredSequence != null ? requiredSequence : surfaceOf(words));
    if (exact != null) {
      b.add(new BoostQuery(exact, EXACT_SEQUENCE_BOOST), requiredSequence != null ? Occur.MUST : Occur.SHOULD);
    }
    return b.build();
  }

  /**
   * A place name found in the title or section too (黑龙江冰雪经济 as 黑龙江 冰雪经济), any other word as a word.
   * Inside a term with other ways of writing it (东北振兴 ⇔ 振兴东北) a region is only itself: the term is about
   * the Northeast as a whole, not about 振兴 in any of its provinces; read from pinyin (dongbei bingxue), it
   * stands for its provinces as typed hanzi do.
   */
  private Query wordOrPlaceQuery(Word w, boolean regionsAsMembers) {
    return isPlace(w) ? placeQuery(w, regionsAsMembers) : wordQuery(w);
  }

  /**
   * A place, or a year: both scope a query the same way, as what a report is about is in its title (2026年
   * 主要预期目标 wants the 2026 reports' targets, whose text says 今年).
   */
  private static boolean isPlace(Word w) {
    return Places.isPlace(w.surface()) || (w.terms().size() == 1 && isYear(w.surface()));
  }

  private static boolean isYear(String s) {
    return s.length() == 4 && s.chars().allMatch(Character::isDigit) && s.compareTo("1949") >= 0 && s.compareTo("2099") <= 0;
  }

  /** What SmartChinese splits off a region's official name (内蒙古/自治区, 广西/壮族/自治区, 东北/三省). */
  private static final Set<String> REGION_ENDINGS = Set.of("自治区", "壮族", "回族", "维吾尔", "三省");

  /**
   * The words without the endings of a place's official name or of a year: 内蒙古自治区 煤炭 is 内蒙古 煤炭 and
   * 2026年 is 2026 (texts and titles write both ways; 自治区 required as a word had found nothing).
   */
  private static List<Word> withoutNameEndings(List<Word> words) {
    List<Word> out = new ArrayList<>(words.size());
    Word previous = null;
    for (Word w : words) {
      boolean ending = previous != null && isPlace(previous)
          && (isYear(previous.surface()) ? w.surface().equals("年")
              : REGION_ENDINGS.contains(TraditionalToSimplified.convert(w.surface())));
      if (!ending) {
        out.add(w);
        previous = w;
      }
    }
    return out;
  }

  /**
   * One word: its characters must occur in sequence in the paragraph's text (the bigram field, which finds
   * 沈阳 inside 沈阳市 too); being a whole SmartChinese word there, or being in the section heading or the
   * article title, adds to the score. Matching on one field and scoring on the others is much cheaper than
   * a disjunction over all of them, which on common words (发展, 管理) visited hundreds of thousands of
   * documents several times over.
   */
  private Query wordQuery(Word w) {
    Query bigrams = sequence(IndexSchema.TEXT_BIGRAMS, w.surface());
    Query word = terms(IndexSchema.TEXT, w);
    if (bigrams == null) {
      return new BoostQuery(word, WORD_BOOST); // nothing indexable as characters (should not happen)
    }
    List<Query> inContext = new ArrayList<>();
    inContext.add(new BoostQuery(terms(IndexSchema.SECTION, w), SECTION_BOOST));
    inContext.add(new BoostQuery(terms(IndexSchema.TITLE, w), TITLE_BOOST));
    Query context = context(w.surface());
    if (context != null) {
      inContext.add(new BoostQuery(context, CONTEXT_BIGRAM_BOOST));
    }
    return new BooleanQuery.Builder()
        .add(new BoostQuery(bigrams, BIGRAM_BOOST), Occur.MUST)
        .add(new BoostQuery(word, WORD_BOOST), Occur.SHOULD)
        .add(new DisjunctionMaxQuery(inContext, 0.1f), Occur.SHOULD)
        .build();
  }

  /**
   * A place name: like any word, but a match in the article's title or the section counts nearly as much as
   * one in the text, since a work report of 吉林省 is about 吉林 in every paragraph.
   */
  private Query placeQuery(Word w, boolean withMembers) {
    List<Query> ways = new ArrayList<>();
    ways.add(new BoostQuery(notInLongerName(terms(IndexSchema.TEXT, w), w.surface()), WORD_BOOST));
    Query inText = sequence(IndexSchema.TEXT_BIGRAMS, w.surface());
    if (inText != null) {
      ways.add(new BoostQuery(notInLongerName(inText, w.surface()), BIGRAM_BOOST));
    }
    Query inContext = context(w.surface());
    if (inContext != null) {
      ways.add(new BoostQuery(inContext, PLACE_CONTEXT_BOOST));
    }
    // 沈阳市 typed also finds 沈阳 written without it, as texts mostly do.
    Places.bareName(w.surface()).ifPresent(bare -> {
      Query bareText = sequence(IndexSchema.TEXT_BIGRAMS, bare);
      if (bareText != null) {
        ways.add(new BoostQuery(notInLongerName(bareText, bare), BIGRAM_BOOST * BARE_PLACE_BOOST));
      }
      Query bareContext = context(bare);
      if (bareContext != null) {
        ways.add(new BoostQuery(bareContext, PLACE_CONTEXT_BOOST * BARE_PLACE_BOOST));
      }
    });
    // 东北 typed also finds what its provinces' reports say about it, which is written 辽宁 or 黑龙江, not 东北.
    // Scored as a constant below what 东北 written scores: the provinces' names are rarer in titles than 东北
    // in text, and by their IDF the Inner Mongolia report had filled the first pages of 东北.
    for (String member : withMembers ? Places.members(w.surface()) : List.<String>of()) {
      Query memberText = sequence(IndexSchema.TEXT_BIGRAMS, member);
      if (memberText != null) {
        ways.add(new BoostQuery(new ConstantScoreQuery(memberText), REGION_MEMBER_SCORE));
      }
      Query memberContext = context(member);
      if (memberContext != null) {
        ways.add(new BoostQuery(new ConstantScoreQuery(memberContext), REGION_MEMBER_SCORE));
      }
    }
    return new DisjunctionMaxQuery(ways, 0.1f);
  }

  /**
   * The place written in a paragraph, unless only inside a longer name that is not it: 吉林 新能源 ranked first a
   * paragraph on the 巴丹吉林 desert (see places.txt). A paragraph naming both is left to the other ways.
   */
  private Query notInLongerName(Query written, String place) {
    List<String> longer = Places.notIt(place);
    if (longer.isEmpty()) {
      return written;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(written, Occur.MUST);
    for (String name : longer) {
      Query other = sequence(IndexSchema.TEXT_BIGRAMS, name);
      if (other != null) {
        b.add(other, Occur.MUST_NOT);
      }
    }
    return b.build();
  }

  /**
   * A word's single term, or its terms as a phrase at their relative positions, with a little slop for the
   * punctuation that texts put inside such runs (PM2.5 is also written PM_2.5).
   */
  private static Query terms(String field, Word w) {
    if (w.terms().size() == 1) {
      return new TermQuery(new Term(field, w.terms().get(0)));
    }
    PhraseQuery.Builder p = new PhraseQuery.Builder();
    for (int i = 0; i < w.terms().size(); i++) {
      p.add(new Term(field, w.terms().get(i)), w.positions().get(i));
    }
    p.setSlop(2);
    return p.build();
  }

  /**
   * What snippets mark for free text: each chunk as typed, adjacent word pairs, places, and ({@code
   * eachWord}) its words as pieces, except single characters split off a longer chunk (the 商 of 营/商/环境 would
   * light up every 商 in the text).
   */
  private void mark(List<Word> chunk, boolean eachWord, Marks marks) {
    // Only character sequences of the bigram field: they cover every word match too (a word's characters
    // are in sequence wherever the word is), and one field is much cheaper to highlight than five.
    Query whole = sequence(IndexSchema.TEXT_BIGRAMS, surfaceOf(chunk));
    if (whole != null) {
      marks.add(whole);
    }
    for (Word w : chunk) {
      if (isPlace(w)) {
        Places.bareName(w.surface()).map(bare -> sequence(IndexSchema.TEXT_BIGRAMS, bare)).ifPresent(marks::add);
      }
    }
    for (int i = 0; i < chunk.size() && chunk.size() > 1; i++) {
      Word w = chunk.get(i);
      if (eachWord && w.surface().codePointCount(0, w.surface().length()) > 1) {
        Query word = sequence(IndexSchema.TEXT_BIGRAMS, w.surface());
        if (word != null) {
          marks.addPiece(word);
        }
      }
      if (i + 1 < chunk.size()) {
        Query pair = sequence(IndexSchema.TEXT_BIGRAMS, w.surface() + chunk.get(i + 1).surface());
        if (pair != null) {
          marks.add(pair); // overlapping pairs (营商, 商环境) join into one mark (营商环境)
        }
      }
    }
  }

  private List<Query> proximity(List<List<Word>> chunks, List<Word> all) {
    List<Query> out = new ArrayList<>();
    for (List<Word> chunk : chunks) {
      if (chunk.size() > 1) {
        Query exact = sequence(IndexSchema.TEXT_BIGRAMS, surfaceOf(chunk));
        if (exact != null) {
          out.add(new BoostQuery(exact, EXACT_SEQUENCE_BOOST));
        }
      }
    }
    if (all.size() >= 3) {
      // Long queries (questions): reward the words that stand together as typed.
      for (int i = 0; i + 1 < all.size(); i++) {
        Query pair = sequence(IndexSchema.TEXT_BIGRAMS, all.get(i).surface() + all.get(i + 1).surface());
        if (pair != null) {
          out.add(new BoostQuery(pair, ADJACENT_PAIR_BOOST));
        }
      }
    }
    if (chunks.size() > 1 && all.size() <= 8) {
      // Words typed apart (数字 沈阳): reward paragraphs where they are near each other.
      PhraseQuery.Builder near = new PhraseQuery.Builder();
      int pos = 0;
      for (Word w : all) {
        for (int i = 0; i < w.terms().size(); i++) {
          near.add(new Term(IndexSchema.TEXT, w.terms().get(i)), pos + w.positions().get(i));
        }
        pos += w.positions().get(w.positions().size() - 1) + 1;
      }
      near.setSlop(NEAR_SLOP);
      out.add(new BoostQuery(near.build(), NEAR_BOOST));
    }
    return out;
  }

  private static List<Word> dropStopWords(List<Word> words) {
    List<Word> kept = words.stream().filter(w -> !isOneOf(w, QUERY_STOP_WORDS)).toList();
    return kept.isEmpty() ? words : kept;
  }

  /** The word is one of {@code set}: its one term, or what was typed (咋样, which SmartChinese cuts into 咋/样). */
  private static boolean isOneOf(Word w, Set<String> set) {
    return (w.terms().size() == 1 && set.contains(w.terms().get(0))) || set.contains(w.surface());
  }

  /** Characters {@code start} (inclusive) to {@code end} (exclusive) of a text. */
  record Span(int start, int end) {}

  /**
   * Stretches of two or more Han characters that SmartChinese finds no word of two or more characters in (冰学
   * of 黑龙江冰学, 该革 of 国企该革, 营商环竟 whole): where an input method's wrong pick usually shows, as a word
   * it breaks falls apart into single characters.
   */
  List<Span> looseCharacters(String text) {
    boolean[] inWord = new boolean[text.length()];
    try (TokenStream ts = words.tokenStream(IndexSchema.TEXT, text)) {
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        if (offset.endOffset() - offset.startOffset() > 1) {
          Arrays.fill(inWord, offset.startOffset(), offset.endOffset(), true);
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Span> out = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= text.length(); i++) {
      boolean loose = i < text.length() && !inWord[i] && Chars.isHan(text.charAt(i));
      if (loose && start < 0) {
        start = i;
      } else if (!loose && start >= 0) {
        if (i - start >= 2) {
          out.add(new Span(start, i));
        }
        start = -1;
      }
    }
    return out;
  }

  /**
   * SmartChinese words of {@code text}, each with the characters it came from. With {@code latinRuns}, a run
   * of letters and digits typed without a break (5G, AI+, 20件) that SmartChinese cut into pieces is kept as
   * one word whose pieces must appear together.
   */
  List<Word> words(String text, boolean latinRuns) {
    return joinSingleCharacters(segment(text, latinRuns), text);
  }

  /**
   * Characters SmartChinese left standing alone (营/商 of 营商环境, 十/五/五 of 十五五) are one term it does not
   * know, not separate words: a run of them becomes one word matched as those characters in sequence. As
   * separate single characters each would match a vast share of all paragraphs, and mean nothing alone.
   */
  private static List<Word> joinSingleCharacters(List<Word> words, String text) {
    List<Word> out = new ArrayList<>(words.size());
    boolean afterYear = false;
    for (Word w : words) {
      Word last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && !afterYear && isLoneHan(w) && isLoneHanRun(last) && contiguous(text, last, w)) {
        out.set(out.size() - 1, join(List.of(last, w)));
      } else {
        out.add(w);
      }
      // The 年 of 2026年 belongs to the year, not to a term typed right after it: 2026年营商环境 had looked for
      // 年营商 in sequence and found nothing.
      afterYear = last != null && w.surface().equals("年") && isYear(last.surface());
    }
    return out;
  }

  private static boolean isLoneHan(Word w) {
    return w.terms().size() == 1 && w.surface().length() == 1
        && Chars.isHan(w.surface().charAt(0))
        && !QUERY_STOP_WORDS.contains(w.surface());
  }

  private static boolean isLoneHanRun(Word w) {
    return Chars.isHan(w.surface()) && w.terms().size() == w.surface().length()
        && (!QUERY_STOP_WORDS.contains(w.surface()) || w.surface().equals(TOWARDS));
  }

  /**
   * A longer name typed that contains a place but is not it (巴丹吉林: 巴丹/吉林) is one word, not that place:
   * the place would leave out the very paragraphs that name it.
   */
  private static List<Word> longerNamesWhole(List<Word> words) {
    List<Word> out = new ArrayList<>(words.size());
    for (Word w : words) {
      out.add(w);
      List<String> longer = Places.notIt(w.surface());
      // The names end with the place they contain (巴丹吉林, 渝东北): do the words before it spell one?
      for (int from = out.size() - 2; from >= 0 && !longer.isEmpty(); from--) {
        List<Word> run = out.subList(from, out.size());
        if (longer.contains(surfaceOf(run))) {
          Word name = join(run);
          run.clear();
          out.add(name);
          break;
        }
      }
    }
    return out;
  }

  /** Words typed together as one word: their terms at their positions, the run of characters they came from. */
  private static Word join(List<Word> run) {
    List<String> terms = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    int offset = 0;
    for (Word w : run) {
      for (int k = 0; k < w.terms().size(); k++) {
        terms.add(w.terms().get(k));
        positions.add(offset + w.positions().get(k));
      }
      offset += w.positions().get(w.positions().size() - 1) + 1;
    }
    return new Word(List.copyOf(terms), List.copyOf(positions), surfaceOf(run));
  }

  /**
   * 对韩 where no paragraph writes it (they say 韩国) is 韩 alone, as before 对 was joined: required as written,
   * it found nothing.
   */
  private static List<Word> towardsOnlyWhereWritten(List<Word> words, QueryContext ctx) {
    List<Word> out = new ArrayList<>(words.size());
    for (Word w : words) {
      boolean towards = w.terms().size() == 2 && w.terms().get(0).equals(TOWARDS) && w.surface().length() == 2;
      if (towards && ctx.docFreq().of(IndexSchema.TEXT_BIGRAMS, w.surface()) == 0) {
        out.add(new Word(w.terms().get(1), w.surface().substring(1)));
      } else {
        out.add(w);
      }
    }
    return out;
  }

  /**
   * 对 is a function word, except before a country's one-character name: 对俄 (合作), 对日, 对韩 are terms, and
   * without 对 the 俄 of 对俄合作 matched every paragraph on relations with 俄罗斯.
   */
  private static final String TOWARDS = "对";

  private static boolean contiguous(String text, Word a, Word b) {
    int at = text.indexOf(a.surface() + b.surface());
    return at >= 0;
  }

  private List<Word> segment(String text, boolean latinRuns) {
    List<Word> out = new ArrayList<>();
    int lastEnd = -1;
    int position = -1;
    int lastStartPosition = 0;
    try (TokenStream ts = words.tokenStream(IndexSchema.TEXT, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute posInc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        position += posInc.getPositionIncrement();
        String surface = text.substring(offset.startOffset(), offset.endOffset());
        Word last = out.isEmpty() ? null : out.get(out.size() - 1);
        if (latinRuns && last != null && joins(text, lastEnd, offset.startOffset())
            && Chars.isAsciiAlnum(surface) && Chars.isAsciiAlnum(last.surface().charAt(last.surface().length() - 1))) {
          List<String> terms = new ArrayList<>(last.terms());
          List<Integer> positions = new ArrayList<>(last.positions());
          terms.add(term.toString());
          positions.add(position - lastStartPosition);
          out.set(out.size() - 1, new Word(List.copyOf(terms), List.copyOf(positions),
              last.surface() + text.substring(lastEnd, offset.endOffset())));
        } else {
          out.add(new Word(term.toString(), surface));
          lastStartPosition = position;
        }
        lastEnd = offset.endOffset();
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Latin and digit pieces typed together, or joined by . & - + (PM2.5, R&D), belong to one word. */
  private static boolean joins(String text, int lastEnd, int start) {
    if (lastEnd < 0 || start < lastEnd || start - lastEnd > 1) {
      return false;
    }
    return start == lastEnd || ".&-+_".indexOf(text.charAt(lastEnd)) >= 0;
  }

  /**
   * {@code text} in the paragraph's title or section: all of its bigrams (that field keeps no positions,
   * and for the short words looked up there the conjunction is as good as the phrase). Null when empty.
   */
  Query context(String text) {
    Query seq = sequence(IndexSchema.CONTEXT_BIGRAMS, text);
    if (!(seq instanceof PhraseQuery phrase)) {
      return seq;
    }
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    for (Term t : phrase.getTerms()) {
      all.add(new TermQuery(t), Occur.MUST);
    }
    return all.build();
  }

  /**
   * The characters of {@code text} in sequence in a bigram field: one term for one or two characters, a phrase
   * of overlapping bigrams for more. Null when the text has nothing indexable.
   */
  Query sequence(String field, String text) {
    PhraseQuery.Builder phrase = new PhraseQuery.Builder();
    Term single = null;
    int count = 0;
    // The text field's index also holds every character on its own, each at its own position, a bigram at
    // its first character's. So where a run of bigrams ends (抓招商 in 抓招商、推项目), the run's last character
    // took a position there that this query's bigrams do not: skip it, or a phrase across punctuation, as
    // “抓招商、推项目” is quoted, never matches.
    boolean unigramsIndexed = IndexSchema.TEXT_BIGRAMS.equals(field);
    try (TokenStream ts = bigrams.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute posInc = ts.addAttribute(PositionIncrementAttribute.class);
      TypeAttribute type = ts.addAttribute(TypeAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      int pos = -1;
      int bigramEnd = -1; // end offset of the previous token when it was a bigram
      while (ts.incrementToken()) {
        pos += Math.max(1, posInc.getPositionIncrement());
        boolean bigram = CJKBigramFilter.DOUBLE_TYPE.equals(type.type());
        if (unigramsIndexed && bigramEnd >= 0 && !(bigram && offset.startOffset() < bigramEnd)) {
          pos++;
        }
        bigramEnd = bigram ? offset.endOffset() : -1;
        single = new Term(field, term.toString());
        phrase.add(single, pos);
        count++;
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (count == 0) {
      return null;
    }
    return count == 1 ? new TermQuery(single) : phrase.build();
  }
}
