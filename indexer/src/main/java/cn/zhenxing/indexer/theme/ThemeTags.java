package cn.zhenxing.indexer.theme;

import java.util.List;
import java.util.Map;

/**
 * The themes a paragraph was tagged with, and for each the terms that earned it (the evidence), strongest
 * first. {@code themes} follows taxonomy order.
 */
public record ThemeTags(List<String> themes, Map<String, List<String>> evidence) {

  public static final ThemeTags NONE = new ThemeTags(List.of(), Map.of());

  public ThemeTags {
    themes = List.copyOf(themes);
    evidence = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(evidence));
  }
}
