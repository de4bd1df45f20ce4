package cn.zhenxing.server.search;

import java.util.List;

/**
 * A validated search request. Validation (limits, known themes) happens at the HTTP edge; this record only
 * carries values already known to be good.
 */
public record SearchRequest(String q, List<String> themes, int page, int size) {

  public static final int DEFAULT_SIZE = 10;
  public static final int MAX_SIZE = 100;
  /** Deepest result reachable by paging; deeper pages cost memory for no one's benefit. */
  public static final int MAX_DEPTH = 10_000;
  public static final int MAX_QUERY_LENGTH = 500;

  public SearchRequest {
    q = q == null ? "" : q;
    themes = List.copyOf(themes);
  }
}
