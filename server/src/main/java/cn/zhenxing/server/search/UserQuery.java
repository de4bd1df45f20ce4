package cn.zhenxing.server.search;

import java.util.List;

/**
 * What a person typed, understood: free text (all of it must match), exact phrases in quotes, and words or
 * phrases to exclude (a leading minus). There is no other syntax: {@code field:value}, {@code *:*} or
 * {@code /regex/} are just characters of the free text.
 *
 * @param text free-text chunks in the order typed (split at white space)
 * @param phrases quoted phrases, to be matched as exact character sequences
 * @param excluded words or phrases no result may contain
 */
public record UserQuery(String raw, List<String> text, List<String> phrases, List<String> excluded) {

  public UserQuery {
    text = List.copyOf(text);
    phrases = List.copyOf(phrases);
    excluded = List.copyOf(excluded);
  }

  /** True when nothing was asked for: browse everything. */
  public boolean isEmpty() {
    return text.isEmpty() && phrases.isEmpty() && excluded.isEmpty();
  }

  /** True when only exclusions were given: everything except them. */
  public boolean onlyExclusions() {
    return text.isEmpty() && phrases.isEmpty() && !excluded.isEmpty();
  }
}
