package cn.zhenxing.indexer.theme;

import java.util.Map;

/**
 * One theme of the taxonomy: a stable {@code id} used in URLs and facets, Chinese and English labels, the
 * terms that signal it with their weights, and the score a paragraph needs to be tagged.
 */
public record Theme(String id, String label, String labelEn, double threshold, Map<String, Double> terms) {

  public Theme {
    terms = Map.copyOf(terms);
  }
}
