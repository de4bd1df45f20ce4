package cn.zhenxing.server.search;

import cn.zhenxing.indexer.index.IndexSchema;
import cn.zhenxing.indexer.pinyin.PinyinDictionary;
import cn.zhenxing.indexer.suggest.SuggestIndex;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * When a query finds nothing, proposes one that does: a key phrase spelled almost the same (营商环竟 →
 * 营商环境) or a word that sounds the same (沈杨 → 沈阳), the hanzi reading of pinyin, or the same query with
 * the word that matched nothing left out. When it finds only a few hits, its words found apart by chance, the
 * spelling fix alone ({@link #respell}). Only proposals that actually have results are offered, with their
 * count.
 */
final class DidYouMean {

  /**
   * Bigram Dice similarity of a key phrase to the chunk, to be looked at: a four-character term with a middle
   * character wrong shares one bigram of three with it (科技穿新, 营商还境: 1/3). The edit distance decides.
   */
  static final double MIN_SIMILARITY = 0.3;
  /** Ways of splitting a chunk in two tried at most, each a search. */
  static final int MAX_SPLITS = 6;
  /** Key phrases looked at per chunk, most similar first; the edit distance then keeps few. */
  static final int MAX_SIMILAR = 10;
  /** Spellings of one chunk tried at most. */
  static final int MAX_SPELLINGS = 5;
  /** Below this many hits a query may still be misspelt: its words found apart, by chance. */
  static final int FEW_HITS = 20;
  /** Beside results, chunks up to this long are looked up among the key phrases spelled alike. */
  static final int MAX_RESPELT_LOOKUP = 8;
  /** Loose characters read as one word that sounds the same, at most this many at a time. */
  static final int MAX_SOUNDING_WINDOW = 4;
  /** Relaxed versions counted at most: each is a search, run only when a query found nothing. */
  static final int MAX_RELAXED = 16;
  /**
   * Steps one proposal may take, spelled and relaxed together: each looks up similar phrases or builds and runs a
   * search. A long query of many chunks that finds nothing (a pasted text of rare words) had taken 160 of each,
   * half a second of CPU past any time limit.
   */
  static final int MAX_STEPS = 32;

  /** What one proposal may still spend: steps, and the search's own deadline. */
  static final class Budget {
    private final DeadlineQuery.Deadline deadline;
    private int steps;

    Budget(DeadlineQuery.Deadline deadline, int steps) {
      this.deadline = deadline;
      this.steps = steps;
    }

    /** Takes a step if one is left and the deadline has not passed. */
    boolean spend() {
      if (steps <= 0 || deadline.check()) {
        return false;
      }
      steps--;
      return true;
    }
  }

  /** A proposal: the query text to run instead, why, and how many results it has. */
  record Proposal(String query, String reason, long total) {}

  /**
   * A chunk as it may have been meant; for a fix of some of its characters, those typed ({@code replaced}) and
   * where their fix stands in the new chunk ({@code start} to {@code end}); whether it reads as typed.
   */
  private record Spelling(String chunk, String replaced, int start, int end, boolean soundsAlike) {
    static Spelling whole(String chunk, boolean soundsAlike) {
      return new Spelling(chunk, null, 0, chunk.length(), soundsAlike);
    }

    /** The fix with the character before it, and with the one after it, where there are such. */
    List<String> extensions() {
      List<String> out = new ArrayList<>(2);
      if (start > 0) {
        out.add(chunk.substring(start - 1, end));
      }
      if (end < chunk.length()) {
        out.add(chunk.substring(start, end + 1));
      }
      return out;
    }
  }

  private final QueryBuilder queries;
  private final FacetsConfig facetsConfig = IndexSchema.facetsConfig();

  DidYouMean(QueryBuilder queries) {
    this.queries = queries;
  }

  /**
   * A proposal for {@code q}, which found nothing, looked for until {@code deadline} (the search's own: a
   * proposal is part of answering it) and in at most {@link #MAX_STEPS} steps.
   */
  Optional<Proposal> propose(UserQuery q, List<String> themes, IndexSearcher searcher, SuggestIndex suggestions,
      QueryContext ctx, DeadlineQuery.Deadline deadline) throws IOException {
    if (q.text().isEmpty() && q.phrases().isEmpty()) {
      return Optional.empty();
    }
    Budget budget = new Budget(deadline, MAX_STEPS);
    Optional<Proposal> spelled = spelled(q, themes, searcher, suggestions, ctx, budget, 0);
    if (spelled.isPresent()) {
      return spelled;
    }
    Optional<Proposal> split = split(q, themes, searcher, ctx, budget);
    if (split.isPresent()) {
      return split;
    }
    UserQuery free = q;
    if (!q.phrases().isEmpty()) {
      // A quoted phrase written nowhere as typed ("老工业基地" 辽宁): its words need not stand together, and
      // when that finds nothing either, the words are relaxed as if typed without quotes.
      List<String> text = new ArrayList<>(q.text());
      text.addAll(q.phrases());
      String query = rewrite(text, List.of(), q.excluded());
      free = UserQueryParser.parse(query);
      long n = count(free, themes, searcher, ctx, budget);
      if (n > 0) {
        return Optional.of(new Proposal(query, "relaxed", n));
      }
    }
    String typed = String.join(" ", free.text());
    if (free.text().size() > 1 || queries.words(typed, true).size() > 1) {
      return relaxed(free, themes, searcher, ctx, budget);
    }
    return Optional.empty();
  }

  /**
   * For {@code q}, which found only {@code total} hits (fewer than {@link #FEW_HITS}): the same query with a
   * misspelt chunk fixed, when that finds more (科技创心 finds one paragraph that happens to hold 科技, 创 and 心;
   * 科技创新 finds hundreds), or when it fixes loose characters written nowhere (装被 of 辽宁装被制造, whose 7
   * hits only say 制造 and 辽宁). Never a relaxed query, which finds more by asking for less.
   */
  Optional<Proposal> respell(UserQuery q, long total, List<String> themes, IndexSearcher searcher,
      SuggestIndex suggestions, QueryContext ctx, DeadlineQuery.Deadline deadline) throws IOException {
    if (total >= FEW_HITS || q.text().isEmpty() && q.phrases().isEmpty()) {
      return Optional.empty();
    }
    return spelled(q, themes, searcher, suggestions, ctx, new Budget(deadline, MAX_STEPS), total);
  }

  /**
   * One chunk replaced by what it may have been meant as ({@link #spellings}); a chunk the text writes is not
   * misspelt, so 辽宁 老工业基地 is not "corrected" to 辽宁 工业基地. Fixes of loose characters are tried in order
   * of how well the text bears them out: the whole fixed chunk written first (全国统一大世场 → 全国统一大市场,
   * not 大事场, which finds two paragraphs too), then the fix written with a neighbouring character, then the
   * rest; a whole chunk that reads as typed comes first, one that does not after the fixes that do. With {@code total} hits already (see {@link #respell}), a fix must find more, or replace loose
   * characters written nowhere.
   */
  private Optional<Proposal> spelled(UserQuery q, List<String> themes, IndexSearcher searcher,
      SuggestIndex suggestions, QueryContext ctx, Budget budget, long total) throws IOException {
    int chunks = q.text().size();
    for (int i = 0; i < chunks + q.phrases().size() && budget.spend(); i++) {
      boolean phrase = i >= chunks; // a quoted phrase is fixed the same way, and stays quoted
      String chunk = phrase ? q.phrases().get(i - chunks) : q.text().get(i);
      // Beside results, a long chunk is a question rather than a mistyped term: its lookup among the key
      // phrases (an OR of all its words) had cost the mix's few-hit questions 1-2 ms each, for nothing.
      boolean lookUp = total == 0 || chunk.codePointCount(0, chunk.length()) <= MAX_RESPELT_LOOKUP;
      // With nothing found, a chunk the text writes (one count) is passed over before its four phrase lookups;
      // beside results, where most chunks have no candidate at all, the count waits for one.
      if (total == 0 && written(chunk, searcher, budget)) {
        continue;
      }
      if (total > 0 && !Chars.hasHan(chunk)) {
        continue; // beside results, pinyin (shuzi shenyang) is read by the query itself, not misspelt
      }
      List<Spelling> candidates = spellings(chunk, suggestions, ctx, lookUp);
      if (candidates.isEmpty() || total > 0 && written(chunk, searcher, budget)) {
        continue;
      }
      List<Spelling> ordered = new ArrayList<>();
      List<Spelling> looser = new ArrayList<>();
      List<Spelling> unlike = new ArrayList<>();
      List<Spelling> loosest = new ArrayList<>();
      for (Spelling candidate : candidates) {
        if (candidate.replaced() == null && total > 0 && !candidate.soundsAlike()) {
          continue; // beside results only a slip that reads as typed: 沈阳优化营商环境 is no 持续优化营商环境
        } else if (candidate.replaced() == null) {
          (candidate.soundsAlike() ? ordered : unlike).add(candidate); // 数子经济: 数字经济 before 谷子经济
        } else if (written(candidate.chunk(), searcher, budget)) {
          ordered.add(candidate);
        } else if (writtenAny(candidate.extensions(), searcher, budget)) {
          looser.add(candidate);
        } else {
          loosest.add(candidate); // 放管服”改革 is written with a quote between: no sequence is found
        }
      }
      ordered.addAll(looser);
      ordered.addAll(unlike);
      ordered.addAll(loosest);
      for (Spelling candidate : ordered) {
        List<String> text = new ArrayList<>(q.text());
        List<String> phrases = new ArrayList<>(q.phrases());
        if (phrase) {
          phrases.set(i - chunks, candidate.chunk());
        } else {
          text.set(i, candidate.chunk());
        }
        String query = rewrite(text, phrases, q.excluded());
        long n = count(UserQueryParser.parse(query), themes, searcher, ctx, budget);
        if (n > 0 && (total == 0 || n > total
            || candidate.replaced() != null && !written(candidate.replaced(), searcher, budget))) {
          return Optional.of(new Proposal(query, "spelling", n));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Ways {@code chunk} may have been meant, as an input method's wrong pick or a slip would leave it:
   * <ul>
   *   <li>a key phrase spelled almost the same (only with {@code lookUp}): at most one character in four
   *       differs (营商环竟 → 营商环境, 科技穿新 → 科技创新), and in a chunk of three characters or fewer it sounds
   *       the same (碳达风 → 碳达峰; 沈阳港 is no 沈阳市, 辽字号 no 川字号); a phrase the chunk contains is no fix
   *       (振兴杯 is not 振兴 misspelt: it asks for less);
   *   <li>a word of the index that sounds the same and shares a character with it (沈杨 → 沈阳, two characters
   *       that share no bigram with the right ones; 抚远 is no 复员);
   *   <li>a few of its loose characters read the same way, a character shared (黑龙江冰学 → 黑龙江冰雪,
   *       国企该革 → 国企改革: the wrong pick broke one word into single characters).
   * </ul>
   */
  private List<Spelling> spellings(String chunk, SuggestIndex suggestions, QueryContext ctx, boolean lookUp)
      throws IOException {
    List<Spelling> out = new ArrayList<>();
    int length = chunk.codePointCount(0, chunk.length());
    for (String candidate : lookUp ? suggestions.similar(chunk, MAX_SIMILAR, MIN_SIMILARITY) : List.<String>of()) {
      int edits = editDistance(chunk, candidate);
      boolean alike = PinyinDictionary.soundsAlike(chunk, candidate);
      // Two characters changed that do not sound alike are a word replaced, not a slip: 大连优化营商环境 is no
      // misspelt 持续优化营商环境.
      if (edits <= Math.max(1, length / 4) && !chunk.contains(candidate) && (alike || length >= 4 && edits == 1)) {
        out.add(Spelling.whole(candidate, alike));
      }
    }
    if (!ctx.features().pinyin()) {
      return out;
    }
    PinyinDictionary pinyin = ctx.pinyin().get();
    if (Chars.isHan(chunk)) {
      for (PinyinDictionary.Candidate sounding : pinyin.homophones(chunk)) {
        if (out.size() < MAX_SPELLINGS && shareCharacter(chunk, sounding.hanzi()) && !has(out, sounding.hanzi())) {
          out.add(Spelling.whole(sounding.hanzi(), true));
        }
      }
    }
    // Longer stretches first: a longer word that sounds the same is the surer fix.
    for (QueryBuilder.Span loose : queries.looseCharacters(chunk)) {
      for (int size = Math.min(MAX_SOUNDING_WINDOW, loose.end() - loose.start()); size >= 2; size--) {
        for (int start = loose.start(); start + size <= loose.end(); start++) {
          String window = chunk.substring(start, start + size);
          for (PinyinDictionary.Candidate sounding : pinyin.homophones(window)) {
            String fixed = chunk.substring(0, start) + sounding.hanzi() + chunk.substring(start + size);
            if (out.size() < MAX_SPELLINGS && shareCharacter(window, sounding.hanzi()) && !has(out, fixed)) {
              out.add(new Spelling(fixed, window, start, start + size, true));
            }
          }
        }
      }
    }
    return out;
  }

  private static boolean has(List<Spelling> spellings, String chunk) {
    return spellings.stream().anyMatch(s -> s.chunk().equals(chunk));
  }

  /** True when some character stands at the same place in both. */
  private static boolean shareCharacter(String a, String b) {
    for (int i = 0; i < Math.min(a.length(), b.length()); i++) {
      if (a.charAt(i) == b.charAt(i)) {
        return true;
      }
    }
    return false;
  }

  private boolean writtenAny(List<String> texts, IndexSearcher searcher, Budget budget) throws IOException {
    for (String text : texts) {
      if (written(text, searcher, budget)) {
        return true;
      }
    }
    return false;
  }

  /** Whether some paragraph writes {@code chunk} as typed (counted as a step; false when none is left). */
  private boolean written(String chunk, IndexSearcher searcher, Budget budget) throws IOException {
    Query sequence = queries.sequence(IndexSchema.TEXT_BIGRAMS, chunk);
    return sequence != null && budget.spend() && searcher.count(new DeadlineQuery(sequence, budget.deadline)) > 0;
  }

  /** Characters to insert, delete or change to turn {@code a} into {@code b}. */
  static int editDistance(String a, String b) {
    int[] x = a.codePoints().toArray();
    int[] y = b.codePoints().toArray();
    int[] row = new int[y.length + 1];
    for (int j = 0; j <= y.length; j++) {
      row[j] = j;
    }
    for (int i = 1; i <= x.length; i++) {
      int diagonal = row[0];
      row[0] = i;
      for (int j = 1; j <= y.length; j++) {
        int above = row[j];
        row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1), diagonal + (x[i - 1] == y[j - 1] ? 0 : 1));
        diagonal = above;
      }
    }
    return row[y.length];
  }

  /**
   * The same words with a chunk split in two where its loose characters may belong to two terms: 十/四/五 and 营/商
   * typed together (十四五营商环境) are read as one run, 十四五营商, written nowhere; 十四五 营商环境 finds them. The
   * split with most hits, each part two characters or more, among at most {@link #MAX_SPLITS} tried.
   */
  private Optional<Proposal> split(UserQuery q, List<String> themes, IndexSearcher searcher, QueryContext ctx,
      Budget budget) throws IOException {
    Proposal best = null;
    int tried = 0;
    for (int c = 0; c < q.text().size() && tried < MAX_SPLITS; c++) {
      String chunk = q.text().get(c);
      java.util.Set<Integer> cuts = new java.util.TreeSet<>();
      for (QueryBuilder.Span loose : queries.looseCharacters(chunk)) {
        for (int at = loose.start(); at <= loose.end(); at++) {
          cuts.add(at);
        }
      }
      for (int at : cuts) {
        String left = chunk.substring(0, at);
        String right = chunk.substring(at);
        if (left.codePointCount(0, left.length()) < 2 || right.codePointCount(0, right.length()) < 2
            || tried++ >= MAX_SPLITS) {
          continue;
        }
        List<String> text = new ArrayList<>(q.text());
        text.set(c, left + " " + right);
        String query = rewrite(q, text);
        long n = count(UserQueryParser.parse(query), themes, searcher, ctx, budget);
        if (n > 0 && (best == null || n > best.total())) {
          best = new Proposal(query, "split", n);
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * Leaves out one chunk, or one word of a chunk, at a time; keeps the version with most hits among those that
   * still name a topic, not only a place.
   */
  private Optional<Proposal> relaxed(UserQuery q, List<String> themes, IndexSearcher searcher, QueryContext ctx,
      Budget budget) throws IOException {
    List<List<String>> candidates = new ArrayList<>();
    if (q.text().size() > 1) {
      for (int i = 0; i < q.text().size() && candidates.size() < MAX_RELAXED; i++) {
        List<String> rest = new ArrayList<>(q.text());
        rest.remove(i);
        candidates.add(rest);
      }
    }
    // One word out of a chunk, the other chunks kept: 数字火星 沈阳 → 数字 沈阳, where dropping either chunk
    // leaves nothing or only a place.
    for (int c = 0; c < q.text().size() && candidates.size() < MAX_RELAXED; c++) {
      List<QueryBuilder.Word> words = queries.words(q.text().get(c), true);
      for (int i = 0; i < words.size() && words.size() > 1 && candidates.size() < MAX_RELAXED; i++) {
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < words.size(); j++) {
          if (j != i) {
            sb.append(words.get(j).surface());
          }
        }
        List<String> text = new ArrayList<>(q.text());
        text.set(c, sb.toString());
        candidates.add(text);
      }
    }
    // What the query is about must stay: 冰雪旅游 辽宁 proposed 辽宁, everything about a province.
    Proposal best = null;
    for (List<String> text : candidates) {
      String rest = String.join("", text);
      if (text.stream().allMatch(Places::isPlace) || rest.codePointCount(0, rest.length()) < 2
          || Chars.hasHan(String.join("", q.text())) && !Chars.hasHan(rest)) {
        continue; // 年 alone (of 2026-2030年) is no topic either, nor b b of <b>沈阳</b>, read as pinyin
      }
      String query = rewrite(q, text);
      long n = count(UserQueryParser.parse(query), themes, searcher, ctx, budget);
      if (n > 0 && (best == null || n > best.total())) {
        best = new Proposal(query, "relaxed", n);
      }
    }
    return Optional.ofNullable(best);
  }

  /** Hits of {@code q}; 0 without searching when the budget is spent. */
  private long count(UserQuery q, List<String> themes, IndexSearcher searcher, QueryContext ctx, Budget budget)
      throws IOException {
    if (!budget.spend()) {
      return 0;
    }
    Optional<QueryBuilder.Built> built = queries.build(q, ctx);
    if (built.isEmpty()) {
      return 0;
    }
    Query query = built.get().query();
    if (!themes.isEmpty()) {
      DrillDownQuery dd = new DrillDownQuery(facetsConfig, query);
      themes.forEach(t -> dd.add(IndexSchema.THEME, t));
      query = dd;
    }
    // Cut short by the deadline, a count is too low but never wrongly above 0.
    return searcher.count(new DeadlineQuery(query, budget.deadline));
  }

  /** The query with its free text replaced, phrases and exclusions kept. */
  private static String rewrite(UserQuery q, List<String> text) {
    return rewrite(text, q.phrases(), q.excluded());
  }

  private static String rewrite(List<String> text, List<String> phrases, List<String> excluded) {
    List<String> parts = new ArrayList<>(text);
    phrases.forEach(p -> parts.add("\"" + p + "\""));
    excluded.forEach(e -> parts.add("-" + (e.contains(" ") ? "\"" + e + "\"" : e)));
    return String.join(" ", parts);
  }
}
