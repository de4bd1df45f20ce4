package cn.zhenxing.indexer.theme;

import cn.zhenxing.indexer.analysis.TraditionalToSimplified;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Tags paragraphs with themes by weighted term evidence. For each theme, every distinct term found in the
 * text adds its weight once; a term found only inside a longer matched term of the same theme (创新 inside
 * 科技创新) adds nothing, so one phrase is not counted twice. That same rule makes weight-0 terms work as
 * blockers: listing 制度创新 with weight 0 stops the 创新 inside it from counting. The theme is assigned when
 * the sum reaches its threshold, and the counted terms are kept as evidence.
 */
public final class ThemeTagger {

  private final Taxonomy taxonomy;
  /** Per theme, terms longest first, so containment can be decided in one pass. */
  private final List<List<Map.Entry<String, Double>>> orderedTerms = new ArrayList<>();

  public ThemeTagger(Taxonomy taxonomy) {
    this.taxonomy = taxonomy;
    for (Theme theme : taxonomy.themes()) {
      List<Map.Entry<String, Double>> terms = new ArrayList<>();
      theme.terms().forEach((term, weight) -> terms.add(Map.entry(term.toLowerCase(Locale.ROOT), weight)));
      terms.sort(
          Comparator.comparingInt((Map.Entry<String, Double> e) -> -e.getKey().length())
              .thenComparing(Map.Entry::getKey));
      orderedTerms.add(terms);
    }
  }

  public Taxonomy taxonomy() {
    return taxonomy;
  }

  /** Tags {@code text}; traditional characters are read as simplified, so the terms match either script. */
  public ThemeTags tag(String text) {
    String haystack = TraditionalToSimplified.convert(text).toLowerCase(Locale.ROOT);
    List<String> themes = new ArrayList<>();
    Map<String, List<String>> evidence = new LinkedHashMap<>();
    List<Theme> all = taxonomy.themes();
    for (int t = 0; t < all.size(); t++) {
      List<Match> counted = new ArrayList<>();
      double score = 0;
      for (Map.Entry<String, Double> term : orderedTerms.get(t)) {
        int first = firstUncoveredOccurrence(haystack, term.getKey(), counted);
        if (first >= 0) {
          counted.add(new Match(term.getKey(), term.getValue(), first, occurrences(haystack, term.getKey())));
          score += term.getValue();
        }
      }
      if (score >= all.get(t).threshold() && score > 0) {
        themes.add(all.get(t).id());
        counted.sort(
            Comparator.comparingDouble((Match m) -> -m.weight).thenComparingInt(m -> m.firstOffset));
        evidence.put(all.get(t).id(),
            counted.stream().filter(m -> m.weight > 0).map(m -> originalSpelling(text, m)).toList());
      }
    }
    return themes.isEmpty() ? ThemeTags.NONE : new ThemeTags(themes, evidence);
  }

  private record Match(String term, double weight, int firstOffset, List<Integer> starts) {
    boolean covers(int start, int end) {
      for (int s : starts) {
        if (s <= start && end <= s + term.length()) {
          return true;
        }
      }
      return false;
    }
  }

  /** The first occurrence of {@code term} not inside an occurrence of an already counted longer term. */
  private static int firstUncoveredOccurrence(String haystack, String term, List<Match> counted) {
    for (int start : occurrences(haystack, term)) {
      int end = start + term.length();
      boolean covered = false;
      for (Match m : counted) {
        if (m.covers(start, end)) {
          covered = true;
          break;
        }
      }
      if (!covered) {
        return start;
      }
    }
    return -1;
  }

  private static List<Integer> occurrences(String haystack, String term) {
    List<Integer> starts = new ArrayList<>(2);
    boolean latin = isLatinWord(term);
    for (int i = haystack.indexOf(term); i >= 0; i = haystack.indexOf(term, i + 1)) {
      if (!latin || standsAlone(haystack, i, i + term.length())) {
        starts.add(i);
      }
    }
    return starts;
  }

  /** Latin terms (5G, AI) must not match inside longer Latin words (detail, 5GHz is fine to miss). */
  private static boolean standsAlone(String s, int start, int end) {
    boolean before = start == 0 || !isAsciiAlnum(s.charAt(start - 1));
    boolean after = end == s.length() || !isAsciiAlnum(s.charAt(end));
    return before && after;
  }

  private static boolean isLatinWord(String term) {
    for (int i = 0; i < term.length(); i++) {
      if (!isAsciiAlnum(term.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiAlnum(char c) {
    return c < 128 && Character.isLetterOrDigit(c);
  }

  private static String originalSpelling(String text, Match m) {
    if (text.length() <= m.firstOffset + m.term.length() - 1) {
      return m.term; // lower-casing changed the length (rare scripts): offsets no longer line up
    }
    return text.substring(m.firstOffset, m.firstOffset + m.term.length());
  }
}
