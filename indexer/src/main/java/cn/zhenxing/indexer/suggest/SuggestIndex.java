package cn.zhenxing.indexer.suggest;

import cn.zhenxing.indexer.analysis.ChineseAnalyzers;
import cn.zhenxing.indexer.analysis.TraditionalToSimplified;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.search.suggest.Lookup;
import org.apache.lucene.search.suggest.analyzing.AnalyzingInfixSuggester;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * Search-box suggestions: Lucene's AnalyzingInfixSuggester over the collected phrases, stored in a
 * {@code suggest} folder inside each index generation, so it is built once with the index and opened in
 * milliseconds. Phrases are analysed as CJK bigrams, so what the user typed matches anywhere inside a
 * phrase (营商 finds 优化营商环境); phrases that start with it come first, then the heaviest.
 */
public final class SuggestIndex implements Closeable {

  public static final String FOLDER = "suggest";
  /** How much more a suggestion that starts with what was typed weighs than one that holds it further in. */
  static final int PREFIX_ADVANTAGE = 4;
  /** Candidates fetched before re-ranking prefix matches first. */
  static final int FETCH = 64;

  private final Directory directory;
  private final AnalyzingInfixSuggester suggester;
  /** Finds where a suggestion's words begin. */
  private final Analyzer words = ChineseAnalyzers.words();

  private SuggestIndex(Directory directory, AnalyzingInfixSuggester suggester) {
    this.directory = directory;
    this.suggester = suggester;
  }

  /** A suggestion and its weight. */
  public record Suggestion(String text, long weight) {}

  /** The heaviest phrases only: the rest are rarely typed, and each costs suggester index space and time. */
  static final int MAX_PHRASES = 100_000;

  /**
   * Words of the text suggested besides the key phrases when this many paragraphs have them: key phrases come
   * from titles, headings and lead-ins, and many texts name 沈阳 or 黑土地 only in running text.
   */
  static final int MIN_WORD_DOC_FREQ = 5;

  /**
   * Builds the suggest folder of {@code generation} from phrase weights and the index's words
   * ({@code IndexWords}: paragraphs per word), words weighing what their paragraph count says.
   */
  public static void build(Path generation, Map<String, Long> phrases, Map<String, Long> words) throws IOException {
    Map<String, Long> weights = new java.util.HashMap<>(phrases);
    words.forEach((w, paragraphs) -> {
      if (paragraphs >= MIN_WORD_DOC_FREQ) {
        weights.merge(w, paragraphs, Math::max);
      }
    });
    try (SuggestIndex index = open(generation)) {
      List<Map.Entry<String, Long>> entries = new ArrayList<>(weights.entrySet());
      if (entries.size() > MAX_PHRASES) {
        entries.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        entries = new ArrayList<>(entries.subList(0, MAX_PHRASES));
      }
      entries.sort(Map.Entry.comparingByKey());
      index.suggester.build(new Entries(entries.iterator()));
    }
  }

  /** Opens the suggest folder of {@code generation} (an empty one if it was never built). */
  public static SuggestIndex open(Path generation) throws IOException {
    Path folder = generation.resolve(FOLDER);
    Files.createDirectories(folder);
    Directory dir = FSDirectory.open(folder);
    try {
      AnalyzingInfixSuggester s = new AnalyzingInfixSuggester(dir, ChineseAnalyzers.bigrams(),
          ChineseAnalyzers.queryBigrams(), AnalyzingInfixSuggester.DEFAULT_MIN_PREFIX_CHARS,
          true, true, false, true);
      return new SuggestIndex(dir, s);
    } catch (IOException | RuntimeException e) {
      dir.close();
      throw e;
    }
  }

  /** Up to {@code size} suggestions for what has been typed so far. */
  public List<Suggestion> lookup(String typed, int size) throws IOException {
    return lookup(typed, List.of(), size);
  }

  /**
   * Suggestions for what has been typed, then — while there is room — for other ways of writing it (GDP:
   * 国内生产总值, 地区生产总值), those themselves included: an abbreviation begins no phrase of Chinese text.
   */
  public List<Suggestion> lookup(String typed, List<String> otherWritings, int size) throws IOException {
    List<Suggestion> out = new ArrayList<>(completions(typed, size, false));
    Set<String> seen = new HashSet<>();
    seen.add(sameness(typed.strip()));
    out.forEach(s -> seen.add(sameness(s.text())));
    for (String other : otherWritings) {
      for (Suggestion s : completions(other, size, true)) {
        if (out.size() >= size) {
          return out;
        }
        if (seen.add(sameness(s.text()))) {
          out.add(s);
        }
      }
    }
    return out;
  }

  private List<Suggestion> completions(String typed, int size, boolean withItself) throws IOException {
    String q = typed.strip();
    if (q.isEmpty() || suggester.getCount() == 0) {
      return List.of();
    }
    List<Lookup.LookupResult> found = suggester.lookup(q, FETCH, true, false);
    // 東北亞 and 东北亚 are one suggestion, as are 8%左右 and 8％左右: the form found more often is kept (found is
    // heaviest first), and what was typed is compared in simplified characters either way (中國 puts 中国式 first).
    record Candidate(Suggestion suggestion, String simplified) {}
    List<Candidate> all = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    String simplifiedTyped = sameness(q);
    for (Lookup.LookupResult r : found) {
      String text = r.key.toString();
      String simplified = sameness(text);
      if (seen.add(simplified) && (withItself || !simplified.equals(simplifiedTyped))
          && standsAsWordsIn(simplified, simplifiedTyped)) {
        all.add(new Candidate(new Suggestion(text, r.value), simplified));
      }
    }
    // Completions of what was typed lead, unless a phrase that holds it further in is far more used: 开放 offers
    // 对外开放 (221) before 开放枢纽 (7), 教育 offers 义务教育 before 教育家.
    all.sort(Comparator.comparing((Candidate c) -> !c.simplified().contains(simplifiedTyped))
        .thenComparing(Comparator.comparingLong((Candidate c) -> c.suggestion().weight()
            * (c.simplified().startsWith(simplifiedTyped) ? PREFIX_ADVANTAGE : 1)).reversed())
        .thenComparing(c -> !c.simplified().startsWith(simplifiedTyped))
        .thenComparingInt(c -> c.simplified().length()));
    return all.stream().limit(size).map(Candidate::suggestion).toList();
  }

  /**
   * Whether what was typed stands in {@code suggestion} as words do (or is not contained as such): it may begin
   * a word (持续优化营商环境 for 营商) or lie inside one (对外开放 for 开放, 人工智能 for 智能), but not start inside one
   * word and run on into the next: 营商 is in 国营商业 only as the end of 国营 and the start of 商业.
   */
  private boolean standsAsWordsIn(String suggestion, String typed) throws IOException {
    int at = suggestion.indexOf(typed);
    if (at <= 0) {
      return true;
    }
    List<int[]> spans = new ArrayList<>();
    try (TokenStream ts = words.tokenStream("", suggestion)) {
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        spans.add(new int[] {offset.startOffset(), offset.endOffset()});
      }
      ts.end();
    }
    for (; at >= 0; at = suggestion.indexOf(typed, at + 1)) {
      int end = at + typed.length();
      boolean straddles = false;
      for (int[] w : spans) {
        if (w[0] < at && at < w[1] && end > w[1]) {
          straddles = true; // starts inside this word and runs past its end
          break;
        }
      }
      if (!straddles) {
        return true;
      }
    }
    return false;
  }

  /** What two suggestions share when they differ only in script or width: simplified, full-width ASCII folded. */
  private static String sameness(String text) {
    return ChineseAnalyzers.allWidthsFolded(TraditionalToSimplified.convert(text));
  }

  /**
   * Key phrases spelled most like {@code text} (Dice similarity of character bigrams of at least
   * {@code minSimilarity}, and about as long), most similar first: 营商环竟 → 营商环境. For "did you mean".
   */
  public List<String> similar(String text, int size, double minSimilarity) throws IOException {
    String q = text.strip();
    if (q.codePointCount(0, q.length()) < 2 || suggester.getCount() == 0) {
      return List.of();
    }
    Set<String> qb = bigrams(q);
    List<Map.Entry<String, Double>> scored = new ArrayList<>();
    // Any bigram in common, the most common phrases first, floods with phrases of a common word (中国式现代话:
    // 中国); so also those holding every bigram of the text without its last one or two characters or its
    // first, where a wrong character at either end hides.
    Map<String, Long> found = new LinkedHashMap<>();
    suggester.lookup(q, FETCH * 4, false, false).forEach(r -> found.putIfAbsent(r.key.toString(), r.value));
    int[] cps = q.codePoints().toArray();
    for (int[] range : new int[][] {{0, cps.length - 1}, {0, cps.length - 2}, {1, cps.length}}) {
      if (range[1] - range[0] >= 2) {
        suggester.lookup(new String(cps, range[0], range[1] - range[0]), FETCH, true, false)
            .forEach(r -> found.putIfAbsent(r.key.toString(), r.value));
      }
    }
    for (Map.Entry<String, Long> r : found.entrySet()) {
      String candidate = r.getKey();
      Set<String> cb = bigrams(candidate);
      long shared = cb.stream().filter(qb::contains).count();
      double dice = 2.0 * shared / (qb.size() + cb.size());
      int lengthGap = Math.abs(candidate.codePointCount(0, candidate.length()) - q.codePointCount(0, q.length()));
      if (dice >= minSimilarity && lengthGap <= Math.max(1, q.length() / 4) && !candidate.equals(q)) {
        scored.add(Map.entry(candidate, dice + Math.min(r.getValue(), 1000) / 1e6));
      }
    }
    scored.sort(Map.Entry.<String, Double>comparingByValue().reversed());
    return scored.stream().limit(size).map(Map.Entry::getKey).toList();
  }

  private static Set<String> bigrams(String s) {
    Set<String> out = new LinkedHashSet<>();
    int[] cps = s.codePoints().filter(Character::isLetterOrDigit).toArray();
    for (int i = 0; i + 1 < cps.length; i++) {
      out.add(new String(cps, i, 2));
    }
    if (cps.length == 1) {
      out.add(new String(cps, 0, 1));
    }
    return out;
  }

  @Override
  public void close() throws IOException {
    try (words; directory) {
      suggester.close();
    }
  }

  private static final class Entries implements InputIterator {
    private final Iterator<Map.Entry<String, Long>> it;
    private long weight;

    Entries(Iterator<Map.Entry<String, Long>> it) {
      this.it = it;
    }

    @Override
    public BytesRef next() {
      if (!it.hasNext()) {
        return null;
      }
      Map.Entry<String, Long> e = it.next();
      weight = e.getValue();
      return new BytesRef(e.getKey());
    }

    @Override
    public long weight() {
      return weight;
    }

    @Override
    public BytesRef payload() {
      return null;
    }

    @Override
    public boolean hasPayloads() {
      return false;
    }

    @Override
    public Set<BytesRef> contexts() {
      return null;
    }

    @Override
    public boolean hasContexts() {
      return false;
    }
  }
}
