package cn.zhenxing.indexer.pinyin;

import com.github.stuxuhai.jpinyin.PinyinException;
import com.github.stuxuhai.jpinyin.PinyinFormat;
import com.github.stuxuhai.jpinyin.PinyinHelper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import cn.zhenxing.indexer.index.IndexWords;

/**
 * Pinyin for the words that actually occur in one index generation: the SmartChinese words of the text
 * field found in at least two paragraphs and the key phrases collected for suggestions (the 60,000 most
 * common), each with its full
 * toneless pinyin (shuzi shenyang) and its initials (szsy). A pinyin query is mapped to these hanzi words
 * and searched as hanzi — never by matching pinyin loosely — so 经典 and 景点, both jingdian, can only be
 * confused when someone types jingdian, and then the more frequent one wins. Built with the index and stored
 * beside it as {@code pinyin.tsv}.
 */
public final class PinyinDictionary {

  public static final String FILE = "pinyin.tsv";
  static final int MAX_CANDIDATES = 3;
  /** The most common words and phrases only: people type common terms, and pinyin conversion is not free. */
  static final int MAX_WORDS = 60_000;

  /**
   * Words looked at when pinyin is read as the beginning of longer words: enough for the commonest starts
   * (shengchan has a few dozen), a bound on the work for a short one.
   */
  static final int MAX_PREFIX_SCAN = 2_000;

  public static final PinyinDictionary EMPTY = new PinyinDictionary(Map.of(), Map.of(), Set.of(), new Reading[0]);

  /** A hanzi word and how common it is. */
  public record Candidate(String hanzi, long weight) {}

  /** A word's pinyin as typed without spaces, its syllables, and the word. */
  private record Reading(String joined, String[] syllables, Candidate word) {}

  private final Map<String, List<Candidate>> byFull;
  private final Map<String, List<Candidate>> byInitials;
  private final Set<String> syllables;
  /** Every word's reading, sorted by {@link Reading#joined}, for prefix lookups. */
  private final Reading[] readings;

  private PinyinDictionary(Map<String, List<Candidate>> byFull, Map<String, List<Candidate>> byInitials,
      Set<String> syllables, Reading[] readings) {
    this.byFull = byFull;
    this.byInitials = byInitials;
    this.syllables = syllables;
    this.readings = readings;
  }

  /**
   * Builds {@code pinyin.tsv} in {@code generation} from the index's words ({@link IndexWords}) and the key
   * phrases.
   */
  public static void build(Path generation, Map<String, Long> indexWords, Map<String, Long> phrases)
      throws IOException {
    Map<String, Long> words = new HashMap<>(indexWords);
    phrases.forEach((p, w) -> {
      if (IndexWords.isHanWord(p, 3, 10)) {
        words.merge(p, w, Math::max);
      }
    });
    List<String> sorted = new ArrayList<>(words.keySet());
    if (sorted.size() > MAX_WORDS) {
      sorted.sort(Comparator.comparingLong((String w) -> -words.get(w)).thenComparing(w -> w));
      sorted = new ArrayList<>(sorted.subList(0, MAX_WORDS));
    }
    sorted.sort(null);
    try (BufferedWriter out = Files.newBufferedWriter(generation.resolve(FILE), StandardCharsets.UTF_8)) {
      for (String w : sorted) {
        String full = fullPinyin(w);
        String initials = initials(w);
        if (full != null && initials != null) {
          out.write(full + "\t" + initials + "\t" + w + "\t" + words.get(w) + "\n");
        }
      }
    }
  }

  /** Loads the dictionary of {@code generation}; empty when it was built without one. */
  public static PinyinDictionary load(Path generation) throws IOException {
    Path file = generation.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return EMPTY;
    }
    Map<String, List<Candidate>> byFull = new HashMap<>();
    Map<String, List<Candidate>> byInitials = new HashMap<>();
    Set<String> syllables = new HashSet<>();
    List<Reading> readings = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        String[] f = line.split("\t");
        if (f.length != 4) {
          continue;
        }
        Candidate c = new Candidate(f[2], Long.parseLong(f[3]));
        String joined = f[0].replace(" ", "");
        String[] wordSyllables = f[0].split(" ");
        byFull.computeIfAbsent(joined, k -> new ArrayList<>()).add(c);
        byInitials.computeIfAbsent(f[1], k -> new ArrayList<>()).add(c);
        syllables.addAll(List.of(wordSyllables));
        readings.add(new Reading(joined, wordSyllables, c));
      }
    }
    Comparator<Candidate> heaviest = Comparator.comparingLong(Candidate::weight).reversed();
    byFull.values().forEach(l -> l.sort(heaviest));
    byInitials.values().forEach(l -> l.sort(heaviest));
    readings.sort(Comparator.comparing(Reading::joined));
    return new PinyinDictionary(byFull, byInitials, syllables, readings.toArray(new Reading[0]));
  }

  /**
   * Hanzi readings of a pinyin string such as "shuzi shenyang", "yingshanghuanjing" or the initials "szsy":
   * whole-string matches first, then a segmentation into known words, then — as a pinyin keyboard offers —
   * the beginnings of known words ("yingshang" is 营商, the start of 营商环境, though 营商 alone is no word).
   * Empty when nothing in the index reads that way.
   */
  public List<String> hanzi(String pinyin) {
    return readings(pinyin).stream().map(Candidate::hanzi).toList();
  }

  /**
   * The readings of {@link #hanzi}, commonest first, each with how common it is: in how many paragraphs the
   * word occurs (jingji is 经济 in 2,141 paragraphs of the work reports and 竞技 in 25), so that a query can
   * rank the readings as people mean them.
   */
  public List<Candidate> readings(String pinyin) {
    // ü as keyboards type it (v) and as the dictionary keeps it: lüyou is lvyou.
    String s = pinyin.toLowerCase(Locale.ROOT).replace('ü', 'v').replaceAll("[^a-z ]", "").strip();
    if (s.isEmpty()) {
      return List.of();
    }
    String joined = s.replace(" ", "");
    List<Candidate> out = new ArrayList<>();
    byFull.getOrDefault(joined, List.of()).stream().limit(MAX_CANDIDATES).forEach(out::add);
    if (out.isEmpty() && !isSyllables(joined) && joined.length() >= 2 && joined.length() <= 8) {
      byInitials.getOrDefault(joined, List.of()).stream().limit(MAX_CANDIDATES).forEach(out::add);
    }
    if (out.isEmpty()) {
      String segmented = segment(s);
      if (segmented != null) {
        out.add(new Candidate(segmented, 1));
      }
    }
    if (out.isEmpty() && !s.contains(" ")) {
      out.addAll(wordBeginnings(joined, false));
    }
    return out;
  }

  /**
   * The hanzi that begin known words whose pinyin begins with {@code typed} at a syllable boundary, at least
   * two syllables long (one syllable reads as too many characters), the commonest first: the weight of a
   * beginning is that of all the words it begins.
   */
  private List<Candidate> wordBeginnings(String typed, boolean partialSyllable) {
    int low = 0;
    int high = readings.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (readings[mid].joined().compareTo(typed) < 0) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    Map<String, Long> weights = new HashMap<>();
    for (int i = low; i < readings.length && i < low + MAX_PREFIX_SCAN && readings[i].joined().startsWith(typed); i++) {
      Reading r = readings[i];
      int covered = 0;
      int count = 0;
      while (count < r.syllables().length && covered < typed.length()) {
        covered += r.syllables()[count++].length();
      }
      String hanzi = r.word().hanzi();
      // Ending on a syllable's edge, a beginning is shorter than the word; a half-typed last syllable counts whole.
      boolean fits = covered == typed.length() ? count < r.syllables().length : partialSyllable;
      if (fits && count >= 2 && hanzi.codePointCount(0, hanzi.length()) == r.syllables().length) {
        weights.merge(hanzi.substring(0, hanzi.offsetByCodePoints(0, count)), r.word().weight(), Long::sum);
      }
    }
    return weights.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(MAX_CANDIDATES).map(e -> new Candidate(e.getKey(), e.getValue())).toList();
  }

  /**
   * What pinyin being typed may become, for the search box: its {@link #readings}, or else the beginnings of
   * known words whose pinyin it begins, its last syllable perhaps half typed (yings → 营商, shuz → 数字), the
   * commonest first.
   */
  public List<Candidate> typing(String pinyin) {
    List<Candidate> readings = readings(pinyin);
    String joined = pinyin.toLowerCase(Locale.ROOT).replace('ü', 'v').replaceAll("[^a-z]", "");
    // Only what cannot be read as whole syllables is half typed: yin is 因 or 银, not the start of 以内 (yi nei).
    return !readings.isEmpty() || joined.length() < 3 || isSyllables(joined) ? readings : wordBeginnings(joined, true);
  }

  /**
   * The index's words that sound like {@code hanzi} and are written otherwise, commonest first: what a pinyin
   * input method may have offered instead of the character chosen by mistake (沈杨 for 沈阳, 营商环竟 for 营商环境).
   */
  public List<Candidate> homophones(String hanzi) {
    String pinyin = fullPinyin(hanzi);
    if (pinyin == null) {
      return List.of();
    }
    int length = hanzi.codePointCount(0, hanzi.length());
    Set<String> readings = new LinkedHashSet<>();
    readings.add(pinyin.replace(" ", ""));
    readings.addAll(everyReading(hanzi));
    List<Candidate> out = new ArrayList<>();
    for (String reading : readings) {
      for (Candidate c : byFull.getOrDefault(reading, List.of())) {
        if (!c.hanzi().equals(hanzi) && c.hanzi().codePointCount(0, c.hanzi().length()) == length && !out.contains(c)) {
          out.add(c);
        }
      }
    }
    out.sort(Comparator.comparingLong(Candidate::weight).reversed());
    return out;
  }

  /** Readings of a few characters at most. */
  static final int MAX_READINGS = 16;

  /**
   * Every way of reading {@code hanzi} character by character, up to {@link #MAX_READINGS}: the word's own
   * reading is not the only one a wrong pick may come from (冰血 is bingxue as well as bingxie).
   */
  private static List<String> everyReading(String hanzi) {
    List<String> out = List.of("");
    for (int i = 0; i < hanzi.length(); i++) {
      String[] readings = readings(hanzi.charAt(i));
      if (readings.length == 0) {
        return List.of();
      }
      List<String> next = new ArrayList<>();
      for (String prefix : out) {
        for (String r : readings) {
          if (next.size() < MAX_READINGS) {
            next.add(prefix + r);
          }
        }
      }
      out = next;
    }
    return out;
  }

  /**
   * True when {@code typed} could be pinyin typed without an input method: two or more Latin letters (ü too:
   * lüyou as lvyou), the spaces between syllables aside.
   */
  public static boolean looksLikePinyin(String typed) {
    String letters = typed.replace(" ", "");
    if (letters.length() < 2) {
      return false;
    }
    for (int i = 0; i < letters.length(); i++) {
      char c = letters.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == 'ü' || c == 'Ü')) {
        return false;
      }
    }
    return true;
  }

  /** True when {@code s} can be read as a sequence of pinyin syllables seen in this index. */
  public boolean isSyllables(String s) {
    boolean[] ok = new boolean[s.length() + 1];
    ok[0] = true;
    for (int i = 0; i < s.length(); i++) {
      if (!ok[i]) {
        continue;
      }
      for (int j = i + 1; j <= Math.min(s.length(), i + 6); j++) {
        if (syllables.contains(s.substring(i, j))) {
          ok[j] = true;
        }
      }
    }
    return ok[s.length()];
  }

  /**
   * Splits "yingshang huanjing" into known words (fewest pieces, user spaces respected): 营商 环境. When the
   * spaces cut a word ("liaoning yingshang huanjing": 营商 alone is no word), the letters are read as one run
   * instead: 辽宁营商环境.
   */
  private String segment(String s) {
    List<String> parts = new ArrayList<>();
    for (String token : s.split(" ")) {
      String hanzi = segmentToken(token);
      if (hanzi == null) {
        return s.contains(" ") ? segmentToken(s.replace(" ", "")) : null;
      }
      parts.add(hanzi);
    }
    return String.join(" ", parts);
  }

  private String segmentToken(String t) {
    int n = t.length();
    int[] pieces = new int[n + 1];
    String[] best = new String[n + 1];
    java.util.Arrays.fill(pieces, Integer.MAX_VALUE);
    pieces[0] = 0;
    best[0] = "";
    for (int i = 0; i < n; i++) {
      if (pieces[i] == Integer.MAX_VALUE) {
        continue;
      }
      for (int j = i + 2; j <= Math.min(n, i + 30); j++) {
        List<Candidate> c = byFull.get(t.substring(i, j));
        if (c != null && pieces[i] + 1 < pieces[j]) {
          pieces[j] = pieces[i] + 1;
          best[j] = best[i] + c.get(0).hanzi();
        }
      }
    }
    return pieces[n] == Integer.MAX_VALUE ? null : best[n];
  }

  /**
   * True when {@code a} and {@code b} are as long and each character of one sounds like the other's, tones aside,
   * in any of its readings (营商还境 and 营商环境: 还 reads hai or huan): what an input method's wrong pick looks
   * like. Not so for 沈阳港 and 沈阳市, or 辽字号 and 川字号.
   */
  public static boolean soundsAlike(String a, String b) {
    if (a.length() != b.length()) {
      return false;
    }
    for (int i = 0; i < a.length(); i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y && !shareReading(x, y)) {
        return false;
      }
    }
    return true;
  }

  /** Every toneless reading of one character, ü written v as the dictionary writes it. */
  private static String[] readings(char c) {
    String[] out = PinyinHelper.convertToPinyinArray(c, PinyinFormat.WITHOUT_TONE).clone(); // the library's own
    for (int i = 0; i < out.length; i++) {
      out[i] = out[i].replace("ü", "v");
    }
    return out;
  }

  private static boolean shareReading(char x, char y) {
    String[] xs = readings(x);
    String[] ys = readings(y);
    for (String r : xs) {
      for (String t : ys) {
        if (r.equals(t)) {
          return true;
        }
      }
    }
    return false;
  }

  static String fullPinyin(String hanzi) {
    try {
      return PinyinHelper.convertToPinyinString(hanzi, " ", PinyinFormat.WITHOUT_TONE).replace("ü", "v");
    } catch (PinyinException | RuntimeException e) {
      return null;
    }
  }

  static String initials(String hanzi) {
    try {
      return PinyinHelper.getShortPinyin(hanzi).replace("ü", "v");
    } catch (PinyinException | RuntimeException e) {
      return null;
    }
  }
}
