package cn.zhenxing.server.search;

import java.util.List;
import java.util.Map;

/**
 * The JSON contract of {@code GET /api/search}. Other sites depend on it: add fields, never rename or remove.
 *
 * @param notice a human-readable remark about how the query was understood, or null
 * @param didYouMean when nothing was found, a query that finds something (a spelling fix, the hanzi of pinyin,
 *     or the query with one word left out), or null
 * @param partial true when the search hit the time limit: total, facets and hits cover what was found in
 *     time
 */
public record SearchResponse(
    String query,
    long total,
    int page,
    int size,
    long tookMs,
    List<Hit> hits,
    Map<String, List<FacetValue>> facets,
    String notice,
    DidYouMean didYouMean,
    boolean partial) {

  /**
   * One paragraph. {@code text} is plain text (escape it before putting it in HTML); in {@code highlight}
   * everything except the {@code <mark>} tags is already HTML-escaped.
   *
   * @param score relevance score, null when browsing in document order
   */
  public record Hit(
      String id,
      String articleId,
      String title,
      String section,
      int paragraph,
      String date,
      String text,
      String highlight,
      List<String> themes,
      Double score) {}

  /** The same response with another time taken (a cached response is served in a fraction of the time). */
  public SearchResponse withTookMs(long ms) {
    return new SearchResponse(query, total, page, size, ms, hits, facets, notice, didYouMean, partial);
  }

  /** A query to try instead, why ({@code spelling} or {@code relaxed}), and how many results it has. */
  public record DidYouMean(String query, String reason, long total) {}

  /** One facet value with its Chinese label and how many results have it. */
  public record FacetValue(String value, String label, long count) {}
}
