package cn.zhenxing.indexer.paragraph;

import java.util.List;
import java.util.Map;

/**
 * An article after splitting: its metadata, from the input record and from metadata lines in the text, and
 * its paragraphs in order.
 *
 * @param metadata labelled lines such as 来源 or 时间, in the order found (label without the colon)
 * @param related titles listed after a 相关报道： line
 */
public record ParsedArticle(
    String id,
    String title,
    String subtitle,
    String date,
    String source,
    String url,
    Map<String, String> metadata,
    List<String> related,
    List<Paragraph> paragraphs) {

  public ParsedArticle {
    metadata = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metadata));
    related = List.copyOf(related);
    paragraphs = List.copyOf(paragraphs);
  }

  public int characterCount() {
    int n = 0;
    for (Paragraph p : paragraphs) {
      n += p.text().length();
    }
    return n;
  }
}
