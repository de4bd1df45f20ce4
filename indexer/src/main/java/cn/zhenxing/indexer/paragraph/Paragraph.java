package cn.zhenxing.indexer.paragraph;

import java.util.List;

/**
 * One paragraph of an article: the unit we index and return as a hit.
 *
 * @param number the paragraph's position among the article's pieces (the title is piece 0; headings and
 *     metadata lines take numbers too), so numbers are stable against the source text and may have gaps
 * @param section the nearest heading above the paragraph, or "" when there is none
 * @param headings the headings that stand between the previous paragraph and this one, outermost first; lets
 *     the article view show every heading even when no paragraph follows it directly
 */
public record Paragraph(String articleId, int number, String section, List<String> headings, String text) {

  public Paragraph {
    headings = List.copyOf(headings);
  }

  /** The paragraph's id, unique in the index: {@code articleId#number}. */
  public String id() {
    return idOf(articleId, number);
  }

  public static String idOf(String articleId, int number) {
    return articleId + "#" + number;
  }
}
