package cn.zhenxing.indexer.index;

import java.util.List;
import java.util.Map;

/** A paragraph as read back from the index, with what the search API and article view show. */
public record StoredParagraph(
    String id,
    String articleId,
    int paragraph,
    String title,
    String section,
    List<String> headings,
    String date,
    String source,
    String url,
    String text,
    List<String> themes,
    Map<String, List<String>> evidence,
    ArticleMeta articleMeta) {}
