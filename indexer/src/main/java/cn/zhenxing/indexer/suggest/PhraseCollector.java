package cn.zhenxing.indexer.suggest;

import cn.zhenxing.indexer.analysis.PolicyWords;
import cn.zhenxing.indexer.paragraph.Paragraph;
import cn.zhenxing.indexer.paragraph.ParsedArticle;
import cn.zhenxing.indexer.theme.ThemeTags;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * Gathers the phrases worth suggesting while articles are indexed: article titles, section headings (split
 * into clauses), the short lead-ins that open many policy paragraphs (推动数字沈阳建设。…), those lead-ins
 * without their opening verbs (数字沈阳建设), the terms the text quotes (“千万工程”) and the theme terms found in
 * the text (数字经济). Each phrase's
 * weight adds up every occurrence, titles and headings counting more, so common key phrases rank first.
 * Safe to call from many indexing threads.
 */
public final class PhraseCollector {

  static final int MIN_HAN = 2;
  static final int MAX_LENGTH = 24;

  private static final Pattern NUMBERING =
      Pattern.compile("^(第[一二三四五六七八九十百零〇]+(章|节|篇|编|部分)\\s*|[一二三四五六七八九十]+[、．]\\s*|（[一二三四五六七八九十]+）\\s*|\\d+[.、．]\\s*)");
  private static final Pattern CLAUSE_BREAK = Pattern.compile("[，,；;：:。！？!?（）()“”\"《》\\s]+");
  private static final Pattern LIST_BREAK = Pattern.compile("、+");
  /**
   * Words that join two items: one of them just before a list's first 、 (at most {@link #JOINED_WITHIN}
   * characters before it) makes the list one with what comes before (A与B、C、D相协调).
   */
  private static final Pattern JOINED = Pattern.compile("[与和及]");
  static final int JOINED_WITHIN = 4;
  private static final String SENTENCE_END = "。！？；";

  private final Map<String, LongAdder> weights = new ConcurrentHashMap<>();

  /** Collects from one article; {@code tags} holds the themes of each paragraph, in order. */
  public void collect(ParsedArticle article, List<ThemeTags> tags) {
    Map<String, Integer> local = new HashMap<>();
    addIfGood(local, article.title(), 3);
    Set<String> headings = new LinkedHashSet<>();
    for (Paragraph p : article.paragraphs()) {
      headings.addAll(p.headings());
      if (!p.section().isEmpty()) {
        headings.add(p.section());
      }
    }
    for (String heading : headings) {
      String bare = NUMBERING.matcher(heading).replaceFirst("");
      addIfGood(local, bare, 2);
      for (String clause : clauses(bare)) {
        addIfGood(local, clause, 2);
      }
    }
    for (int i = 0; i < article.paragraphs().size(); i++) {
      String lead = leadIn(article.paragraphs().get(i).text());
      if (lead != null) {
        addIfGood(local, lead, 2);
        for (String topic : withoutOpeningWords(lead)) {
          addIfGood(local, topic, 1);
        }
      }
      for (String term : quoted(article.paragraphs().get(i).text())) {
        addIfGood(local, term, 1);
      }
      if (i < tags.size()) {
        for (List<String> terms : tags.get(i).evidence().values()) {
          for (String term : terms) {
            addIfGood(local, term, 1);
          }
        }
      }
    }
    local.forEach((phrase, w) -> weights.computeIfAbsent(phrase, k -> new LongAdder()).add(w));
  }

  /**
   * The clauses of a heading, and the items of a list in one (加快发展数字经济、平台经济 → both), except a list
   * whose first item is joined to what comes before it: 促进经济发展与人口、资源、环境相协调 stays whole, where
   * cutting it at 、 had suggested 促进经济发展与人口 and 环境相协调.
   */
  static List<String> clauses(String heading) {
    List<String> out = new ArrayList<>();
    for (String clause : CLAUSE_BREAK.split(heading)) {
      int list = clause.indexOf('、');
      if (list < 0 || JOINED.matcher(clause.substring(Math.max(0, list - JOINED_WITHIN), list)).find()) {
        out.add(clause);
      } else {
        out.addAll(List.of(LIST_BREAK.split(clause)));
      }
    }
    return out;
  }

  /** The phrases collected so far with their weights. */
  public Map<String, Long> weights() {
    Map<String, Long> out = new HashMap<>(weights.size() * 2);
    weights.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  /** The opening sentence of a paragraph when it is a short lead-in (4–20 characters), else null. */
  static String leadIn(String text) {
    for (int i = 0; i < text.length() && i <= 20; i++) {
      if (SENTENCE_END.indexOf(text.charAt(i)) >= 0) {
        String lead = NUMBERING.matcher(text.substring(0, i)).replaceFirst("");
        return lead.length() >= 4 && lead.indexOf('，') < 0 ? lead : null;
      }
    }
    return null;
  }

  static final int MAX_QUOTED = 12;

  /**
   * The short terms a text puts in quotation marks: policy writing quotes its coined phrases (“千万工程”,
   * “枫桥经验”, “人工智能+”, “十五五”), which people then search for but which begin no heading or paragraph.
   */
  static List<String> quoted(String text) {
    List<String> out = new ArrayList<>();
    for (int open = text.indexOf('“'); open >= 0; open = text.indexOf('“', open + 1)) {
      int close = text.indexOf('”', open + 1);
      if (close < 0) {
        break;
      }
      String term = text.substring(open + 1, close);
      if (term.length() >= 2 && term.length() <= MAX_QUOTED && term.chars().allMatch(PhraseCollector::isTermChar)) {
        out.add(term);
      }
    }
    return out;
  }

  private static boolean isTermChar(int c) {
    return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN || (c < 128 && Character.isLetterOrDigit(c))
        || c == '+';
  }

  /** 持续优化营商环境 → 优化营商环境, 营商环境: the lead-in with one, then two opening words removed. */
  static List<String> withoutOpeningWords(String lead) {
    List<String> out = new ArrayList<>();
    String rest = lead;
    for (int round = 0; round < 2; round++) {
      String stripped = null;
      for (String w : PolicyWords.ACTIONS) {
        if (rest.startsWith(w) && rest.length() - w.length() >= 3) {
          stripped = rest.substring(w.length());
          break;
        }
      }
      if (stripped == null) {
        break;
      }
      out.add(stripped);
      rest = stripped;
    }
    return out;
  }

  private static void addIfGood(Map<String, Integer> local, String phrase, int weight) {
    String p = phrase.strip();
    if (p.length() > MAX_LENGTH || countHan(p) < MIN_HAN) {
      return;
    }
    for (int i = 0; i < p.length(); i++) {
      if (SENTENCE_END.indexOf(p.charAt(i)) >= 0) {
        return;
      }
    }
    local.merge(p, weight, Integer::sum);
  }

  private static int countHan(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (Character.UnicodeScript.of(s.charAt(i)) == Character.UnicodeScript.HAN) {
        n++;
      }
    }
    return n;
  }
}
